// bench_server_throughput — the real district-server, on 127.0.0.1 only.
//
//   bench_server_throughput [--members N] [--stations S] [--rounds R]
//                           [--batch B] [--seconds T] [--threads W] [--keep 1]
//
// 1. `demo --members N` into a temporary data dir; S stations enrolled.
// 2. One station pulls the whole district (pages of 5,000), then pushes
//    10,000 ops in batches of 500: the DESIGN.md budget ("push 10,000 ops and
//    pull 150,000 members in under 10 s together").
// 3. S stations sync at once, R rounds each: push B ops, pull changes until
//    `more` is false, close the connection (a kiosk's sync cycle). Bounded by
//    R and by T seconds, whichever comes first.
// Prints requests/s, ops/s and p50/p99 latency per request kind.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "protocol.h"
#include "server_process.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using district::test::runCli;
using district::test::ServerProcess;

struct Args {
    int members = 150000, stations = 50, rounds = 20, batch = 10, seconds = 60, threads = 8;
    bool keep = false;  // keep the data dir (and the server's log) for a look afterwards
};

struct Enrolled {
    std::string id, token;
};

double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::unique_ptr<httplib::SSLClient> client(int port, const std::string& ca, const std::string& token) {
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    c->set_ca_cert_path(ca.c_str());
    c->enable_server_certificate_verification(true);
    c->set_bearer_token_auth(token.c_str());
    c->set_keep_alive(true);
    c->set_tcp_nodelay(true);  // as libcurl does by default
    c->set_read_timeout(60);
    return c;
}

std::string member(std::uint64_t n, int members) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "m-%06d", static_cast<int>(n % static_cast<std::uint64_t>(members)) + 1);
    return buf;
}

// A station's ops: check-ins of different elders, and meal bookings at its
// own canteen (the demo stations) or the first canteen's slots.
proto::Op makeOp(const Enrolled& st, std::int64_t seq, std::uint64_t& rnd, int members,
                 const std::vector<std::string>& slots) {
    rnd = rnd * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t r = rnd >> 20;
    proto::Op op;
    op.seq = seq;
    op.uuid = st.id + "-" + std::to_string(seq);
    op.created_at = core::isoLocal(std::chrono::system_clock::now());
    if (r % 10 < 7 || slots.empty()) {
        op.kind = "checkin";
        op.payload = {{"member_id", member(r, members)}};
    } else {
        op.kind = "meal_book";
        op.payload = {{"booking_id", op.uuid}, {"member_id", member(r, members)},
                      {"slot_id", slots[r % slots.size()]}};
    }
    return op;
}

// Pulls until `more` is false; returns rows. Latencies of each page go to `lat`.
std::int64_t pullAll(httplib::SSLClient& c, std::int64_t& cursor, std::vector<double>* lat,
                      std::size_t* bytes) {
    std::int64_t rows = 0;
    for (bool more = true; more;) {
        const auto t = Clock::now();
        auto res = c.Get("/api/v1/changes?since=" + std::to_string(cursor) + "&limit=5000");
        if (!res || res->status != 200)
            throw std::runtime_error("pull failed: " + (res ? std::to_string(res->status) + " " + res->body
                                                            : httplib::to_string(res.error())));
        if (bytes) *bytes += res->body.size();
        const auto page = json::parse(res->body).get<proto::ChangesPage>();
        if (lat) lat->push_back(secondsSince(t) * 1000);
        rows += static_cast<std::int64_t>(page.changes.size());
        cursor = page.next_cursor;
        more = page.more;
    }
    return rows;
}

