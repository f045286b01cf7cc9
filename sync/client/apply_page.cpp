#include "apply_page.h"

#include "config/keyset.h"
#include "store/trusted_keys.h"

#include <memory>
#include <unordered_map>

#include "bounded_json.h"

namespace syncc {
namespace {

// SQL for one entity, built once from its spec.
struct EntitySql {
    std::string upsert;   // ?1..?n = fields, ?n+1 = received_at when stamped
    std::string remove;   // ?1 = change key
    std::string release;  // ?1 = unique value, ?2 = key (empty when not needed)
};

std::string keyExpr(const EntitySpec& s) {
    std::string e;
    for (const char* k : s.key) e += (e.empty() ? "" : "||':'||") + std::string(k);
    return e;
}

EntitySql buildSql(const EntitySpec& s) {
    std::string cols, vals, sets, conflict;
    int i = 1;
    for (const auto& f : s.fields) {
        const std::string n = f.columnName(), p = "?" + std::to_string(i++);
        cols += (cols.empty() ? "" : ",") + n;
        vals += (vals.empty() ? "" : ",") +
                (f.sqlDefault ? "coalesce(" + p + "," + f.sqlDefault + ")" : p);
        bool isKey = false;
        for (const char* k : s.key) isKey = isKey || n == k;
        if (!isKey) sets += (sets.empty() ? "" : ",") + n + "=excluded." + n;
    }
    for (const char* k : s.key) conflict += (conflict.empty() ? "" : ",") + std::string(k);
    if (s.localState) {
        // The district's copy is the truth now; a rejection reason the op log
        // answer wrote (e.g. insufficient_balance) stays for the elder to read.
        cols += ",local_state";
        vals += ",'synced'";
        sets += ",local_state='synced'";
    }
    if (s.receivedAt) {
        cols += ",received_at";
        vals += ",?" + std::to_string(i);
        sets += ",received_at=excluded.received_at";
    }
    EntitySql sql;
    sql.upsert = "INSERT INTO " + std::string(s.table) + "(" + cols + ") VALUES(" + vals +
                 ") ON CONFLICT(" + conflict + ") DO UPDATE SET " + sets;
    // A row with an action not yet pushed keeps the kiosk's version: the
    // district's copy after that op comes with a later revision.
    if (s.localState) sql.upsert += " WHERE " + std::string(s.table) + ".local_state<>'pending'";
    sql.remove = "DELETE FROM " + std::string(s.table) + " WHERE " + keyExpr(s) + "=?1";
    if (s.releaseUnique)
        sql.release = "UPDATE " + std::string(s.table) + " SET " + s.releaseUnique +
                      "=NULL WHERE " + s.releaseUnique + "=?1 AND " + keyExpr(s) + "<>?2";
    return sql;
}

const EntitySql& sqlFor(const EntitySpec& s) {
    static const auto all = [] {
        std::unordered_map<const EntitySpec*, EntitySql> m;
        for (const auto& spec : entitySpecs()) m.emplace(&spec, buildSql(spec));
        return m;
    }();
    return all.at(&s);
}

// Prepared once per page and reused for every row of that entity.
struct Prepared {
    store::Statement upsert, remove;
    std::unique_ptr<store::Statement> release;
    int releaseIndex = -1;  // field holding the unique value
};

void bindValue(store::Statement& st, int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v))
        st.bind(index, *i);
    else if (const auto* s = std::get_if<std::string>(&v))
        st.bind(index, std::string_view(*s));
    else
        st.bind(index, std::nullopt);
}

// A keyset is taken only when a key trusted now signed it; a refusal is kept
// with the config refusals (reported in the station's status) and changes
// nothing else. A page is never refused for it: the rest of the district's
// data is still good.
void applyKeySet(store::Database& db, const std::string& envelopeText, const std::string& nowIso) {
    config::KeySet current = store::trustedKeys(db);
    nlohmann::json envelope;  // not valid JSON: stays null, refused as malformed
    try {
        envelope = proto::parseBounded(envelopeText);
    } catch (const proto::BadJson&) {
    }
    const config::KeySetDecision d = config::decideKeySet(envelope, current);
    if (d.accepted) {
        store::saveTrustedKeys(db, d.keys);
    } else if (d.code != "same_version") {
        db.run("INSERT INTO config_rejections(at, version, reason) VALUES (?, NULL, ?)", nowIso,
               "keyset_" + d.code + ": " + d.message);
    }
}

}  // namespace

