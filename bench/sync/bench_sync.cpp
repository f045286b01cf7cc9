// bench_sync — the sync budget of DESIGN.md: "push 10,000 queued ops and pull
// 150,000 members in under 10 s together", over loopback HTTPS against the real
// district-server.
//
//   bench_sync [--members N] [--ops N] [--page N] [--batch N]
//
// Three stations, three fresh kiosk databases, so each figure starts clean:
//   push  10,000 queued check-ins (the kiosk's cursor set past the head, so
//         the cycle's pull is empty)
//   pull  a fresh station pulling the whole district (cursor 0, nothing queued)
//   both  a fresh station with 10,000 queued check-ins and cursor 0
// Generating the demo district is not part of any figure (it is cached under
// the build directory).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/ids.h"
#include "district_server.h"
#include "store/kiosk_db.h"
#include "store/oplog.h"
#include "sync_client.h"
#include "temp_dir.h"

namespace {

struct Args {
    int members = 150'000;
    int ops = 10'000;
    int page = 5'000;
    int batch = 1'000;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const int v = std::atoi(argv[i + 1]);
        if (k == "--members") a.members = v;
        else if (k == "--ops") a.ops = v;
        else if (k == "--page") a.page = v;
        else if (k == "--batch") a.batch = v;
        else {
            std::fprintf(stderr, "usage: bench_sync [--members N] [--ops N] [--page N] [--batch N]\n");
            std::exit(2);
        }
    }
    return a;
}

// Check-ins of `n` distinct demo members, queued like the domain does: the
// local row and its op in one transaction (one transaction for all here, as
// queueing is not what is measured).
void queueCheckins(store::Database& db, const std::string& stationId, int n) {
    core::SystemClock clock;
    const std::string at = core::isoLocal(clock.now());
    store::Transaction tx(db);
    store::OpLog log(db);
    auto row = db.prepare("INSERT INTO checkins(id, member_id, station_id, day, at) VALUES (?,?,?,?,?)");
    char member[16];
    for (int i = 1; i <= n; ++i) {
        std::snprintf(member, sizeof member, "m-%06d", i);
        const std::string id = core::newUuid();
        row.reset();
        row.bindAll(id, member, stationId, at.substr(0, 10), at).run();
        log.append(id, "checkin", {{"member_id", member}, {"at", at}}, at, std::string(member));
    }
    tx.commit();
}

struct Kiosk {
    testsupport::TempDir dir{"elder-bench-kiosk"};
    std::unique_ptr<store::Database> db = store::openKioskDb(dir.path());
    core::SystemClock clock;
};

void print(const char* what, const syncc::SyncReport& r) {
    const double s = r.seconds > 0 ? r.seconds : 1e-9;
    std::printf("%-5s %7.2f s  pushed %6d (%5d applied, %d rejected) %8.0f ops/s  "
                "pulled %7d %8.0f rows/s  sent %6.1f MB  received %6.1f MB\n",
                what, r.seconds, r.pushed, r.applied, r.rejected, r.pushed / s, r.pulled,
                r.pulled / s, r.bytesSent / 1e6, r.bytesReceived / 1e6);
}

syncc::SyncReport run(Kiosk& k, const Args& a) {
    syncc::SyncOptions o;
    o.pageLimit = a.page;
    o.pushBatch = a.batch;
    auto r = syncc::syncOnce(*k.db, k.clock, o);
    // Thrown, not exit(): unwinding stops the server and removes the temp dirs.
    if (!r.ok) throw std::runtime_error("sync failed: " + r.error);
    return r;
}

int bench(const Args& a) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    testsupport::DistrictServerOptions opts;
    opts.members = a.members;
    opts.stations = {{"st-changcheng", "长城长者服务站"},
                     {"st-meilinyicun", "梅林一村长者服务站"},
                     {"st-meihe", "梅河长者服务站"}};
    opts.demoCache = BENCH_CACHE_DIR;
    testsupport::DistrictServer server(opts);
    std::printf("district: %d members, server ready in %.1f s (demo generation cached in %s)\n",
                a.members, std::chrono::duration<double>(clock::now() - t0).count(),
                BENCH_CACHE_DIR);
    std::printf("options: page %d changes, push batch %d ops\n", a.page, a.batch);

    Kiosk push, pull, both;
    syncc::enrollFromFile(*push.db, server.bundle("st-changcheng"), push.clock);
    syncc::enrollFromFile(*pull.db, server.bundle("st-meilinyicun"), pull.clock);
    syncc::enrollFromFile(*both.db, server.bundle("st-meihe"), both.clock);
    queueCheckins(*push.db, "st-changcheng", a.ops);
    queueCheckins(*both.db, "st-meihe", a.ops);
    push.db->run("UPDATE sync_state SET cursor=?", std::int64_t{1} << 40);

    print("push", run(push, a));
    print("pull", run(pull, a));
    const auto r = run(both, a);
    print("both", r);
    std::printf("budget: push %d ops + pull %d members under 10 s together: %s (%.2f s)\n", a.ops,
                a.members, r.seconds < 10.0 ? "met" : "NOT MET", r.seconds);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Args a = parse(argc, argv);
    try {
        return bench(a);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_sync: %s\n", e.what());
        return 1;
    }
}