proto::PushResponse pushOps(httplib::SSLClient& c, const Enrolled& st, const std::vector<proto::Op>& ops) {
    auto res = c.Post("/api/v1/ops", json(proto::PushRequest{st.id, ops}).dump(), "application/json");
    if (!res || res->status != 200)
        throw std::runtime_error("push failed: " + (res ? std::to_string(res->status) + " " + res->body
                                                        : httplib::to_string(res.error())));
    return json::parse(res->body).get<proto::PushResponse>();
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const int v = std::atoi(argv[i + 1]);
        if (k == "--members") a.members = v;
        else if (k == "--stations") a.stations = v;
        else if (k == "--rounds") a.rounds = v;
        else if (k == "--batch") a.batch = v;
        else if (k == "--seconds") a.seconds = v;
        else if (k == "--threads") a.threads = v;
        else if (k == "--keep") a.keep = v != 0;
        else {
            std::fprintf(stderr, "usage: bench_server_throughput [--members N] [--stations S] "
                                 "[--rounds R] [--batch B] [--seconds T] [--threads W] [--keep 1]\n");
            return 2;
        }
    }
    if (argc % 2 == 0 || a.stations < 1 || a.members < 39 || a.rounds < 1 || a.batch < 1) {
        std::fprintf(stderr, "bad arguments\n");
        return 2;
    }
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "bench-server-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return 1;
    const std::string dir = tmpl;
    try {
        auto t0 = Clock::now();
        auto [rc, out] = runCli({"--data-dir", dir, "demo", "--members", std::to_string(a.members)});
        if (rc != 0) throw std::runtime_error("demo failed: " + out);
        std::printf("demo: %d members in %.2f s\n", a.members, secondsSince(t0));

        // The 13 demo stations first (they have canteens), then extra ones.
        static const char* demoStations[] = {"长城", "梅林一村", "梅河", "狮岭", "华航", "下沙", "莲花北",
                                             "益田", "福保", "下梅林", "莲花三村", "紫荆", "侨香"};
        std::vector<Enrolled> stations;
        for (int i = 0; i < a.stations; ++i) {
            const std::string bundle = dir + "/bundle-" + std::to_string(i) + ".json";
            std::vector<std::string> args = {"--data-dir", dir, "station", "add"};
            if (i < 13) args.push_back(std::string(demoStations[i]) + "长者服务站");
            else args.insert(args.end(), {"基准测试站" + std::to_string(i), "--id", "st-bench-" + std::to_string(i)});
            args.insert(args.end(), {"--bundle", bundle});
            if (auto [rc2, out2] = runCli(args); rc2 != 0) throw std::runtime_error("station add failed: " + out2);
            const auto b = json::parse(std::ifstream(bundle)).get<proto::EnrollmentBundle>();
            stations.push_back({b.station_id, b.token});
        }
        ServerProcess server(dir, {"--threads", std::to_string(a.threads)});
        const std::string ca = dir + "/tls/ca.pem";
        std::printf("server: 127.0.0.1:%d, %d workers; %d stations enrolled\n", server.port(), a.threads,
                    a.stations);

        // Slots the bench books: lunch and dinner of the coming days at 长城's canteen.
        std::vector<std::string> slots;
        const std::string today = core::dateLocal(std::chrono::system_clock::now());
        for (int d = 1; d < 7; ++d) {
            const std::string date = core::addDays(today, d);
            const std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
            for (const char* s : {"lunch", "dinner"}) slots.push_back("slot-ct-changcheng-" + compact + "-" + s);
        }

        // ---- 2. one station: full pull, then 10,000 ops in batches of 500
        auto c0 = client(server.port(), ca, stations[0].token);
        std::int64_t cursor = 0;
        std::size_t bytes = 0;
        t0 = Clock::now();
        const std::int64_t rows = pullAll(*c0, cursor, nullptr, &bytes);
        const double pullSecs = secondsSince(t0);
        std::printf("full pull: %lld changes (%.1f MB) in %.2f s = %.0f rows/s\n",
                    static_cast<long long>(rows), static_cast<double>(bytes) / 1e6, pullSecs,
                    static_cast<double>(rows) / pullSecs);
        std::uint64_t rnd = 42;
        std::int64_t seq = 0;
        t0 = Clock::now();
        int applied = 0, rejected = 0;
        for (int b = 0; b < 20; ++b) {
            std::vector<proto::Op> ops;
            for (int k = 0; k < 500; ++k) ops.push_back(makeOp(stations[0], ++seq, rnd, a.members, slots));
            for (const auto& r : pushOps(*c0, stations[0], ops).results)
                (r.status == proto::OpStatus::Applied ? applied : rejected)++;
        }
        const double pushSecs = secondsSince(t0);
        std::printf("push: 10000 ops in 20 requests in %.2f s = %.0f ops/s (%d applied, %d rejected)\n",
                    pushSecs, 10000 / pushSecs, applied, rejected);
        std::printf("budget (pull + push): %.2f s of 10 s\n", pullSecs + pushSecs);
        c0->stop();
        // Everyone starts from here: the district is already on their disks.
        std::int64_t start = cursor;
        pullAll(*client(server.port(), ca, stations[0].token), start, nullptr, nullptr);

        // ---- 3. all stations at once
        std::mutex m;
        std::vector<double> pushLat, pullLat;
        std::atomic<long> requests{0}, opsDone{0}, failures{0}, rowsPulled{0};
        const auto deadline = Clock::now() + std::chrono::seconds(a.seconds);
        t0 = Clock::now();
        std::vector<std::thread> threads;
        for (int i = 0; i < a.stations; ++i) {
            threads.emplace_back([&, i] {
                const Enrolled& st = stations[static_cast<std::size_t>(i)];
                std::uint64_t r = 1000 + static_cast<std::uint64_t>(i);
                std::int64_t s = i == 0 ? seq : 0, cur = start;
                std::vector<double> myPush, myPull;
                for (int round = 0; round < a.rounds && Clock::now() < deadline; ++round) {
                    try {
                        auto c = client(server.port(), ca, st.token);
                        std::vector<proto::Op> ops;
                        for (int k = 0; k < a.batch; ++k) ops.push_back(makeOp(st, s + 1 + k, r, a.members, slots));
                        const auto t = Clock::now();
                        const auto resp = pushOps(*c, st, ops);
                        myPush.push_back(secondsSince(t) * 1000);
                        s = resp.last_applied_seq;
                        opsDone += a.batch;
                        const auto before = myPull.size();
                        rowsPulled += pullAll(*c, cur, &myPull, nullptr);
                        requests += 1 + static_cast<long>(myPull.size() - before);
                        c->stop();
                    } catch (const std::exception& e) {
                        if (failures++ < 5) std::fprintf(stderr, "station %s: %s\n", st.id.c_str(), e.what());
                    }
                }
                std::lock_guard<std::mutex> lock(m);
                pushLat.insert(pushLat.end(), myPush.begin(), myPush.end());
                pullLat.insert(pullLat.end(), myPull.begin(), myPull.end());
            });
        }
        for (auto& t : threads) t.join();
        const double secs = secondsSince(t0);
        std::printf("concurrent: %d stations x up to %d rounds (push %d ops + pull) in %.2f s\n", a.stations,
                    a.rounds, a.batch, secs);
        std::printf("  %ld requests = %.0f requests/s, %ld ops = %.0f ops/s, %ld rows pulled, %ld failures\n",
                    requests.load(), static_cast<double>(requests) / secs, opsDone.load(),
                    static_cast<double>(opsDone) / secs, rowsPulled.load(), failures.load());
        std::printf("  push (first request on a new TLS connection) p50 %.1f ms, p99 %.1f ms (%zu)\n", percentile(pushLat, 0.5),
                    percentile(pushLat, 0.99), pushLat.size());
        std::printf("  pull (same connection) p50 %.1f ms, p99 %.1f ms (%zu)\n", percentile(pullLat, 0.5),
                    percentile(pullLat, 0.99), pullLat.size());
        std::printf("server stopped with status %d\n", server.stop());
        if (a.keep) {
            std::printf("data dir kept: %s (server.log has every request's time)\n", dir.c_str());
            return 0;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench failed: %s\n", e.what());
        fs::remove_all(dir);
        return 1;
    }
    fs::remove_all(dir);
    return 0;
}