DecodedPage decodePage(const std::string& body, std::int64_t since) {
    proto::ChangesPage page;
    try {
        // Bounded depth; each change's data is moved out of the DOM, not copied.
        page = proto::changesPageFrom(proto::parseBounded(body));
    } catch (const std::exception& e) {
        throw PageError(std::string("the changes page is not valid (") + e.what() + ")");
    }
    DecodedPage out;
    out.nextCursor = page.next_cursor;
    out.more = page.more;
    out.lastApplied = page.last_applied_seq;
    if (page.next_cursor < since)
        throw PageError("next_cursor " + std::to_string(page.next_cursor) +
                        " is behind the cursor asked for (" + std::to_string(since) + ")");
    if (page.more && page.next_cursor == since)
        throw PageError("the server says there is more but the cursor did not move");

    out.rows.reserve(page.changes.size());
    std::int64_t lastRev = since;
    for (const auto& c : page.changes) {
        if (c.rev <= lastRev || c.rev > page.next_cursor)
            throw PageError("change rev " + std::to_string(c.rev) +
                            " is out of order (after " + std::to_string(lastRev) +
                            ", next_cursor " + std::to_string(page.next_cursor) + ")");
        lastRev = c.rev;
        const EntitySpec* spec = findEntity(c.entity);
        if (!spec) {
            // A newer server may send entities this build does not use yet;
            // skipping them keeps older kiosks syncing.
            ++out.unknown[c.entity];
            ++out.ignored;
            continue;
        }
        out.rows.push_back(decodeChange(*spec, c));
    }
    return out;
}

void applyPage(store::Database& db, const DecodedPage& page, const std::string& nowIso) {
    store::Transaction tx(db);
    std::unordered_map<const EntitySpec*, std::unique_ptr<Prepared>> prepared;
    for (const auto& row : page.rows) {
        if (row.spec->signedKeySet) {
            if (!row.deleted) applyKeySet(db, std::get<std::string>(row.values.at(2)), nowIso);
            continue;
        }
        auto& p = prepared[row.spec];
        if (!p) {
            const auto& sql = sqlFor(*row.spec);
            p = std::make_unique<Prepared>(
                Prepared{db.prepare(sql.upsert), db.prepare(sql.remove), nullptr, -1});
            if (!sql.release.empty()) {
                p->release = std::make_unique<store::Statement>(db.prepare(sql.release));
                for (size_t i = 0; i < row.spec->fields.size(); ++i)
                    if (std::string_view(row.spec->fields[i].name) == row.spec->releaseUnique)
                        p->releaseIndex = static_cast<int>(i);
            }
        }
        if (row.deleted) {
            p->remove.reset();
            p->remove.bind(1, row.key).run();
            continue;
        }
        if (p->release && p->releaseIndex >= 0 &&
            !std::holds_alternative<std::monostate>(row.values[size_t(p->releaseIndex)])) {
            // The district moved a unique value (a re-issued card) to this row;
            // the old holder's own change, later in revision order, brings its new one.
            p->release->reset();
            bindValue(*p->release, 1, row.values[size_t(p->releaseIndex)]);
            p->release->bind(2, row.key).run();
        }
        p->upsert.reset();
        int i = 1;
        for (const auto& v : row.values) bindValue(p->upsert, i++, v);
        if (row.spec->receivedAt) p->upsert.bind(i, nowIso);
        p->upsert.run();
    }
    db.run("UPDATE sync_state SET cursor=? WHERE id=1", page.nextCursor);
    tx.commit();
}

}  // namespace syncc
