// admission.h — the server's worker pool, with bounded waiting and load
// shedding.
//
// cpp-httplib gives each connection a worker thread for its whole life
// (keep-alive included). When all workers are busy, new connections wait in a
// queue of at most `max_backlog`; beyond it a connection goes to a shedding
// thread instead, which answers its request at once with 503 and Retry-After
// (HardenedHttpsServer) and closes it, so stations back off and come back.
// The shedding queue is bounded too (`max_shed`): beyond it a connection is
// closed at once, on the accepting thread, before its TLS handshake (the
// ConnectionGuard's Lane::Refuse). Nothing here grows with the number of
// clients knocking.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace district {

// Needs a ConnectionGuard attached to the server's SSL_CTX: that is what
// closes a refused connection at once.
class AdmissionQueue final : public httplib::TaskQueue {
public:
    AdmissionQueue(std::size_t workers, std::size_t maxBacklog, std::size_t maxShed);
    ~AdmissionQueue() override;

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

private:
    void work(bool shedder);

    std::size_t maxBacklog_, maxShed_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_, shed_;
    std::vector<std::thread> threads_;
    bool stop_ = false;
};

}  // namespace district
