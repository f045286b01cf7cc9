#include "screens/pager.h"

#include "screens/ids.h"
#include "screens/parts.h"

namespace screens {

shell::Node pagerRow(Context& ctx, const std::string& prefix, Pager& pager, int count) {
    const int pages = pager.pages(count);
    if (pages <= 1) return shell::column(0);
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    shell::Node r = shell::row(m.gap);
    Pager* p = &pager;
    if (pager.page > 0)
        r.add(ui.button(wid::pager(prefix, false), ctx.strings.get("pager.prev"), shell::Icon::Back, ui.secondaryStyle(),
                        [p] { --p->page; }));
    else
        r.add(shell::spring());
    shell::Node where = muted(ctx, ctx.strings.format("pager.where", {{"page", std::to_string(pager.page + 1)},
                                                                      {"pages", std::to_string(pages)}}),
                              shell::TextAlign::Centre);
    where.grow = 1;
    where.align = shell::Align::Centre;
    r.add(std::move(where));
    if (pager.page + 1 < pages)
        r.add(ui.button(wid::pager(prefix, true), ctx.strings.get("pager.next"), shell::Icon::More, ui.secondaryStyle(),
                        [p] { ++p->page; }));
    else
        r.add(shell::spring());
    return r;
}

}  // namespace screens
