// flow.h — the one pattern for a flow of several steps (meals, activities,
// time bank, staff mode):
//
//   a State      the choices made so far and each step's view model, shared
//                by the flow's steps (shared_ptr)
//   one step     a FlowStep subclass per screen, one file each: load() reads
//                its view model from the domain (in onEnter, and again after
//                an action); content() lays it out; actions call the domain
//                and then load() or go to the next step
//
// FlowStep does what every step does on entering: checks who may be here
// (an identified elder; staff mode checks its unlock instead), and starts the
// flow afresh when someone else is at the screen now.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "screens/parts.h"
#include "screens/screen.h"

namespace screens {

// What every flow's State has.
struct FlowState {
    std::uint64_t generation = ~std::uint64_t(0);  // the session the state belongs to
};

template <class State>
class FlowStep : public Screen {
public:
    FlowStep(Context& ctx, std::string id, std::string titleKey, std::shared_ptr<State> state)
        : Screen(ctx, std::move(id), std::move(titleKey)), st_(std::move(state)) {}

    void onEnter() override {
        if (!admit()) return;
        if (perElder() && st_->generation != ctx_.session.generation()) {
            *st_ = State{};
            st_->generation = ctx_.session.generation();
        }
        if (ctx_.domain) load();
    }

protected:
    // May this step show? Elder flows: an identified elder (else identify opens).
    virtual bool admit() { return askForMember(ctx_, id()); }
    // The step's view model, from the domain. Never called from content().
    virtual void load() {}
    // The state belongs to the elder at the screen: it starts afresh for the next one.
    virtual bool perElder() const { return true; }
    // The state is usable: someone admitted is here and the domain is wired.
    bool ready() const { return ctx_.domain && ctx_.session.active() && st_->generation == ctx_.session.generation(); }

    State& st() { return *st_; }
    const State& st() const { return *st_; }

private:
    std::shared_ptr<State> st_;
};

}  // namespace screens
