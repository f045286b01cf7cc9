// staff_rejected: ops the district turned down, newest first, in words (the
// one reason table, screens/reasons.h).
#include "screens/format.h"
#include "screens/reasons.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Rejected final : public Step {
public:
    Rejected(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kStaffRejected, "staff.rejected.title", std::move(st)) {}

protected:
    void load() override {
        const domain::Context& d = *ctx_.domain;
        auto& out = st().rejections;
        out.clear();
        for (const auto& op : d.oplog().rejections(kRejectionsShown)) {
            std::string member;
            if (op.member_id)
                if (auto m = domain::memberById(d.db, *op.member_id)) member = domain::maskName(m->name);
            out.push_back({opKindText(ctx_.strings, op.kind), reasonText(ctx_.strings, op.reason, ReasonFor::Staff),
                           dayTime(ctx_.strings, op.answered_at.empty() ? op.created_at : op.answered_at), member});
            ctx_.addText(member);
        }
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& list = st().rejections;
        if (list.empty()) return emptyNote(ctx_, ctx_.strings.get("staff.rejected.empty"));
        Node rows = shell::column(m.gap * 0.75f);
        for (const auto& r : list) {
            Node what = body(ctx_, r.member.empty() ? r.kind : r.kind + "  " + r.member);
            what.grow = 1;
            Node when = muted(ctx_, r.at, shell::TextAlign::Right);
            rows.add(shell::column(m.gap * 0.2f, {shell::row(m.gap, {std::move(what), std::move(when)}), body(ctx_, r.reason)}));
        }
        return shell::column(0, {ui.card(ui.scroll(wid::kStaffRejectedList, std::move(rows), m.touchMin * 1.5f))});
    }
};

}  // namespace

std::unique_ptr<Screen> rejectedStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Rejected>(ctx, std::move(st));
}

}  // namespace screens::staff
