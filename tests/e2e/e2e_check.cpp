// e2e_check — small checks for the end-to-end tests.
//   e2e_check png FILE W H MIN_COLOURS   the screenshot has this size and at
//                                        least MIN_COLOURS distinct colours
//   e2e_check same FILE_A FILE_B MAX_PX  the two screenshots differ in at most
//                                        MAX_PX pixels (by more than 2 levels)
//   e2e_check state FILE KEY=VALUE...    the kiosk's state file has these values
//                                        (compared as JSON text: home, 1, true, null)
//   e2e_check newer-db FILE              writes a SQLite file at schema 999, as a
//                                        newer kiosk would leave it
//   e2e_check bundle OUT CA_PEM KEY_PEM URL NAME
//                                        writes an enrollment bundle (PROTOCOL.md)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <stb_image.h>

namespace {

int fail(const std::string& msg) {
    std::fprintf(stderr, "e2e_check: %s\n", msg.c_str());
    return 1;
}

int checkPng(const char* file, int w, int h, std::size_t minColours) {
    int iw = 0, ih = 0, n = 0;
    unsigned char* px = stbi_load(file, &iw, &ih, &n, 3);
    if (!px) return fail(std::string(file) + ": not a readable image");
    std::unordered_set<unsigned> colours;
    for (std::size_t i = 0; i < std::size_t(iw) * std::size_t(ih); ++i)
        colours.insert(unsigned(px[i * 3]) << 16 | unsigned(px[i * 3 + 1]) << 8 | px[i * 3 + 2]);
    stbi_image_free(px);
    if (iw != w || ih != h)
        return fail(std::string(file) + ": " + std::to_string(iw) + "x" + std::to_string(ih) + ", expected " +
                    std::to_string(w) + "x" + std::to_string(h));
    if (colours.size() < minColours)
        return fail(std::string(file) + ": only " + std::to_string(colours.size()) + " colours (blank frame?)");
    std::printf("e2e_check: %s %dx%d, %zu colours\n", file, iw, ih, colours.size());
    return 0;
}

// The same screen drawn again after other screens: nothing of them is left
// (a frame that did not clear its whole buffer shows them, or darkens what
// it blends over again). MAX_PX allows for the clock's minute turning.
int checkSame(const char* a, const char* b, long maxPx) {
    int aw = 0, ah = 0, bw = 0, bh = 0, n = 0;
    unsigned char* pa = stbi_load(a, &aw, &ah, &n, 3);
    unsigned char* pb = stbi_load(b, &bw, &bh, &n, 3);
    const bool read = pa && pb;
    long differ = 0;
    if (read && aw == bw && ah == bh)
        for (std::size_t i = 0; i < std::size_t(aw) * std::size_t(ah) * 3; i += 3)
            if (std::abs(pa[i] - pb[i]) > 2 || std::abs(pa[i + 1] - pb[i + 1]) > 2 || std::abs(pa[i + 2] - pb[i + 2]) > 2)
                ++differ;
    stbi_image_free(pa);
    stbi_image_free(pb);
    if (!read) return fail(std::string("cannot read ") + a + " or " + b);
    if (aw != bw || ah != bh) return fail(std::string(a) + " and " + b + " differ in size");
    if (differ > maxPx)
        return fail(std::string(b) + ": " + std::to_string(differ) + " pixels differ from " + a + " (at most " +
                    std::to_string(maxPx) + ")");
    std::printf("e2e_check: %s as %s (%ld pixels differ)\n", b, a, differ);
    return 0;
}

int checkState(const char* file, int argc, char** argv) {
    std::ifstream in(file);
    if (!in) return fail(std::string(file) + ": no state file (did the kiosk exit cleanly?)");
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) return fail(std::string(file) + ": not JSON");
    int bad = 0;
    for (int i = 0; i < argc; ++i) {
        std::string kv = argv[i];
        auto eq = kv.find('=');
        if (eq == std::string::npos) return fail("expected KEY=VALUE, got " + kv);
        std::string key = kv.substr(0, eq), want = kv.substr(eq + 1);
        std::string got = j.contains(key) ? (j[key].is_string() ? j[key].get<std::string>() : j[key].dump()) : "<missing>";
        if (got != want) {
            std::fprintf(stderr, "e2e_check: state %s = %s, expected %s\n", key.c_str(), got.c_str(), want.c_str());
            ++bad;
        }
    }
    if (bad) return 1;
    std::printf("e2e_check: state %s as expected\n", file);
    return 0;
}

int newerDb(const char* file) {
    sqlite3* db = nullptr;
    if (sqlite3_open(file, &db) != SQLITE_OK) return fail(std::string("cannot create ") + file);
    int rc = sqlite3_exec(db, "CREATE TABLE future(x); PRAGMA user_version = 999;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : fail("cannot write the schema version");
}

int bundle(const char* out, const char* caPem, const char* keyPem, const char* url, const char* name) {
    auto slurp = [](const char* path) {
        std::ifstream in(path);
        return std::string((std::istreambuf_iterator<char>(in)), {});
    };
    nlohmann::json b = {{"station_id", "st-e2e"},          {"station_name", name},
                        {"token", std::string(48, 'e')},   {"server_url", url},
                        {"ca_pem", slurp(caPem)},          {"config_public_key_pem", slurp(keyPem)},
                        {"member_key", std::string(64, 'e')}};
    std::ofstream(out) << b.dump(2) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "same" && argc == 5) return checkSame(argv[2], argv[3], std::atol(argv[4]));
    if (cmd == "png" && argc == 6) return checkPng(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), std::size_t(std::atoi(argv[5])));
    if (cmd == "state" && argc >= 3) return checkState(argv[2], argc - 3, argv + 3);
    if (cmd == "newer-db" && argc == 3) return newerDb(argv[2]);
    if (cmd == "bundle" && argc == 7) return bundle(argv[2], argv[3], argv[4], argv[5], argv[6]);
    std::fprintf(stderr, "usage: e2e_check png FILE W H MIN_COLOURS | same FILE_A FILE_B MAX_PX | state FILE KEY=VALUE... | newer-db FILE | "
                         "bundle OUT CA_PEM KEY_PEM URL NAME\n");
    return 2;
}
