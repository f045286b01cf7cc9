// bench_server_throughput — the real district-server, on 127.0.0.1 only.
//
//   bench_server_throughput [--members N] [--stations S] [--rounds R]
//                           [--batch B] [--seconds T] [--threads W] [--keep 1]
//                           [--database URL|private] [--processes P] [--clients C]
//
// Without --database (SQLite, one process):
// 1. `demo --members N` into a temporary data dir; S stations enrolled.
// 2. One station pulls the whole district (pages of 5,000), then pushes
//    10,000 ops in batches of 500: the DESIGN.md budget ("push 10,000 ops and
//    pull 150,000 members in under 10 s together").
// 3. S stations sync at once, R rounds each: push B ops, pull changes until
//    `more` is false, close the connection (a kiosk's sync cycle). Bounded by
//    R and by T seconds, whichever comes first.
// Prints requests/s, ops/s and p50/p99 latency per request kind.
//
// With --database (a PostgreSQL URL whose user may CREATE DATABASE, or
// "private": a throwaway cluster like the tests'), step 3 runs three times,
// each on a fresh district of the same size — SQLite with one process,
// PostgreSQL with one process, PostgreSQL with P processes (station i talks
// to process i mod P) — with C client threads carrying the S stations'
// sync cycles, and prints the three side by side.
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
#include "open_storage.h"
#include "pki/pki.h"
#include "pki/token.h"
#include "protocol.h"
#include "server_process.h"

#include <libpq-fe.h>
#include <unistd.h>

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using district::test::runCli;
using district::test::ServerProcess;

struct Args {
    int members = 150000, stations = 50, rounds = 20, batch = 10, seconds = 60, threads = 8;
    bool keep = false;  // keep the data dir (and the server's log) for a look afterwards
    std::string database;   // --database: compare SQLite/1, PG/1, PG/P
    int processes = 4, clients = 64;
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


// ---- The side-by-side run (--database)

struct Figures {
    std::string name;
    double seconds = 0;
    long requests = 0, ops = 0, errors = 0;
    std::vector<double> push, pull;
};

// url with its database path replaced by `db` (postgresql://u@h/OLD?x -> …/db?x).
std::string withDatabase(const std::string& url, const std::string& db) {
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme + 3);
    const auto query = url.find('?');
    const std::string rest = query == std::string::npos ? "" : url.substr(query);
    const std::string head = slash == std::string::npos || (query != std::string::npos && slash > query)
                                 ? url.substr(0, query == std::string::npos ? url.size() : query)
                                 : url.substr(0, slash);
    return head + "/" + db + rest;
}

void adminSql(const std::string& url, const std::string& sql) {
    PGconn* c = PQconnectdb(url.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::string m = PQerrorMessage(c);
        PQfinish(c);
        throw std::runtime_error("PostgreSQL: " + m);
    }
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string m = ok ? "" : PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error(sql + ": " + m);
}

