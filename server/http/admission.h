// admission.h — the server's worker pool, with load shedding.
//
// cpp-httplib gives each connection a worker thread for its whole life
// (keep-alive included). When all workers are busy, new connections wait in a
// queue; beyond `max_backlog` waiting connections, a connection is handed to
// a separate shedding thread instead, which answers its request at once with
// 503 and Retry-After (see Api) and closes it. Stations back off and come
// back, instead of piling up behind a queue that only grows.
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

class AdmissionQueue final : public httplib::TaskQueue {
public:
    AdmissionQueue(std::size_t workers, std::size_t maxBacklog);
    ~AdmissionQueue() override;

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

    // True on the shedding thread: the request must be answered 503.
    static bool sheddingThisRequest();

private:
    void work(bool shedder);

    std::size_t maxBacklog_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_, shed_;
    std::vector<std::thread> threads_;
    bool stop_ = false;
};

}  // namespace district
