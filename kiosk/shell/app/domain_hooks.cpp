#include "shell/app/domain_hooks.h"

#include "domain/help.h"
#include "domain/members.h"
#include "screens/context.h"
#include "screens/identify_screen.h"
#include "screens/ids.h"
#include "shell/app/router.h"
#include "shell/app/session.h"
#include "shell/ui/strings.h"

namespace shell {

DomainHooks::DomainHooks(App& app) {
    app.hooks().onStart = [this](App& a) { start(a); };
    app.hooks().onCard = [this](App& a, const std::string& cardNo) {
        auto& ctx = a.context();
        const std::string screen = ctx.router.current();
        identified(a,
                   ctx.domain ? domain::identifyCardAt(*ctx.domain, cardNo, screen)
                              : domain::identifyByCard(a.database(), cardNo),
                   "identify.unknown_card");
    };
    app.hooks().onScan = [this](App& a, const std::string& text) {
        identified(a, domain::identifyByQr(a.database(), text), "identify.unknown_code");
    };
}

void DomainHooks::start(App& app) {
    auto& ctx = app.context();
    domain_ = std::make_unique<domain::Context>(
        domain::Context{app.database(), ctx.clock, domain::enrolledStationId(app.database())});
    // The meal rules the elder is priced by: the running configuration's.
    domain_->config = [&app] { return app.runningConfig(); };
    ctx.domain = domain_.get();
}

// A card (or the elder's code) on any screen identifies the elder — a new
// elder replaces whoever was at the screen — the same way the identify screen
// does: rejections first (notices), then Home. One that matches nobody opens
// identify with the plain answer and the button that calls staff.
void DomainHooks::identified(App& app, const domain::IdentifyResult& r, const std::string& unknownKey) {
    auto& ctx = app.context();
    ctx.identifyReturnTo.clear();
    if (r.outcome != domain::IdentifyOutcome::Found) {
        screens::showUnknown(ctx, r.outcome == domain::IdentifyOutcome::ForgedCode    ? "identify.forged_code"
                                  : r.outcome == domain::IdentifyOutcome::BlockedCard ? "identify.blocked_card"
                                                                                      : unknownKey);
        return;
    }
    screens::onIdentified(ctx, *r.member);
}

}  // namespace shell
