// bench_store — the local store's budgets (DESIGN.md):
//   a check-in durably committed (WAL + synchronous=FULL, with its op): p99 < 5 ms
//   identify an elder by card among 150,000 members: < 1 ms
// and the care list (关爱名单, staff mode) among them: one in ten on the care
// rule, one in 13 of those this station's (no budget: a staff screen, loaded
// when it opens; printed so a slow query shows).
// Usage: bench_store [DIR] [--members N] [--checkins N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "config/member_hash.h"
#include "domain/care.h"
#include "domain/checkins.h"
#include "domain/members.h"
#include "store/kiosk_db.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * double(v.size())))];
}

std::string card(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "77%08d", i);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = (std::filesystem::temp_directory_path() / "bench-store").string();
    int members = 150000, checkins = 2000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--members") && i + 1 < argc) members = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--checkins") && i + 1 < argc) checkins = std::atoi(argv[++i]);
        else dir = argv[i];
    }
    std::filesystem::remove_all(dir);
    auto db = store::openKioskDb(dir);

    // Members as a pull writes them: keyed hashes (config/member_hash.h).
    const std::string key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    db->run("INSERT INTO enrollment(id, station_id, station_name, token, server_url, ca_pem, "
            "config_public_key_pem, enrolled_at, member_key) VALUES (1, 'st-bench', '长城长者服务站', 't', "
            "'https://127.0.0.1:1', '', '', '2026-11-01T08:00:00+08:00', ?)",
            key);
    auto t0 = Clock::now();
    {
        store::Transaction tx(*db);
        auto st = db->prepare("INSERT INTO members(id, card_hash, phone_hash, phone_last4, masked_name, birth_ym, "
                              "category, living_alone, home_station_id, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?)");
        for (int i = 0; i < members; ++i) {
            const std::string phone = "139" + card(i).substr(2);
            st.reset();
            st.bindAll("m" + std::to_string(i), config::cardHash(key, card(i)), config::phoneHash(key, phone),
                       phone.substr(7), "张*明", "1950-03", "age70", i % 10 == 0 ? 1 : 0,
                       i % 130 == 0 ? "st-bench" : "st-other", i % 3 == 0 ? "" : "2026-11-01T10:00:00+08:00");
            st.run();
        }
        tx.commit();
    }
    std::printf("load %d members: %.0f ms\n", members, ms(Clock::now() - t0));

    std::vector<double> lookup;
    for (int i = 0; i < 10000; ++i) {
        auto c = card((i * 7919) % members);
        auto s = Clock::now();
        auto r = domain::identifyByCard(*db, c);
        lookup.push_back(ms(Clock::now() - s));
        if (r.outcome != domain::IdentifyOutcome::Found) {
            std::fprintf(stderr, "card %s not found\n", c.c_str());
            return 1;
        }
    }
    std::printf("identify by card among %d: p50 %.3f ms, p99 %.3f ms, max %.3f ms (budget < 1 ms)\n",
                members, percentile(lookup, 0.5), percentile(lookup, 0.99),
                *std::max_element(lookup.begin(), lookup.end()));

    core::SystemClock clock;
    domain::Context ctx{*db, clock, "st-bench"};
    std::vector<double> commit;
    for (int i = 0; i < checkins; ++i) {
        auto s = Clock::now();
        auto r = domain::checkIn(ctx, "m" + std::to_string(i));
        commit.push_back(ms(Clock::now() - s));
        if (r.outcome != domain::CheckinOutcome::CheckedIn) return 1;
    }
    std::printf("check-in committed (WAL, synchronous=FULL, with op): p50 %.3f ms, p99 %.3f ms, "
                "max %.3f ms over %d (budget p99 < 5 ms)\n",
                percentile(commit, 0.5), percentile(commit, 0.99),
                *std::max_element(commit.begin(), commit.end()), checkins);

    std::vector<double> care;
    std::size_t listed = 0;
    for (int i = 0; i < 20; ++i) {
        auto s = Clock::now();
        listed = domain::careList(ctx).size();
        care.push_back(ms(Clock::now() - s));
    }
    std::printf("care list among %d members (%zu listed): p50 %.1f ms, max %.1f ms\n", members, listed,
                percentile(care, 0.5), *std::max_element(care.begin(), care.end()));
    db.reset();
    std::filesystem::remove_all(dir);
    return 0;
}
