#include "http/admission.h"

#include "http/conn_guard.h"

namespace district {

AdmissionQueue::AdmissionQueue(std::size_t workers, std::size_t maxBacklog, std::size_t maxShed)
    : maxBacklog_(maxBacklog), maxShed_(maxShed) {
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(false); });
    threads_.emplace_back([this] { work(true); });
}

AdmissionQueue::~AdmissionQueue() {
    if (!threads_.empty()) shutdown();
}

void AdmissionQueue::enqueue(std::function<void()> fn) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (jobs_.size() < maxBacklog_ || shed_.size() < maxShed_) {
            (jobs_.size() < maxBacklog_ ? jobs_ : shed_).push_back(std::move(fn));
            fn = nullptr;
        }
    }
    if (!fn) {
        cv_.notify_all();
        return;
    }
    // Every queue is full: refused here, on the accepting thread, closed at
    // the start of its handshake (microseconds).
    ConnectionGuard::setLane(ConnectionGuard::Lane::Refuse);
    fn();
    ConnectionGuard::setLane(ConnectionGuard::Lane::Serve);
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
    ConnectionGuard::setLane(shedder ? ConnectionGuard::Lane::Shed : ConnectionGuard::Lane::Serve);
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
