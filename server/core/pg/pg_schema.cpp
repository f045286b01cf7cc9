// pg_schema.cpp — the PostgreSQL schema: the tables of sqlite/schema.cpp at
// its newest version, in PostgreSQL's types. Integers are BIGINT and flags
// stay 0/1 integers, so both backends read rows the same way.
//
// Differences that matter:
//   - changes.rev comes from a sequence drawn under the change lock
//     (pg_write.cpp), so revisions grow in commit order across processes.
//   - The immutable tables (movements, transfers, config_docs, keysets,
//     audit_log) refuse UPDATE/DELETE with one trigger function.
#include "pg/pg_schema.h"

#include <string>
#include <vector>

#include "pg/pg_tx.h"
#include "store/sqlite.h"

namespace district {
namespace {

struct PgMigration {
    int version;
    const char* sql;
};

const std::vector<PgMigration>& pgMigrations() {
    static const std::vector<PgMigration> migrations = {
        // 6: the tables of SQLite's schema at its version 6, at once. (The build
        // that brought PostgreSQL numbered this 1; pgMigrate reads 1 as 6.)
        {6, R"sql(
CREATE TABLE stations (
  id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, community TEXT NOT NULL DEFAULT '',
  token_sha256 TEXT UNIQUE, last_applied_seq BIGINT NOT NULL DEFAULT 0,
  bundle_keyset_version BIGINT NOT NULL DEFAULT 0);
CREATE TABLE station_status (
  station_id TEXT PRIMARY KEY REFERENCES stations(id), status TEXT NOT NULL,
  received_at TEXT NOT NULL);
CREATE TABLE station_status_history (n BIGSERIAL PRIMARY KEY,
  station_id TEXT NOT NULL, status TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX station_status_history_station ON station_status_history(station_id, n);

CREATE TABLE ops (
  station_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
  created_at TEXT NOT NULL, received_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applied','rejected')), reason TEXT NOT NULL,
  detail TEXT NOT NULL, PRIMARY KEY (station_id, seq));
CREATE INDEX ops_uuid ON ops(uuid);
CREATE INDEX ops_rejected ON ops(station_id, seq) WHERE status = 'rejected';

CREATE TABLE members (
  id TEXT PRIMARY KEY, card_no TEXT NOT NULL UNIQUE, phone TEXT NOT NULL, name TEXT NOT NULL,
  birth_date TEXT NOT NULL, category TEXT NOT NULL CHECK (category IN ('priority','age70','regular')),
  delivery_eligible BIGINT NOT NULL);
CREATE INDEX members_phone ON members(phone);
CREATE TABLE canteens (id TEXT PRIMARY KEY, name TEXT NOT NULL,
  station_id TEXT NOT NULL REFERENCES stations(id), address TEXT NOT NULL);
CREATE INDEX canteens_station ON canteens(station_id);
CREATE TABLE meal_slots (
  id TEXT PRIMARY KEY, canteen_id TEXT NOT NULL REFERENCES canteens(id), date TEXT NOT NULL,
  slot TEXT NOT NULL CHECK (slot IN ('lunch','dinner')), dishes TEXT NOT NULL,
  price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
  capacity BIGINT NOT NULL CHECK (capacity >= 0), cutoff TEXT NOT NULL);
CREATE INDEX meal_slots_canteen ON meal_slots(canteen_id, cutoff);
CREATE TABLE activities (
  id TEXT PRIMARY KEY, station_id TEXT NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL,
  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL, place TEXT NOT NULL,
  capacity BIGINT NOT NULL CHECK (capacity >= 0), description TEXT NOT NULL);
CREATE INDEX activities_station ON activities(station_id, starts_at);
CREATE TABLE catalog_items (id TEXT PRIMARY KEY, name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('service','goods')), minutes BIGINT NOT NULL CHECK (minutes > 0));
CREATE TABLE subsidy_rules (id TEXT PRIMARY KEY CHECK (id = 'district'),
  priority_cents BIGINT NOT NULL, age70_cents BIGINT NOT NULL,
  daily_cap BIGINT NOT NULL, weekly_cap BIGINT NOT NULL);
CREATE TABLE quotas (kind TEXT NOT NULL CHECK (kind IN ('meal','activity')),
  target_id TEXT NOT NULL, station_id TEXT NOT NULL, seats BIGINT NOT NULL CHECK (seats >= 0),
  PRIMARY KEY (kind, target_id, station_id));

CREATE TABLE bookings (
  id TEXT PRIMARY KEY, member_id TEXT NOT NULL, slot_id TEXT NOT NULL, station_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked','cancelled','picked_up')),
  subsidy_cents BIGINT NOT NULL, pay_cents BIGINT NOT NULL, delivery BIGINT NOT NULL,
  date TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX bookings_member_date ON bookings(member_id, date);
CREATE INDEX bookings_slot_station ON bookings(slot_id, station_id, status);
CREATE UNIQUE INDEX bookings_one_active ON bookings(member_id, slot_id)
  WHERE status <> 'cancelled';
CREATE TABLE signups (
  n BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE, member_id TEXT NOT NULL, activity_id TEXT NOT NULL,
  station_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('signed_up','waitlisted','cancelled','attended')),
  created_at TEXT NOT NULL);
CREATE INDEX signups_member ON signups(member_id, activity_id);
CREATE INDEX signups_activity ON signups(activity_id, status, station_id);
CREATE TABLE attendances (n BIGSERIAL PRIMARY KEY, member_id TEXT NOT NULL,
  activity_id TEXT NOT NULL, station_id TEXT NOT NULL, at TEXT NOT NULL,
  undo BIGINT NOT NULL CHECK (undo IN (0, 1)));
CREATE INDEX attendances_member ON attendances(member_id, activity_id, n);
CREATE TABLE checkins (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, station_id TEXT NOT NULL,
  day TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (member_id, station_id, day));
CREATE INDEX checkins_day ON checkins(day, station_id);
CREATE TABLE help_calls (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, at TEXT NOT NULL,
  screen TEXT NOT NULL);
CREATE INDEX help_calls_station ON help_calls(station_id);
CREATE TABLE help_call_acks (help_call_id TEXT PRIMARY KEY REFERENCES help_calls(id),
  acked_by TEXT NOT NULL, acked_at TEXT NOT NULL);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;

CREATE TABLE accounts (id TEXT PRIMARY KEY, is_member BIGINT NOT NULL,
  minutes BIGINT NOT NULL, floor_minutes BIGINT);
CREATE TABLE transfers (id TEXT PRIMARY KEY, from_account TEXT NOT NULL REFERENCES accounts(id),
  to_account TEXT NOT NULL REFERENCES accounts(id), minutes BIGINT NOT NULL CHECK (minutes > 0),
  at TEXT NOT NULL, kind TEXT NOT NULL, what TEXT NOT NULL, ref TEXT NOT NULL);
CREATE INDEX transfers_ref ON transfers(ref, kind);
CREATE INDEX transfers_at ON transfers(at);
CREATE TABLE movements (id TEXT PRIMARY KEY, transfer_id TEXT NOT NULL REFERENCES transfers(id),
  account_id TEXT NOT NULL REFERENCES accounts(id), minutes BIGINT NOT NULL, at TEXT NOT NULL,
  what TEXT NOT NULL);
CREATE INDEX movements_account ON movements(account_id);
CREATE TRIGGER movements_immutable BEFORE UPDATE OR DELETE ON movements
  FOR EACH ROW EXECUTE FUNCTION refuse_change('movements are immutable: add a reversal');
CREATE TRIGGER transfers_immutable BEFORE UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION refuse_change('transfers are immutable: add a reversal');
CREATE TABLE redemptions (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, item_id TEXT NOT NULL,
  minutes BIGINT NOT NULL, status TEXT NOT NULL CHECK (status IN ('confirmed','rejected')),
  voucher TEXT NOT NULL, station_id TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE services (id TEXT PRIMARY KEY, volunteer_id TEXT NOT NULL,
  recipient_id TEXT NOT NULL, item_id TEXT NOT NULL, minutes BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
  station_id TEXT NOT NULL, created_at TEXT NOT NULL, transfer_id TEXT NOT NULL DEFAULT '');
CREATE INDEX services_status ON services(status);

CREATE SEQUENCE changes_rev_seq;
CREATE TABLE changes (
  rev BIGINT PRIMARY KEY DEFAULT nextval('changes_rev_seq'), entity TEXT NOT NULL,
  key TEXT NOT NULL, scope TEXT NOT NULL DEFAULT '', deleted BIGINT NOT NULL DEFAULT 0,
  data TEXT NOT NULL, UNIQUE (entity, key));
ALTER SEQUENCE changes_rev_seq OWNED BY changes.rev;
CREATE INDEX changes_scope_rev ON changes(scope, rev);

CREATE TABLE config_docs (version BIGINT PRIMARY KEY CHECK (version >= 1),
  scope TEXT NOT NULL, envelope TEXT NOT NULL, pushed_at TEXT NOT NULL);
CREATE TRIGGER config_docs_immutable BEFORE UPDATE ON config_docs
  FOR EACH ROW EXECUTE FUNCTION refuse_change('a pushed configuration is never changed: push a newer version');
CREATE TABLE keysets (version BIGINT PRIMARY KEY CHECK (version >= 1),
  envelope TEXT NOT NULL, published_at TEXT NOT NULL);
CREATE TRIGGER keysets_immutable BEFORE UPDATE ON keysets
  FOR EACH ROW EXECUTE FUNCTION refuse_change('a published keyset is never changed: publish a newer one');

CREATE TABLE admins (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('admin','viewer')),
  password_hash TEXT NOT NULL, must_change BIGINT NOT NULL CHECK (must_change IN (0, 1)),
  disabled BIGINT NOT NULL CHECK (disabled IN (0, 1)), generation BIGINT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL,
  admin TEXT NOT NULL, client TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok','refused')), detail TEXT NOT NULL);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only');
)sql"},
        // 7: SQLite's migration 7, meals by Shenzhen's rules (its comment says why).
        {7, R"sql(
ALTER TABLE members ADD COLUMN hukou BIGINT NOT NULL DEFAULT 1 CHECK (hukou IN (0, 1));
ALTER TABLE members ALTER COLUMN hukou DROP DEFAULT;
ALTER TABLE members ADD COLUMN categories TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN care_level BIGINT NOT NULL DEFAULT 0 CHECK (care_level BETWEEN 0 AND 3);
ALTER TABLE members ADD COLUMN living_alone BIGINT NOT NULL DEFAULT 0 CHECK (living_alone IN (0, 1));
ALTER TABLE members ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE members DROP COLUMN category;
ALTER TABLE members DROP COLUMN delivery_eligible;

ALTER TABLE bookings ADD COLUMN rule TEXT NOT NULL DEFAULT 'none';
UPDATE bookings SET rule = 'legacy' WHERE subsidy_cents > 0;
ALTER TABLE bookings ADD COLUMN delivery_fee_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN delivery_subsidy_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN delivery_status TEXT NOT NULL DEFAULT ''
  CHECK (delivery_status IN ('', 'delivered', 'failed'));
ALTER TABLE bookings ADD COLUMN delivery_at TEXT NOT NULL DEFAULT '';
CREATE INDEX bookings_date ON bookings(date);

DROP TABLE subsidy_rules;
CREATE TABLE meal_rules (id TEXT PRIMARY KEY CHECK (id = 'district'), sections TEXT NOT NULL);
DELETE FROM changes WHERE entity = 'subsidy_rules';
)sql"},
        // 8: a station's working day (issue 9; SQLite's migration 8): pending
        // enrolments, home station, last seen / visited, blocked cards, 巡访,
        // staff_id on ops, alerts of every kind.
        {8, R"sql(
ALTER TABLE members ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
  CHECK (status IN ('active','pending','rejected'));
ALTER TABLE members ADD COLUMN home_station_id TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN last_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN last_visit TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN n BIGSERIAL;
CREATE INDEX members_status ON members(status, n) WHERE status <> 'active';
CREATE TABLE blocked_cards (card_no TEXT PRIMARY KEY, member_id TEXT NOT NULL,
  blocked_at TEXT NOT NULL, station_id TEXT NOT NULL);
CREATE TABLE care_visits (n BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  member_id TEXT NOT NULL, station_id TEXT NOT NULL,
  staff_id TEXT NOT NULL, at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('reached','not_reached')), note TEXT NOT NULL);
CREATE INDEX care_visits_member ON care_visits(member_id, at);
ALTER TABLE ops ADD COLUMN staff_id TEXT NOT NULL DEFAULT '';
CREATE INDEX ops_staff ON ops(station_id, created_at) WHERE staff_id <> '';
ALTER TABLE help_calls ADD COLUMN kind TEXT NOT NULL DEFAULT 'help'
  CHECK (kind IN ('help','urgent','blocked_card','pin_failures'));
ALTER TABLE help_calls ADD COLUMN member_id TEXT NOT NULL DEFAULT '';
ALTER TABLE help_calls ADD COLUMN detail TEXT NOT NULL DEFAULT '';
)sql"},
    };
    return migrations;
}

}  // namespace

int pgSchemaVersion() { return pgMigrations().back().version; }

void pgMigrate(PgConn& conn, int upTo) {
    conn.exec("BEGIN");
    try {
        conn.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
        conn.exec("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)");
        std::int64_t have = 0;
        {
            PgQuery s(conn, "SELECT coalesce(max(version), 0) FROM schema_version");
            s.step();
            have = s.getInt(0);
        }
        // Written by the first build with PostgreSQL, whose one migration was
        // numbered 1: the same tables as SQLite's version 6.
        if (have == 1) have = 6;
        if (have > pgSchemaVersion())
            throw store::SchemaTooNew("the PostgreSQL district database is at schema version " +
                                      std::to_string(have) + ", newer than this build's " +
                                      std::to_string(pgSchemaVersion()) + ": upgrade district-server");
        for (const auto& m : pgMigrations()) {
            if (m.version <= have || m.version > upTo) continue;
            conn.exec(m.sql);
            conn.exec("DELETE FROM schema_version; INSERT INTO schema_version VALUES (" +
                      std::to_string(m.version) + ")");
        }
        conn.exec("COMMIT");
    } catch (...) {
        try {
            conn.exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
}

}  // namespace district
