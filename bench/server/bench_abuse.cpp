// bench_abuse — the real district-server under hostile clients, on 127.0.0.1
// only (issue 11; the long version of tests/abuse UnderAbuseAGoodStationSyncs).
//
//   bench_abuse [--seconds T] [--slow N] [--floods F] [--members M] [-- SERVE_ARGS...]
//
// 1. `demo --members M` (default 2,000), two stations enrolled: the good one,
//    and one whose token an abuser holds.
// 2. The good station (the real kiosk sync client, from 127.0.0.1) queues a
//    help call and syncs every 0.5 s: 10 times alone (the baseline), then for
//    T seconds (default 60) while N slow connections (default 500) trickle
//    from 127.0.0.2 and F flooders (default 2) send every kind of bad request
//    from 127.0.0.3, 127.0.0.4, ...: 64 MiB chunked bodies, 1 GiB gzip
//    bombs, bodies without length, 100,000 nested arrays from the enrolled
//    abuser, wrong tokens, oversized bodies.
// Prints the good station's sync times (p50, p90, max) and failures, the
// server's peak and final resident memory, and what the abusers saw.
// Arguments after `--` go to `district-server serve` (e.g. --threads 8).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "abusers.h"
#include "sync_fixture.h"

namespace {

using namespace std::chrono_literals;

struct Args {
    int seconds = 60, slow = 500, floods = 2, members = 2000;
    std::vector<std::string> serveArgs;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        if (k == "--") {
            a.serveArgs.assign(argv + i + 1, argv + argc);
            break;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "usage: bench_abuse [--seconds T] [--slow N] [--floods F] [--members M] [-- SERVE_ARGS]\n");
            std::exit(2);
        }
        const int v = std::atoi(argv[++i]);
        if (k == "--seconds") a.seconds = v;
        else if (k == "--slow") a.slow = v;
        else if (k == "--floods") a.floods = v;
        else if (k == "--members") a.members = v;
        else {
            std::fprintf(stderr, "unknown option %s\n", k.c_str());
            std::exit(2);
        }
    }
    return a;
}

double pct(std::vector<double> v, double p) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Syncs {
    std::vector<double> seconds;
    int failed = 0;
    std::string firstError;
};

void syncOnce(synctest::Kiosk& k, Syncs& s) {
    k.helpCall("home");
    const auto rep = k.sync();
    if (rep.ok && rep.applied == 1) {
        s.seconds.push_back(rep.seconds);
    } else {
        ++s.failed;
        if (s.firstError.empty()) s.firstError = rep.error;
    }
}

void print(const char* what, const Syncs& s) {
    std::printf("%-22s %4zu ok, %d failed; sync p50 %.3f s, p90 %.3f s, max %.3f s%s%s\n", what, s.seconds.size(),
                s.failed, pct(s.seconds, 0.5), pct(s.seconds, 0.9), pct(s.seconds, 1.0),
                s.firstError.empty() ? "" : "; first failure: ", s.firstError.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    const Args args = parse(argc, argv);
    testsupport::DistrictServerOptions o;
    o.members = args.members;
    o.stations = {synctest::kChangcheng, synctest::kMeihe};
    o.serveArgs = args.serveArgs;
    testsupport::DistrictServer server(o);
    std::ifstream bundle(server.bundle(synctest::kMeihe.id));
    const std::string abuserToken = nlohmann::json::parse(bundle).at("token").get<std::string>();
    const pid_t pid = server.pid();

    synctest::Kiosk k(server.bundle(synctest::kChangcheng.id));
    const auto first = k.sync();  // the whole district: not part of the figures
    if (!first.ok) {
        std::fprintf(stderr, "the first sync failed: %s\n", first.error.c_str());
        return 1;
    }
    std::printf("district: %d members; first full sync %.2f s; server resident %ld MB\n", args.members,
                first.seconds, abuse::procStatusKb(pid, "VmRSS") / 1024);

    Syncs quiet, loud;
    for (int i = 0; i < 10; ++i) {
        syncOnce(k, quiet);
        std::this_thread::sleep_for(500ms);
    }
    const long quietPeak = abuse::procStatusKb(pid, "VmHWM");

    abuse::Slowloris slow(server.port(), args.slow, 200ms);
    slow.start();
    std::vector<std::unique_ptr<abuse::Flood>> floods;
    for (int i = 0; i < args.floods; ++i) {
        floods.push_back(std::make_unique<abuse::Flood>(server.port(), "127.0.0." + std::to_string(3 + i),
                                                        synctest::kMeihe.id, abuserToken));
        floods.back()->start();
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(args.seconds);
    long rssMax = 0;
    while (std::chrono::steady_clock::now() < until) {
        syncOnce(k, loud);
        rssMax = std::max(rssMax, abuse::procStatusKb(pid, "VmRSS"));
        std::this_thread::sleep_for(500ms);
    }
    abuse::Flood::Stats fl;
    for (auto& f : floods) fl.add(f->stop());
    const auto st = slow.stop();
    const bool alive = abuse::procStatusKb(pid, "VmRSS") > 0;

    std::printf("abuse for %d s: %d slow connections from 127.0.0.2, %d flooders from 127.0.0.3..\n", args.seconds,
                args.slow, args.floods);
    print("good station, quiet:", quiet);
    print("good station, abused:", loud);
    std::printf("server: %s; peak resident %ld MB (%ld MB before the abuse), highest sampled %ld MB, now %ld MB\n",
                alive ? "up" : "DOWN", abuse::procStatusKb(pid, "VmHWM") / 1024, quietPeak / 1024, rssMax / 1024,
                abuse::procStatusKb(pid, "VmRSS") / 1024);
    std::printf("slowloris: %lld connections opened, %d open at most, %lld closed by the server\n",
                static_cast<long long>(st.opened), st.maxOpen, static_cast<long long>(st.closedByServer));
    std::printf("floods: %lld bad requests sent, %lld refused with a 4xx, %lld connections not taken\n",
                static_cast<long long>(fl.requests), static_cast<long long>(fl.refused),
                static_cast<long long>(fl.shut));
    std::printf("answers per attack: %s\n", fl.summary().c_str());
    const std::string log = server.log();
    const auto g = log.rfind("guard: ");
    if (g != std::string::npos) std::printf("server log: %s", log.substr(g, log.find('\n', g) - g + 1).c_str());
    return alive && loud.failed == 0 ? 0 : 1;
}
