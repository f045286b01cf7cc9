// config-tool — the admin's command line for station configuration:
//   hash-pin [PIN]                         print the hash for staff_pins (PIN from stdin if omitted)
//   validate FILE                          check a document (or the document inside an envelope)
//   keygen --out-dir DIR                   new Ed25519 key pair: config-signing.key / .pub
//   sign FILE --key PRIVATE.pem --out FILE validate, then write the signed envelope
//   verify FILE --pub PUBLIC.pem [--station ID [--running-version N]]
//                                          check an envelope's signature and rules, and
//                                          optionally what that station would decide now
// Exit status: 0 success, 1 the input was refused, 2 usage or file errors.
#include "config/decide.h"
#include "config/pin_hash.h"
#include "config/signing.h"
#include "config/validate.h"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace {

using json = nlohmann::json;

constexpr int kRefused = 1;

// Thrown for I/O and usage problems; main turns it into exit status 2.
struct ToolError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ToolError("cannot read " + path + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

json readJson(const std::string& path) {
    json j = json::parse(readFile(path), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) throw ToolError(path + " is not valid JSON");
    return j;
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !(out << text) || !out.flush()) throw ToolError("cannot write " + path + ": " + std::strerror(errno));
}

// Creates `path` with `mode`, refusing to replace an existing file: losing the
// district's signing key to a stray keygen would orphan every enrolled station.
void createFile(const std::string& path, const std::string& text, mode_t mode) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) throw ToolError("cannot create " + path + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = errno;
            ::close(fd);
            throw ToolError("cannot write " + path + ": " + std::strerror(err));
        }
        done += std::size_t(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) throw ToolError("cannot write " + path + ": " + std::strerror(errno));
}

bool printProblems(const std::vector<std::string>& problems) {
    for (const auto& p : problems) std::cout << "  " << p << '\n';
    return problems.empty();
}

int hashPinCommand(std::string pin) {
    if (pin.empty()) {
        // Reading from stdin keeps the PIN out of the shell history and `ps`.
        std::getline(std::cin, pin);
        if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    }
    if (!config::isValidPin(pin)) {
        std::cerr << "a staff PIN must be 6 to 8 digits\n";
        return kRefused;
    }
    std::cout << config::hashPin(pin) << '\n';
    return 0;
}

int validateCommand(const std::string& file) {
    json j = readJson(file);
    const bool envelope = j.is_object() && j.contains("document") && j.contains("signature");
    const json& doc = envelope ? j.at("document") : j;
    auto problems = config::validateConfig(doc);
    if (problems.empty()) {
        std::cout << file << ": valid" << (envelope ? " (the document in the envelope; signature not checked)" : "")
                  << '\n';
        return 0;
    }
    std::cout << file << ": " << problems.size() << " problem(s)\n";
    printProblems(problems);
    return kRefused;
}

int keygenCommand(const std::string& dir) {
    std::filesystem::create_directories(dir);
    const auto keys = config::generateKeyPair();
    const std::string privatePath = (std::filesystem::path(dir) / "config-signing.key").string();
    const std::string publicPath = (std::filesystem::path(dir) / "config-signing.pub").string();
    createFile(privatePath, keys.privatePem, 0600);
    createFile(publicPath, keys.publicPem, 0644);
    std::cout << "key " << config::keyId(keys.publicPem) << "\n  private: " << privatePath
              << " (keep it on the district server only)\n  public:  " << publicPath
              << " (goes into every station's enrollment bundle)\n";
    return 0;
}

int signCommand(const std::string& file, const std::string& keyFile, const std::string& outFile) {
    json doc = readJson(file);
    if (auto problems = config::validateConfig(doc); !problems.empty()) {
        std::cout << file << ": not signed, " << problems.size() << " problem(s)\n";
        printProblems(problems);
        return kRefused;
    }
    json envelope;
    try {
        envelope = config::signConfig(doc, readFile(keyFile));
    } catch (const std::invalid_argument& e) {
        throw ToolError(keyFile + ": " + e.what());
    }
    writeFile(outFile, envelope.dump(2) + "\n");
    std::cout << "signed version " << doc.at("version").dump() << " for " << doc.at("scope").get<std::string>()
              << " with key " << envelope.at("key_id").get<std::string>() << " -> " << outFile << '\n';
    return 0;
}

int verifyCommand(const std::string& file, const std::string& pubFile, const std::string& station,
                  std::int64_t running) {
    json envelope = readJson(file);
    const std::string pub = readFile(pubFile);
    auto result = config::verifyEnvelope(envelope, pub);
    if (!result.ok()) {
        std::cout << file << ": signature refused: " << result.message << '\n';
        return kRefused;
    }
    std::cout << file << ": signature OK (key " << envelope.at("key_id").get<std::string>() << ")\n";
    const json& doc = envelope.at("document");
    bool ok = true;
    if (auto problems = config::validateConfig(doc); !problems.empty()) {
        std::cout << "document: " << problems.size() << " problem(s)\n";
        ok = printProblems(problems);
    } else {
        std::cout << "document: valid, version " << doc.at("version").dump() << ", scope "
                  << doc.at("scope").get<std::string>() << ", expires " << doc.at("expires_at").get<std::string>()
                  << '\n';
    }
    if (!station.empty()) {
        auto decision = config::decide(envelope, pub, running, station, std::chrono::system_clock::now());
        if (const auto* r = std::get_if<config::Reject>(&decision)) {
            std::cout << "station " << station << " (running " << running << ") would refuse it: "
                      << r->reasonCode() << ": " << r->message << '\n';
            ok = false;
        } else {
            std::cout << "station " << station << " (running " << running << ") would accept it\n";
        }
    }
    return ok ? 0 : kRefused;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Station configuration tool: PIN hashes, validation, signing keys, signing and verifying"};
    app.require_subcommand(1);

    std::string pin, file, outDir, keyFile, outFile, pubFile, station;
    std::int64_t running = 0;

    auto* hash = app.add_subcommand("hash-pin", "Print the salted hash of a staff PIN (read from stdin if omitted)");
    hash->add_option("PIN", pin, "6 to 8 digits");

    auto* validate = app.add_subcommand("validate", "Check a configuration document against the rules");
    validate->add_option("FILE", file, "the document (or an envelope)")->required();

    auto* keygen = app.add_subcommand("keygen", "Create the district's Ed25519 signing key pair");
    keygen->add_option("--out-dir", outDir, "directory for config-signing.key and config-signing.pub")->required();

    auto* sign = app.add_subcommand("sign", "Validate a document and write the signed envelope");
    sign->add_option("FILE", file, "the document")->required();
    sign->add_option("--key", keyFile, "the private key (PEM)")->required();
    sign->add_option("--out", outFile, "where to write the envelope")->required();

    auto* verify = app.add_subcommand("verify", "Check an envelope's signature and its document");
    verify->add_option("FILE", file, "the envelope")->required();
    verify->add_option("--pub", pubFile, "the public key (PEM)")->required();
    auto* stationOpt = verify->add_option("--station", station, "also decide as this station would, now");
    verify->add_option("--running-version", running, "the version that station runs (default 0)")
        ->needs(stationOpt);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;  // --help is a success
    }

    try {
        if (*hash) return hashPinCommand(pin);
        if (*validate) return validateCommand(file);
        if (*keygen) return keygenCommand(outDir);
        if (*sign) return signCommand(file, keyFile, outFile);
        if (*verify) return verifyCommand(file, pubFile, station, running);
    } catch (const std::exception& e) {  // ToolError, and OpenSSL or JSON failures
        std::cerr << "config-tool: " << e.what() << '\n';
        return 2;
    }
    return 2;
}