// One configuration: a fresh district (SQLite in `dir`, or PostgreSQL at
// `database`), S stations, P server processes, C clients for R rounds / T s.
Figures runConfig(const std::string& name, const Args& a, const std::string& database, int processes) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "bench-server-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
    const std::string dir = tmpl;
    if (database.empty()) unsetenv("DISTRICT_DATABASE");
    else setenv("DISTRICT_DATABASE", database.c_str(), 1);
    Figures f;
    f.name = name;
    auto t0 = Clock::now();
    auto [rc, out] = runCli({"--data-dir", dir, "demo", "--members", std::to_string(a.members)});
    if (rc != 0) throw std::runtime_error("demo failed: " + out);
    // S stations straight into the district's storage (tokens known here);
    // `station add` a thousand times would take longer than the run.
    std::vector<Enrolled> stations;
    {
        district::StorageOptions o;
        o.member_key = district::readMemberKey(dir);
        auto storage = district::openStorage(database, dir, o);
        storage->write([&](district::WriteTx& tx) {
            for (int i = 0; i < a.stations; ++i) {
                const std::string id = "st-bench-" + std::to_string(i);
                const std::string token = "bench-token-" + std::to_string(i) + "-" + std::to_string(getpid());
                tx.putStation({id, "基准测试站" + std::to_string(i), "福田", 0});
                tx.setStationToken(id, district::sha256Hex(token), 0);
                stations.push_back({id, token});
            }
        });
    }
    std::printf("[%s] demo %d members + %d stations in %.1f s\n", name.c_str(), a.members, a.stations,
                secondsSince(t0));
    std::vector<std::unique_ptr<ServerProcess>> servers;
    for (int p = 0; p < processes; ++p)
        servers.push_back(std::make_unique<ServerProcess>(dir, std::vector<std::string>{
                                                                   "--threads", std::to_string(a.threads)}));
    const std::string ca = dir + "/tls/ca.pem";
    std::vector<std::string> slots;
    const std::string today = core::dateLocal(std::chrono::system_clock::now());
    for (int d = 1; d < 7; ++d) {
        const std::string date = core::addDays(today, d);
        const std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
        for (const char* s : {"lunch", "dinner"}) slots.push_back("slot-ct-changcheng-" + compact + "-" + s);
    }
    // Every station starts with the district on its disk: from the newest revision.
    std::int64_t start = 0;
    pullAll(*client(servers[0]->port(), ca, stations[0].token), start, nullptr, nullptr);

    struct StationState {
        std::int64_t seq = 0, cursor = 0;
        std::uint64_t rnd = 0;
        std::mutex m;
    };
    std::vector<StationState> state(stations.size());
    for (std::size_t i = 0; i < state.size(); ++i) {
        state[i].cursor = start;
        state[i].rnd = 1000 + i;
    }
    std::atomic<long> next{0}, requests{0}, opsDone{0}, errors{0};
    const long total = static_cast<long>(a.rounds) * a.stations;
    const auto deadline = Clock::now() + std::chrono::seconds(a.seconds);
    std::mutex m;
    t0 = Clock::now();
    std::vector<std::thread> threads;
    for (int w = 0; w < a.clients; ++w) {
        threads.emplace_back([&] {
            std::vector<double> myPush, myPull;
            for (long k = next++; k < total && Clock::now() < deadline; k = next++) {
                const std::size_t i = static_cast<std::size_t>(k % a.stations);
                auto& st = state[i];
                std::lock_guard<std::mutex> own(st.m);  // one sync cycle of a station at a time
                try {
                    auto c = client(servers[i % servers.size()]->port(), ca, stations[i].token);
                    std::vector<proto::Op> ops;
                    for (int b = 0; b < a.batch; ++b)
                        ops.push_back(makeOp(stations[i], st.seq + 1 + b, st.rnd, a.members, slots));
                    const auto t = Clock::now();
                    const auto resp = pushOps(*c, stations[i], ops);
                    myPush.push_back(secondsSince(t) * 1000);
                    st.seq = resp.last_applied_seq;
                    opsDone += a.batch;
                    const auto before = myPull.size();
                    pullAll(*c, st.cursor, &myPull, nullptr);
                    requests += 1 + static_cast<long>(myPull.size() - before);
                    c->stop();
                } catch (const std::exception& e) {
                    if (errors++ < 3) std::fprintf(stderr, "[%s] %s: %s\n", name.c_str(), stations[i].id.c_str(), e.what());
                }
            }
            std::lock_guard<std::mutex> lock(m);
            f.push.insert(f.push.end(), myPush.begin(), myPush.end());
            f.pull.insert(f.pull.end(), myPull.begin(), myPull.end());
        });
    }
    for (auto& t : threads) t.join();
    f.seconds = secondsSince(t0);
    f.requests = requests;
    f.ops = opsDone;
    f.errors = errors;
    for (auto& s : servers) s->stop();
    if (!a.keep) fs::remove_all(dir);
    unsetenv("DISTRICT_DATABASE");
    return f;
}

