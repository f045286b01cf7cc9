// domain_hooks.h — wires the domain into the running kiosk: the screens'
// domain context (on the kiosk's database, the app's clock and the enrolled
// station) and what a card swipe means when the screen did not take it.
#pragma once

#include <memory>

#include "domain/context.h"
#include "shell/app.h"

namespace shell {

class DomainHooks {
public:
    // Installs App::Hooks::onStart and onCard; lives as long as the App.
    explicit DomainHooks(App& app);

private:
    void start(App& app);
    void card(App& app, const std::string& cardNo);

    std::unique_ptr<domain::Context> domain_;
};

}  // namespace shell
