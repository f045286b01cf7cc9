#include "admin/config_push.h"

#include <cstdio>

#include "bounded_json.h"
#include "config/signing.h"
#include "config/station_config.h"
#include "config/validate.h"
#include "errors.h"
#include "protocol.h"

namespace district {
namespace {

using nlohmann::json;

// The district's meal rules now: the stored sections, or the built-in ones.
json currentMealSections(Tx& tx) {
    const std::string text = tx.subsidyRules().sections_json;
    json out = config::mealSections(config::builtinDefaultsDocument());
    if (!text.empty()) out.update(json::parse(text));
    return out;
}

std::string mealRulesText(const config::MealPolicy& p) {
    std::string out;
    for (const auto& t : p.subsidy.tiers)
        out += (out.empty() ? "" : ", ") + t.label.zh + " " + std::to_string(t.amountCents) + " cents";
    if (out.empty()) out = "no tiers";
    out += "; slots:";
    for (const auto& sl : p.subsidy.slots) out += " " + sl;
    out += p.subsidy.workingDaysOnly ? ", working days only" : ", every day";
    out += "; at most " + std::to_string(p.subsidy.dailyCap) + " a day and " +
           std::to_string(p.subsidy.weeklyCap) + " a week; delivery " +
           std::to_string(p.subsidy.delivery.feeCents) + " cents, " +
           std::to_string(p.subsidy.delivery.subsidyCents) + " of them subsidised; " +
           std::to_string(p.calendar.holidays.size()) + " holidays, " +
           std::to_string(p.calendar.workingWeekends.size()) + " worked weekend days";
    return out;
}

// JSON Schema's "integer" (7 or 7.0), as the validator reads it; nullopt for
// anything else, which the validator then names.
std::optional<std::int64_t> wholeNumber(const json& v) {
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (d == static_cast<double>(static_cast<std::int64_t>(d)) && d > -9e18 && d < 9e18)
            return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

json parseDocument(const std::string& text) {
    json doc;
    try {
        doc = proto::parseBounded(text);  // a pasted document too: nothing deeper than 32 is copied
    } catch (const proto::BadJson& e) {
        throw AdminError(std::string("the file is not JSON: ") + e.what());
    }
    if (!doc.is_object()) throw AdminError("a configuration document is a JSON object { ... }");
    if (doc.size() == 3 && doc.contains("document") && doc.contains("signature") &&
        doc.contains("key_id"))
        throw AdminError("this is a signed envelope; push the plain document inside it: the server "
                         "assigns the version and signs it with the district key");
    return doc;
}

// The admin may leave scope out; if written, it must say where the push goes.
void settleScope(json& doc, const std::string& target) {
    if (auto it = doc.find("scope"); it != doc.end()) {
        if (!it->is_string())
            throw AdminError("scope: must be \"district\" or a station id, got " + it->dump());
        const std::string written = it->get<std::string>();
        if (written != target) {
            if (target == "district")
                throw AdminError("the document's scope is " + it->dump() +
                                 ", but it is pushed to the whole district: add --station " +
                                 written + ", or remove scope");
            throw AdminError("the document's scope is " + it->dump() + ", but it is pushed to station " +
                             target + ": fix scope or remove it");
        }
    }
    doc["scope"] = target;
}

void settleVersion(json& doc, std::int64_t lastPushed) {
    auto it = doc.find("version");
    if (it == doc.end()) {
        doc["version"] = lastPushed + 1;
        return;
    }
    const auto v = wholeNumber(*it);
    if (!v) return;  // validateConfig names it
    if (*v <= lastPushed)
        throw AdminError("version " + std::to_string(*v) + " is not above the last pushed version " +
                         std::to_string(lastPushed) +
                         " (stations never go back); leave version out and the server assigns " +
                         std::to_string(lastPushed + 1));
    doc["version"] = *v;  // written as a whole number, as the change data carries it
}

std::string refusal(const std::vector<std::string>& errors) {
    std::string out = "the document was refused, nothing was pushed (" +
                      std::to_string(errors.size()) +
                      (errors.size() == 1 ? " problem):" : " problems):");
    for (const auto& e : errors) out += "\n  " + e;
    return out;
}

// Chinese names are 3 bytes a character and 2 columns wide: pad by columns.
std::string padded(const std::string& s, int columns) {
    int width = 0;
    for (unsigned char c : s) width += (c < 0x80) ? 1 : ((c & 0xC0) != 0x80 ? 2 : 0);
    return width >= columns ? s : s + std::string(static_cast<std::size_t>(columns - width), ' ');
}

}  // namespace

ConfigPushed pushConfig(Storage& storage, const std::string& signingKeyPem, const ConfigPush& req,
                        core::TimePoint now) {
    json doc = parseDocument(req.document_text);
    const bool forDistrict = req.station_id.empty();
    const std::string target = forDistrict ? "district" : req.station_id;
    settleScope(doc, target);
    if (forDistrict && doc.contains("station_name"))
        throw AdminError("station_name: a district-wide document would give every station this "
                         "name; push it with --station, or leave it out (stations then show "
                         "their enrolled names)");

    ConfigPushed out;
    storage.write([&](WriteTx& tx) {
        if (!forDistrict) {
            // "district" names every station in a document's scope, so no station may use it.
            if (target == "district" || !tx.station(target))
                throw AdminError("there is no station " + target + " (see `station list`)");
        }
        // Inside the write transaction: two admins pushing at once get two versions.
        settleVersion(doc, tx.maxConfigVersion());

        const json current = currentMealSections(tx);
        for (const char* section : {"subsidy", "calendar"})
            if (!doc.contains(section)) {
                doc[section] = current.at(section);
                out.subsidy_filled = true;
            }
        if (auto errors = config::validateConfig(doc); !errors.empty())
            throw AdminError(refusal(errors));
        const config::StationConfig cfg = config::parseConfig(doc);
        if (cfg.expiresAt && *cfg.expiresAt <= now)
            throw AdminError("expires_at " + doc["expires_at"].get<std::string>() +
                             " has passed: every station would refuse the document (expired)");

        const json wanted = config::mealSections(doc);
        const bool sameRules = wanted == current;
        if (!forDistrict && !sameRules)
            throw AdminError("subsidy, calendar: the meal rules are the district's (the server "
                             "prices every booking by them; now " +
                             mealRulesText(config::parseMealPolicy(current)) +
                             "): leave them out of a station's document, or push them district-wide");

        out.version = cfg.version;
        out.scope = target;
        out.expires_at = doc["expires_at"].get<std::string>();
        out.document_json = doc.dump();
        if (req.dry_run) return;
        const json envelope = config::signConfig(doc, signingKeyPem);
        tx.putConfig(ConfigDoc{cfg.version, target, envelope.dump(), core::isoLocal(now)});
        if (forDistrict && !sameRules) {
            tx.putSubsidyRules(SubsidyRules{wanted.dump()});
            out.meal_rules_changed = mealRulesText(config::MealPolicy{cfg.subsidy, cfg.calendar});
        }
        out.key_id = envelope["key_id"].get<std::string>();
    });
    return out;
}

std::string configListText(Storage& storage) {
    std::vector<ConfigDoc> docs;
    storage.read([&](Tx& tx) { docs = tx.configDocs(); });
    if (docs.empty())
        return "no configuration pushed yet: stations run the built-in defaults (version 0)\n";
    std::string out;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%7s  %-20s %-26s %-26s %s\n", "VERSION", "SCOPE", "PUSHED_AT",
                  "EXPIRES_AT", "KEY");
    out += buf;
    for (const auto& d : docs) {
        const json env = json::parse(d.envelope_json);
        const json& doc = env.at("document");
        std::snprintf(buf, sizeof buf, "%7lld  %-20s %-26s %-26s %s\n",
                      static_cast<long long>(d.version), d.scope.c_str(), d.pushed_at.c_str(),
                      doc.value("expires_at", std::string("-")).c_str(),
                      env.value("key_id", std::string("-")).c_str());
        out += buf;
    }
    return out;
}

std::vector<ConfigStationState> configStatus(Storage& storage) {
    std::vector<StationOverview> stations;
    std::vector<ConfigDoc> docs;
    storage.read([&](Tx& tx) {
        stations = tx.stationOverview();
        docs = tx.configDocs();
    });
    std::vector<ConfigStationState> out;
    for (const auto& s : stations) {
        ConfigStationState st;
        st.station = s.station;
        // The newest document meant for it: what it should run once it has synced.
        for (const auto& d : docs)
            if (d.scope == "district" || d.scope == s.station.id) st.newest = d.version;
        if (!s.status_json.empty()) {
            const auto status = json::parse(s.status_json).get<proto::StationStatus>();
            st.running = status.config_version;
            st.reported_at = s.status_received_at;
            if (status.config_rejection) st.rejection = *status.config_rejection;
        }
        out.push_back(std::move(st));
    }
    return out;
}

std::optional<json> documentRunning(Storage& storage, const std::string& stationId) {
    std::vector<ConfigDoc> docs;
    std::optional<std::int64_t> running;
    storage.read([&](Tx& tx) {
        docs = tx.configDocs();
        if (stationId.empty()) return;
        for (const auto& s : tx.stationOverview())
            if (s.station.id == stationId && !s.status_json.empty())
                running = json::parse(s.status_json).value("config_version", std::int64_t{0});
    });
    const ConfigDoc* pick = nullptr;
    for (const auto& d : docs) {
        const bool meant = stationId.empty() ? d.scope == "district"
                                             : (d.scope == "district" || d.scope == stationId);
        if (!meant) continue;
        if (running ? d.version == *running : true) pick = &d;
    }
    if (!pick) return std::nullopt;
    return json::parse(pick->envelope_json).at("document");
}

std::string configStatusText(Storage& storage) {
    std::string out;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%-16s %s %7s %7s  %-26s %s\n", "STATION", padded("NAME", 24).c_str(),
                  "RUNNING", "NEWEST", "REPORTED_AT", "REJECTION");
    out += buf;
    for (const auto& s : configStatus(storage)) {
        const std::string running = s.running ? std::to_string(*s.running) : "-";
        std::snprintf(buf, sizeof buf, "%-16s %s %7s %7lld  %-26s ", s.station.id.c_str(),
                      padded(s.station.name, 24).c_str(), running.c_str(),
                      static_cast<long long>(s.newest),
                      s.reported_at.empty() ? "-" : s.reported_at.c_str());
        out += buf;
        out += (s.rejection.empty() ? "-" : s.rejection) + "\n";  // whole: a refusal's message says what to fix
    }
    return out;
}

}  // namespace district
