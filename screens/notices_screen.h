// notices_screen.h — what the district turned down since the elder's last
// visit (DESIGN.md principle 2: a rejection is never dropped silently). Shown
// right after identification: each rejection in plain words with what to do
// ("您11月24日的午餐没有订上：名额已满。请改订其他餐次，或问工作人员。"), then one
// big 知道了 (notices.ok) acknowledges them and goes on to the flow that asked.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/notices.h"
#include "screens/screen.h"

namespace screens {

// The plain sentence for one rejection (every reason code of sync/PROTOCOL.md).
std::string noticeText(const Context& ctx, const domain::Notice& n);

class NoticesScreen final : public Screen {
public:
    explicit NoticesScreen(Context& ctx);
    void onEnter() override;
    void onLeave() override;

protected:
    shell::Node content(const shell::Rect& area) override;

private:
    std::vector<domain::Notice> notices_;
    std::vector<std::string> lines_;
};

}  // namespace screens
