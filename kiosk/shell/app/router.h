// router.h — which screen is showing: a stack of screen ids.
//
// Requests made while a frame is drawn (push, back, home, reset) are queued and
// applied between frames by apply(), so a screen never changes under the code
// that is drawing it. apply() reports each change of the top so the shell can
// call onLeave / onEnter.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace shell {

class Router {
public:
    // `root` is the bottom of the stack (the welcome screen); `home` is where
    // the Home button leads.
    Router(std::string root, std::string home);

    const std::string& current() const { return stack_.back(); }
    const std::vector<std::string>& stack() const { return stack_; }
    const std::string& root() const { return root_; }
    const std::string& homeId() const { return home_; }

    void push(std::string id);
    void back();                // never pops the root
    void home();                // back to the home screen: [root, home]
    void reset(std::string id); // [root] (id == root) or [root, id]
    bool pending() const { return !queue_.empty(); }

    // Applies queued requests in order. For every change of the top screen
    // calls onChange(from, to). Returns true if the top changed.
    bool apply(const std::function<void(const std::string& from, const std::string& to)>& onChange);

private:
    enum class Op { Push, Back, Home, Reset };
    struct Request {
        Op op;
        std::string id;
    };
    std::string root_, home_;
    std::vector<std::string> stack_;
    std::vector<Request> queue_;
};

}  // namespace shell
