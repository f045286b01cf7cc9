#include "http/admission.h"

namespace district {
namespace {
thread_local bool tShedding = false;
}

AdmissionQueue::AdmissionQueue(std::size_t workers, std::size_t maxBacklog)
    : maxBacklog_(maxBacklog) {
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(false); });
    threads_.emplace_back([this] { work(true); });
}

AdmissionQueue::~AdmissionQueue() {
    if (!threads_.empty()) shutdown();
}

bool AdmissionQueue::sheddingThisRequest() { return tShedding; }

void AdmissionQueue::enqueue(std::function<void()> fn) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        (jobs_.size() >= maxBacklog_ ? shed_ : jobs_).push_back(std::move(fn));
    }
    cv_.notify_all();
}

void AdmissionQueue::shutdown() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
}

void AdmissionQueue::work(bool shedder) {
    tShedding = shedder;
    auto& queue = shedder ? shed_ : jobs_;
    for (;;) {
        std::function<void()> fn;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cv_.wait(lock, [&] { return stop_ || !queue.empty(); });
            if (queue.empty()) return;  // stopping, and everything queued has run
            fn = std::move(queue.front());
            queue.pop_front();
        }
        fn();
    }
}

}  // namespace district
