#include "entities.h"

#include <algorithm>
#include <limits>

namespace syncc {
namespace {

using FT = FieldType;

std::vector<EntitySpec> makeSpecs() {
    // Columns mirror kiosk/store/schema.cpp; tests/sync/entities_test.cpp checks
    // every one exists, so a schema change cannot silently break pulls.
    return {
        {"station", "stations",
         {{"id", FT::Text, true}, {"name", FT::Text, true}, {"community", FT::Text, false}},
         {"id"}},
        // What a kiosk may hold of an elder (config/member_hash.h): no card or
        // phone number, no full name, no birth day, no address; what the meal
        // rules ask (config/meal_rules.h).
        {"member", "members",
         {{"id", FT::Text, true},
          {"card_hash", FT::Text, false},
          {"phone_hash", FT::Text, false},
          {"phone_birthday_hash", FT::Text, false},
          {"phone_last4", FT::Text, false},
          {"masked_name", FT::Text, true},
          {"birth_ym", FT::Text, false},
          {"hukou", FT::Bool, false, "0"},
          {"categories", FT::Strings, false, "'[]'"},
          {"care_level", FT::Int, false, "0"},
          {"has_address", FT::Bool, false, "0"},
          {"living_alone", FT::Bool, false, "0"},
          {"status", FT::Text, false, "'active'"},
          {"home_station_id", FT::Text, false, "''"},
          {"last_seen", FT::Text, false, "''"},
          {"last_visit", FT::Text, false, "''"}},
         {"id"}, false, false, "card_hash"},
        // Phone and address of an elder on this station's care list (scoped
        // to the station: no other station receives them).
        {"care_contact", "care_contacts",
         {{"member_id", FT::Text, true}, {"phone", FT::Text, false}, {"address", FT::Text, false}},
         {"member_id"}},
        // A card reported lost: refused here from now on (by hash, like members).
        {"blocked_card", "blocked_cards",
         {{"card_hash", FT::Text, true}, {"member_id", FT::Text, true}, {"blocked_at", FT::Text, true}},
         {"card_hash"}},
        {"canteen", "canteens",
         {{"id", FT::Text, true},
          {"name", FT::Text, true},
          {"station_id", FT::Text, false},
          {"address", FT::Text, false}},
         {"id"}},
        {"meal_slot", "meal_slots",
         {{"id", FT::Text, true},
          {"canteen_id", FT::Text, true},
          {"date", FT::Text, true},
          {"slot", FT::Text, true},
          {"dishes", FT::Strings, false, "'[]'"},
          {"price_cents", FT::Int, true},
          {"capacity", FT::Int, true},
          {"cutoff", FT::Text, true}},
         {"id"}},
        {"quota", "quotas",
         {{"kind", FT::Text, true},
          {"target_id", FT::Text, true},
          {"station_id", FT::Text, true},
          {"seats", FT::Int, true}},
         {"kind", "target_id", "station_id"}},
        {"activity", "activities",
         {{"id", FT::Text, true},
          {"station_id", FT::Text, false},
          {"title", FT::Text, true},
          {"category", FT::Text, false},
          {"starts_at", FT::Text, true},
          {"ends_at", FT::Text, false},
          {"place", FT::Text, false},
          {"capacity", FT::Int, true},
          {"description", FT::Text, false}},
         {"id"}},
        {"catalog_item", "catalog_items",
         {{"id", FT::Text, true},
          {"name", FT::Text, true},
          {"kind", FT::Text, true},
          {"minutes", FT::Int, true}},
         {"id"}},
        {"balance", "balances",
         {{"member_id", FT::Text, true},
          {"minutes", FT::Int, true},
          {"floor_minutes", FT::Int, false, "0"}},
         {"member_id"}},
        {"ledger_entry", "ledger_entries",
         {{"id", FT::Text, true},
          {"member_id", FT::Text, true},
          {"at", FT::Text, true},
          {"what", FT::Text, true},
          {"minutes", FT::Int, true}},
         {"id"}},
        {"booking", "bookings",
         {{"id", FT::Text, true},
          {"member_id", FT::Text, true},
          {"slot_id", FT::Text, true},
          {"station_id", FT::Text, false},
          {"status", FT::Text, true},
          {"subsidy_cents", FT::Int, false, "0"},
          {"pay_cents", FT::Int, false, "0"},
          {"delivery", FT::Bool, false, "0"},
          {"rule", FT::Text, false, "''"},
          {"delivery_fee_cents", FT::Int, false, "0"},
          {"delivery_subsidy_cents", FT::Int, false, "0"},
          {"delivery_status", FT::Text, false, "''"}},
         {"id"}, true},
        // The delivery list of this station's canteens (scoped to it).
        {"delivery", "deliveries",
         {{"id", FT::Text, true},
          {"slot_id", FT::Text, true},
          {"member_id", FT::Text, true},
          {"masked_name", FT::Text, true},
          {"phone", FT::Text, false, "''"},
          {"address", FT::Text, false, "''"},
          {"living_alone", FT::Bool, false, "0"},
          {"status", FT::Text, true},
          {"delivery_status", FT::Text, false, "''"},
          {"pay_cents", FT::Int, false, "0"}},
         {"id"}, true},
        {"signup", "signups",
         {{"id", FT::Text, true},
          {"member_id", FT::Text, true},
          {"activity_id", FT::Text, true},
          {"station_id", FT::Text, false},
          {"status", FT::Text, true}},
         {"id"}, true},
        {"redemption", "redemptions",
         {{"id", FT::Text, true},
          {"member_id", FT::Text, true},
          {"item_id", FT::Text, true},
          {"minutes", FT::Int, true},
          {"status", FT::Text, true},
          {"voucher", FT::Text, false}},
         {"id"}, true},
        {"service", "services",
         {{"id", FT::Text, true},
          {"volunteer_id", FT::Text, true},
          {"recipient_id", FT::Text, true},
          {"item_id", FT::Text, true},
          {"minutes", FT::Int, true},
          {"status", FT::Text, true}},
         {"id"}, true},
        // Config is only collected here; checking the signature and applying it
        // is the config module's job (kiosk/config_apply reads config_inbox).
        // The signed envelope travels as `envelope` and lands in column `document`.
        {"config", "config_inbox",
         {{"id", FT::Text, true},
          {"version", FT::Int, true},
          {"envelope", FT::Document, true, nullptr, "document"}},
         {"id"}, false, true},
        // The trusted signing keys: never upserted as sent. applyPage checks
        // the envelope against the keys trusted now (config::decideKeySet)
        // and replaces the set only when it is signed by one of them.
        {"trusted_keys", "trusted_keys",
         {{"id", FT::Text, true}, {"version", FT::Int, true}, {"envelope", FT::Document, true}},
         {"id"}, false, false, nullptr, true},
    };
}

const char* typeName(FT t) {
    switch (t) {
        case FT::Text: return "a string";
        case FT::Int: return "an integer";
        case FT::Bool: return "true or false";
        case FT::Strings: return "an array of strings";
        case FT::Document: return "a JSON value";
    }
    return "?";
}

}  // namespace

const std::vector<EntitySpec>& entitySpecs() {
    static const std::vector<EntitySpec> specs = makeSpecs();
    return specs;
}

const EntitySpec* findEntity(std::string_view entity) {
    for (const auto& s : entitySpecs())
        if (entity == s.entity) return &s;
    return nullptr;
}

Row decodeChange(const EntitySpec& spec, const proto::Change& c) {
    auto fail = [&](const std::string& why) -> PageError {
        return PageError("change rev " + std::to_string(c.rev) + " (" + c.entity + " '" + c.key +
                         "'): " + why);
    };
    if (c.key.empty()) throw fail("empty key");
    Row row{&spec, c.key, c.deleted, {}};
    if (c.deleted) return row;
    if (!c.data.is_object()) throw fail("data is not an object");

    // A single-field key may be left out of data (config): the
    // change key fills it. A key given in data must agree with the change key.
    const char* fillableKey = spec.key.size() == 1 ? spec.key[0] : nullptr;
    const auto& data = c.data;

    row.values.reserve(spec.fields.size());
    for (const auto& f : spec.fields) {
        auto it = data.find(f.name);
        if (it == data.end() || it->is_null()) {
            if (fillableKey && std::string_view(f.name) == fillableKey) {
                row.values.emplace_back(c.key);
                continue;
            }
            if (f.required) throw fail(std::string("field '") + f.name + "' is missing");
            row.values.emplace_back(std::monostate{});
            continue;
        }
        const auto& v = *it;
        const auto wrongType = [&] {
            return fail(std::string("field '") + f.name + "' must be " + typeName(f.type));
        };
        switch (f.type) {
            case FT::Text:
                if (!v.is_string()) throw wrongType();
                row.values.emplace_back(v.get<std::string>());
                break;
            case FT::Int:
                if (!v.is_number_integer()) throw wrongType();
                if (v.is_number_unsigned() &&
                    v.get<std::uint64_t>() >
                        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    throw fail(std::string("field '") + f.name + "' is out of range");
                row.values.emplace_back(v.get<std::int64_t>());
                break;
            case FT::Bool:
                if (!v.is_boolean()) throw wrongType();
                row.values.emplace_back(std::int64_t{v.get<bool>() ? 1 : 0});
                break;
            case FT::Strings:
                if (!v.is_array()) throw wrongType();
                for (const auto& e : v)
                    if (!e.is_string()) throw wrongType();
                row.values.emplace_back(v.dump());
                break;
            case FT::Document:
                row.values.emplace_back(v.is_string() ? v.get<std::string>() : v.dump());
                break;
        }
    }

    std::string joined;
    for (const char* k : spec.key) {
        const auto idx = static_cast<size_t>(
            std::find_if(spec.fields.begin(), spec.fields.end(),
                         [&](const FieldSpec& f) { return std::string_view(f.name) == k; }) -
            spec.fields.begin());
        if (!joined.empty()) joined += ':';
        joined += std::get<std::string>(row.values.at(idx));
    }
    if (joined != c.key) throw fail("data names '" + joined + "', not the change key");
    return row;
}

}  // namespace syncc
