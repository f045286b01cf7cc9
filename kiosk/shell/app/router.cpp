#include "shell/app/router.h"

#include <utility>

namespace shell {

Router::Router(std::string root, std::string home) : root_(std::move(root)), home_(std::move(home)) {
    stack_.push_back(root_);
}

void Router::push(std::string id) { queue_.push_back({Op::Push, std::move(id)}); }
void Router::back() { queue_.push_back({Op::Back, {}}); }
void Router::home() { queue_.push_back({Op::Home, {}}); }
void Router::reset(std::string id) { queue_.push_back({Op::Reset, std::move(id)}); }

bool Router::apply(const std::function<void(const std::string&, const std::string&)>& onChange) {
    bool changed = false;
    // Requests may queue more requests from onChange (onEnter): keep going.
    while (!queue_.empty()) {
        Request r = std::move(queue_.front());
        queue_.erase(queue_.begin());
        std::string from = stack_.back();
        switch (r.op) {
            case Op::Push:
                if (r.id != stack_.back()) stack_.push_back(r.id);
                break;
            case Op::Back:
                if (stack_.size() > 1) stack_.pop_back();
                break;
            case Op::Home:
                stack_.assign({root_, home_});
                break;
            case Op::Reset:
                if (r.id == root_) stack_.assign({root_});
                else stack_.assign({root_, r.id});
                break;
        }
        if (stack_.back() != from) {
            changed = true;
            if (onChange) onChange(from, stack_.back());
        }
    }
    return changed;
}

}  // namespace shell
