// pager.h — the one pager for lists shown a page at a time (at most six
// choices on a screen): 上一页, "第 2 / 3 页", 下一页. A key is left out at
// its end (never a target that does nothing).
// Widget ids PREFIX.prev_page, PREFIX.next_page.
#pragma once

#include <string>

#include "screens/context.h"
#include "shell/ui/stack.h"

namespace screens {

struct Pager {
    static constexpr int kPerPage = 6;
    int page = 0;
    int pages(int count) const { return std::max(1, (count + kPerPage - 1) / kPerPage); }
    int first() const { return page * kPerPage; }
    // Keeps the page in range after the list changed.
    void clamp(int count) { page = std::max(0, std::min(page, pages(count) - 1)); }
};

// The row under the page's items; `pager.page` changes when a key is tapped.
// An empty node when everything fits on one page.
shell::Node pagerRow(Context& ctx, const std::string& prefix, Pager& pager, int count);

}  // namespace screens