int compare(const Args& a) {
    std::string url = a.database;
    std::string cluster;
    if (url == "private") {
        cluster = "/tmp/bench-pg-" + std::to_string(getpid());
        if (std::system(("bash " PG_CLUSTER_SCRIPT " start " + cluster).c_str()) != 0) return 1;
        url = "postgresql://district@/postgres?host=" + cluster;
    }
    std::vector<Figures> results;
    int rc = 0;
    try {
        results.push_back(runConfig("SQLite/1", a, "", 1));
        for (int p : {1, a.processes}) {
            const std::string db = "bench_" + std::to_string(getpid()) + "_p" + std::to_string(p);
            adminSql(url, "CREATE DATABASE " + db);
            results.push_back(runConfig("PG/" + std::to_string(p), a, withDatabase(url, db), p));
            adminSql(url, "DROP DATABASE " + db + " WITH (FORCE)");
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench failed: %s\n", e.what());
        rc = 1;
    }
    if (!cluster.empty()) rc |= std::system(("bash " PG_CLUSTER_SCRIPT " stop " + cluster).c_str()) != 0;
    if (results.empty()) return 1;
    std::printf("\n%d stations, %d client threads, up to %d rounds each (push %d ops + pull), %d members, "
                "%d workers per process, at most %d s per column\n",
                a.stations, a.clients, a.rounds, a.batch, a.members, a.threads, a.seconds);
    auto row = [&](const char* label, auto value) {
        std::printf("%-22s", label);
        for (const auto& r : results) std::printf(" %12s", value(r).c_str());
        std::printf("\n");
    };
    auto num = [](double v, const char* fmt) {
        char b[32];
        std::snprintf(b, sizeof b, fmt, v);
        return std::string(b);
    };
    row("", [](const Figures& r) { return r.name; });
    row("seconds", [&](const Figures& r) { return num(r.seconds, "%.1f"); });
    row("requests/s", [&](const Figures& r) { return num(double(r.requests) / r.seconds, "%.0f"); });
    row("ops/s", [&](const Figures& r) { return num(double(r.ops) / r.seconds, "%.0f"); });
    row("push p50 / p99 ms", [&](const Figures& r) {
        return num(percentile(r.push, 0.5), "%.0f") + "/" + num(percentile(r.push, 0.99), "%.0f");
    });
    row("pull p50 / p99 ms", [&](const Figures& r) {
        return num(percentile(r.pull, 0.5), "%.0f") + "/" + num(percentile(r.pull, 0.99), "%.0f");
    });
    row("errors", [&](const Figures& r) { return std::to_string(r.errors); });
    return rc;
}
}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const int v = std::atoi(argv[i + 1]);
        if (k == "--database") a.database = argv[i + 1];
        else if (k == "--processes") a.processes = v;
        else if (k == "--clients") a.clients = v;
        else if (k == "--members") a.members = v;
        else if (k == "--stations") a.stations = v;
        else if (k == "--rounds") a.rounds = v;
        else if (k == "--batch") a.batch = v;
        else if (k == "--seconds") a.seconds = v;
        else if (k == "--threads") a.threads = v;
        else if (k == "--keep") a.keep = v != 0;
        else {
            std::fprintf(stderr, "usage: bench_server_throughput [--members N] [--stations S] "
                                 "[--rounds R] [--batch B] [--seconds T] [--threads W] [--keep 1] "
                                 "[--database URL|private] [--processes P] [--clients C]\n");
            return 2;
        }
    }
    if (argc % 2 == 0 || a.stations < 1 || a.members < 39 || a.rounds < 1 || a.batch < 1) {
        std::fprintf(stderr, "bad arguments\n");
        return 2;
    }
    if (!a.database.empty()) {
        if (a.processes < 1 || a.clients < 1) return 2;
        return compare(a);
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
