// domain_hooks.h — wires the domain into the running kiosk: the screens'
// domain context (on the kiosk's database, the app's clock and the enrolled
// station) and what a card swipe or a scanned code means when the screen did
// not take it (identify the elder, as screens/identify_screen does).
#pragma once

#include <memory>

#include "domain/context.h"
#include "domain/members.h"
#include "shell/app/app.h"

namespace shell {

class DomainHooks {
public:
    // Installs App::Hooks::onStart and onCard; lives as long as the App.
    explicit DomainHooks(App& app);

private:
    void start(App& app);
    void identified(App& app, const domain::IdentifyResult& r, const std::string& unknownKey);

    std::unique_ptr<domain::Context> domain_;
};

}  // namespace shell
