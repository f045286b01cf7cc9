#include "shell/domain_hooks.h"

#include "domain/members.h"
#include "screens/context.h"
#include "screens/screen_ids.h"
#include "shell/router.h"
#include "shell/session.h"
#include "shell/strings.h"

namespace shell {

DomainHooks::DomainHooks(App& app) {
    app.hooks().onStart = [this](App& a) { start(a); };
    app.hooks().onCard = [this](App& a, const std::string& cardNo) { card(a, cardNo); };
}

void DomainHooks::start(App& app) {
    auto& ctx = app.context();
    domain_ = std::make_unique<domain::Context>(
        domain::Context{app.database(), ctx.clock, domain::enrolledStationId(app.database())});
    ctx.domain = domain_.get();
}

// A card on any screen identifies the elder (a new elder replaces whoever was
// at the screen) and opens Home; an unknown card says so and how to get help.
void DomainHooks::card(App& app, const std::string& cardNo) {
    auto r = domain::identifyByCard(app.database(), cardNo);
    if (r.outcome != domain::IdentifyOutcome::Found) {
        app.showNotice(app.strings().get("card.unknown"));
        return;
    }
    app.context().addText(r.member->name);
    app.session().begin(r.member->id, r.member->name);
    app.router().home();
}

}  // namespace shell
