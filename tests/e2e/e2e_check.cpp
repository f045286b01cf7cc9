// e2e_check — small checks for the end-to-end tests.
//   e2e_check png FILE W H MIN_COLOURS   the screenshot has this size and at
//                                        least MIN_COLOURS distinct colours
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
    if (cmd == "png" && argc == 6) return checkPng(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), std::size_t(std::atoi(argv[5])));
    if (cmd == "state" && argc >= 3) return checkState(argv[2], argc - 3, argv + 3);
    if (cmd == "newer-db" && argc == 3) return newerDb(argv[2]);
    if (cmd == "bundle" && argc == 7) return bundle(argv[2], argv[3], argv[4], argv[5], argv[6]);
    std::fprintf(stderr, "usage: e2e_check png FILE W H MIN_COLOURS | state FILE KEY=VALUE... | newer-db FILE | "
                         "bundle OUT CA_PEM KEY_PEM URL NAME\n");
    return 2;
}
