// timebank_catalog (兑换: 服务 / 物品 tabs) and timebank_service (记录服务: the
// services): the catalog a page of six at a time, with the shared pager.
#include <algorithm>

#include "screens/timebank/state.h"

namespace screens::timebank {
namespace {

class Catalog final : public Step {
public:
    Catalog(Context& ctx, std::shared_ptr<State> st, bool forService)
        : Step(ctx, forService ? ids::kTimeBankService : ids::kTimeBankCatalog,
               forService ? "timebank.service.title" : "timebank.catalog.title", std::move(st)),
          forService_(forService) {}

protected:
    void load() override {
        State& s = st();
        s.balance = domain::balanceOf(*ctx_.domain, ctx_.session.memberId());
        if (forService_) s.kind = "service";
        s.items = domain::catalog(*ctx_.domain, s.kind);
        for (const auto& i : s.items) ctx_.addText(i.name);
        s.pager.clamp(int(s.items.size()));
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready()) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const shell::Palette& c = ui.c();
        const auto& str = ctx_.strings;
        State& s = st();
        Node col = shell::column(m.gap * 0.75f);
        if (forService_) {
            col.add(body(ctx_, str.get("timebank.service.ask")));
        } else {
            // 服务 / 物品: the tab is a state, so it carries a check mark as well as a colour.
            Node head = shell::row(m.gap);
            Node avail = body(ctx_, str.format("timebank.catalog.available",
                                               {{"hours", domain::formatHours(s.balance.available())}}));
            avail.grow = 1;
            avail.align = shell::Align::Centre;
            head.add(std::move(avail));
            for (const char* kind : {"service", "goods"}) {
                const bool sel = s.kind == kind;
                const std::string k = kind;
                Node tab = ui.button(k == "service" ? wid::kTbKindService : wid::kTbKindGoods,
                                     str.get("timebank.kind." + k), shell::Icon::None,
                                     sel ? ui.primaryStyle() : ui.secondaryStyle(),
                                     [this, k] {
                                         if (st().kind == k) return;
                                         st().kind = k;
                                         st().pager.page = 0;
                                         load();
                                     },
                                     m.touchMin, sel);
                const float w = std::max(shell::widthOf(tab).pref, m.touchMin * 2);
                tab.width = [w] { return shell::Span{w, w}; };
                head.add(std::move(tab));
            }
            col.add(std::move(head));
        }
        const int n = int(s.items.size());
        if (n == 0) {
            col.add(emptyNote(ctx_, str.get("timebank.catalog.empty")));
            return col;
        }
        std::vector<shell::Ui::TileSpec> tiles;
        for (int i = s.pager.first(); i < std::min(n, s.pager.first() + Pager::kPerPage); ++i) {
            const domain::CatalogItem item = s.items[std::size_t(i)];
            tiles.push_back({wid::tbItem(item.id), item.name, hours(ctx_, item.minutes), shell::Icon::None, c.timebank,
                             [this, item] {
                                 st().chosen = item;
                                 ctx_.router.push(forService_ ? ids::kTimeBankServiceHours : ids::kTimeBankConfirm);
                             }});
        }
        col.add(ui.tileGrid(std::move(tiles), ui.theme().portrait() ? 2 : 3));
        col.add(pagerRow(ctx_, wid::kTbPager, s.pager, n));
        return col;
    }

private:
    bool forService_;
};

}  // namespace

std::unique_ptr<Screen> catalogStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Catalog>(ctx, std::move(st), false);
}

std::unique_ptr<Screen> serviceStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Catalog>(ctx, std::move(st), true);
}

}  // namespace screens::timebank
