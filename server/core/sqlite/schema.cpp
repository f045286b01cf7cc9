// schema.cpp — the district database's versioned migrations (store::migrate).
//
// The change table is what stations pull: one row per (entity, key), replaced
// with a new revision on every change. rev is an AUTOINCREMENT rowid, so a
// replaced row always gets a higher number than any row before it (a plain
// rowid could hand the same number out again when the top row is replaced).
#include "sqlite/schema.h"

namespace district {

const std::vector<store::Migration>& districtMigrations() {
    static const std::vector<store::Migration> migrations = {
        {1, R"sql(
CREATE TABLE stations (
  id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, community TEXT NOT NULL DEFAULT '',
  token_sha256 TEXT UNIQUE, last_applied_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE station_status (
  station_id TEXT PRIMARY KEY REFERENCES stations(id), status TEXT NOT NULL,
  received_at TEXT NOT NULL);

-- Every op a station pushed, with its final answer. A repeated push reads it.
CREATE TABLE ops (
  station_id TEXT NOT NULL, seq INTEGER NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
  created_at TEXT NOT NULL, received_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applied','rejected')), reason TEXT NOT NULL,
  detail TEXT NOT NULL, PRIMARY KEY (station_id, seq)) WITHOUT ROWID;
CREATE INDEX ops_uuid ON ops(uuid);

CREATE TABLE members (
  id TEXT PRIMARY KEY, card_no TEXT NOT NULL UNIQUE, phone TEXT NOT NULL, name TEXT NOT NULL,
  birth_date TEXT NOT NULL, category TEXT NOT NULL CHECK (category IN ('priority','age70','regular')),
  delivery_eligible INTEGER NOT NULL);
CREATE TABLE canteens (id TEXT PRIMARY KEY, name TEXT NOT NULL,
  station_id TEXT NOT NULL REFERENCES stations(id), address TEXT NOT NULL);
CREATE INDEX canteens_station ON canteens(station_id);
CREATE TABLE meal_slots (
  id TEXT PRIMARY KEY, canteen_id TEXT NOT NULL REFERENCES canteens(id), date TEXT NOT NULL,
  slot TEXT NOT NULL CHECK (slot IN ('lunch','dinner')), dishes TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  capacity INTEGER NOT NULL CHECK (capacity >= 0), cutoff TEXT NOT NULL);
CREATE INDEX meal_slots_canteen ON meal_slots(canteen_id, cutoff);
CREATE TABLE activities (
  id TEXT PRIMARY KEY, station_id TEXT NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL,
  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL, place TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity >= 0), description TEXT NOT NULL);
CREATE INDEX activities_station ON activities(station_id, starts_at);
CREATE TABLE catalog_items (id TEXT PRIMARY KEY, name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('service','goods')), minutes INTEGER NOT NULL CHECK (minutes > 0));
CREATE TABLE subsidy_rules (id TEXT PRIMARY KEY CHECK (id = 'district'),
  priority_cents INTEGER NOT NULL, age70_cents INTEGER NOT NULL,
  daily_cap INTEGER NOT NULL, weekly_cap INTEGER NOT NULL);

-- Seats a station may hand out offline. Sum per target never above capacity.
CREATE TABLE quotas (kind TEXT NOT NULL CHECK (kind IN ('meal','activity')),
  target_id TEXT NOT NULL, station_id TEXT NOT NULL, seats INTEGER NOT NULL CHECK (seats >= 0),
  PRIMARY KEY (kind, target_id, station_id)) WITHOUT ROWID;

CREATE TABLE bookings (
  id TEXT PRIMARY KEY, member_id TEXT NOT NULL, slot_id TEXT NOT NULL, station_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked','cancelled','picked_up')),
  subsidy_cents INTEGER NOT NULL, pay_cents INTEGER NOT NULL, delivery INTEGER NOT NULL,
  date TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX bookings_member_date ON bookings(member_id, date);
CREATE INDEX bookings_slot_station ON bookings(slot_id, station_id, status);
CREATE TABLE signups (
  n INTEGER PRIMARY KEY AUTOINCREMENT,  -- arrival order, for the waitlist
  id TEXT NOT NULL UNIQUE, member_id TEXT NOT NULL, activity_id TEXT NOT NULL,
  station_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('signed_up','waitlisted','cancelled','attended')),
  created_at TEXT NOT NULL);
CREATE INDEX signups_member ON signups(member_id, activity_id);
CREATE INDEX signups_activity ON signups(activity_id, status, station_id);
-- Attendance history: an undo is a row of its own, the first tap stays.
CREATE TABLE attendances (n INTEGER PRIMARY KEY AUTOINCREMENT, member_id TEXT NOT NULL,
  activity_id TEXT NOT NULL, station_id TEXT NOT NULL, at TEXT NOT NULL,
  undo INTEGER NOT NULL CHECK (undo IN (0, 1)));
CREATE INDEX attendances_member ON attendances(member_id, activity_id, n);
CREATE TABLE checkins (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, station_id TEXT NOT NULL,
  day TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (member_id, station_id, day));
CREATE INDEX checkins_day ON checkins(day, station_id);
CREATE TABLE help_calls (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, at TEXT NOT NULL,
  screen TEXT NOT NULL);
CREATE INDEX help_calls_station ON help_calls(station_id);

-- Time bank: double entry. Movements are immutable (triggers below); balances
-- are maintained in the same transaction as the movements that change them.
CREATE TABLE accounts (id TEXT PRIMARY KEY, is_member INTEGER NOT NULL,
  minutes INTEGER NOT NULL, floor_minutes INTEGER);
CREATE TABLE transfers (id TEXT PRIMARY KEY, from_account TEXT NOT NULL REFERENCES accounts(id),
  to_account TEXT NOT NULL REFERENCES accounts(id), minutes INTEGER NOT NULL CHECK (minutes > 0),
  at TEXT NOT NULL, kind TEXT NOT NULL, what TEXT NOT NULL, ref TEXT NOT NULL);
CREATE INDEX transfers_ref ON transfers(ref, kind);
CREATE INDEX transfers_at ON transfers(at);
CREATE TABLE movements (id TEXT PRIMARY KEY, transfer_id TEXT NOT NULL REFERENCES transfers(id),
  account_id TEXT NOT NULL REFERENCES accounts(id), minutes INTEGER NOT NULL, at TEXT NOT NULL,
  what TEXT NOT NULL);
CREATE INDEX movements_account ON movements(account_id);
CREATE TRIGGER movements_immutable_u BEFORE UPDATE ON movements
  BEGIN SELECT RAISE(ABORT, 'movements are immutable: add a reversal'); END;
CREATE TRIGGER movements_immutable_d BEFORE DELETE ON movements
  BEGIN SELECT RAISE(ABORT, 'movements are immutable: add a reversal'); END;
CREATE TRIGGER transfers_immutable_u BEFORE UPDATE ON transfers
  BEGIN SELECT RAISE(ABORT, 'transfers are immutable: add a reversal'); END;
CREATE TRIGGER transfers_immutable_d BEFORE DELETE ON transfers
  BEGIN SELECT RAISE(ABORT, 'transfers are immutable: add a reversal'); END;
CREATE TABLE redemptions (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, item_id TEXT NOT NULL,
  minutes INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('confirmed','rejected')),
  voucher TEXT NOT NULL, station_id TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE services (id TEXT PRIMARY KEY, volunteer_id TEXT NOT NULL, recipient_id TEXT NOT NULL,
  item_id TEXT NOT NULL, minutes INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','approved')),
  station_id TEXT NOT NULL, created_at TEXT NOT NULL, transfer_id TEXT NOT NULL DEFAULT '');
CREATE INDEX services_status ON services(status);

CREATE TABLE changes (
  rev INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, key TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL,
  UNIQUE (entity, key));
CREATE INDEX changes_scope_rev ON changes(scope, rev);
)sql"},
        // 2: configuration documents pushed by admins (`config push`). The
        // version is the primary key: one district-wide sequence, so a district
        // and a station document can never share a number.
        {2, R"sql(
CREATE TABLE config_docs (version INTEGER PRIMARY KEY CHECK (version >= 1),
  scope TEXT NOT NULL, envelope TEXT NOT NULL, pushed_at TEXT NOT NULL);
CREATE TRIGGER config_docs_immutable_u BEFORE UPDATE ON config_docs
  BEGIN SELECT RAISE(ABORT, 'a pushed configuration is never changed: push a newer version'); END;
)sql"},
        // 3: one active booking per member and meal slot (PROTOCOL.md
        // `already_booked`): the rule checks first, the index makes it hold
        // whatever a rule forgets.
        {3, R"sql(
CREATE UNIQUE INDEX bookings_one_active ON bookings(member_id, slot_id)
  WHERE status <> 'cancelled';
)sql"},
        // 4: the trusted signing keys stations follow (config/keyset.h).
        {4, R"sql(
CREATE TABLE keysets (version INTEGER PRIMARY KEY CHECK (version >= 1),
  envelope TEXT NOT NULL, published_at TEXT NOT NULL);
CREATE TRIGGER keysets_immutable_u BEFORE UPDATE ON keysets
  BEGIN SELECT RAISE(ABORT, 'a published keyset is never changed: publish a newer one'); END;
)sql"},
        // 5: the admin console (server/console): admin accounts, the audit log
        // (append-only, like the ledger), every status a station reported,
        // acknowledged help calls, and services an admin rejected (SQLite
        // changes a CHECK only by rebuilding the table; nothing points at it).
        {5, R"sql(
CREATE TABLE admins (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('admin','viewer')),
  password_hash TEXT NOT NULL, must_change INTEGER NOT NULL CHECK (must_change IN (0, 1)),
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)), generation INTEGER NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
  admin TEXT NOT NULL, client TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok','refused')), detail TEXT NOT NULL);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_immutable_u BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_immutable_d BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE station_status_history (n INTEGER PRIMARY KEY AUTOINCREMENT,
  station_id TEXT NOT NULL, status TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX station_status_history_station ON station_status_history(station_id, n);
INSERT INTO station_status_history (station_id, status, received_at)
  SELECT station_id, status, received_at FROM station_status;
CREATE INDEX ops_rejected ON ops(station_id, seq) WHERE status = 'rejected';

CREATE TABLE help_call_acks (help_call_id TEXT PRIMARY KEY REFERENCES help_calls(id),
  acked_by TEXT NOT NULL, acked_at TEXT NOT NULL);
CREATE INDEX members_phone ON members(phone);

CREATE TABLE services_v3 (id TEXT PRIMARY KEY, volunteer_id TEXT NOT NULL,
  recipient_id TEXT NOT NULL, item_id TEXT NOT NULL, minutes INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
  station_id TEXT NOT NULL, created_at TEXT NOT NULL, transfer_id TEXT NOT NULL DEFAULT '');
INSERT INTO services_v3 SELECT id, volunteer_id, recipient_id, item_id, minutes, status,
  station_id, created_at, transfer_id FROM services;
DROP TABLE services;
ALTER TABLE services_v3 RENAME TO services;
CREATE INDEX services_status ON services(status);
)sql"},
        // 6: the keyset a station's bundle carried, so `keys retire` knows
        // what a station that has not reported yet holds.
        {6, R"sql(
ALTER TABLE stations ADD COLUMN bundle_keyset_version INTEGER NOT NULL DEFAULT 0;
)sql"},
        // 7: meals by Shenzhen's rules (config/meal_rules.h). Members carry
        // 户籍, categories (codes joined by ';'), care level, living alone and
        // an address instead of one coarse category and a delivery flag:
        // existing members become 户籍 without categories (what the old age
        // rule assumed; the old "priority" could not say which category) until
        // a file with the new columns says otherwise. The storage republishes
        // their change rows in the new shape at start (sqlite_storage.cpp).
        // Bookings keep the tier that paid and the delivery's fee, subsidy and
        // outcome. The rules are the newest district document's sections; the
        // old four-number table and its change row go (stations read the rules
        // from their signed configuration).
        {7, R"sql(
CREATE TABLE members_v7 (
  id TEXT PRIMARY KEY, card_no TEXT NOT NULL UNIQUE, phone TEXT NOT NULL, name TEXT NOT NULL,
  birth_date TEXT NOT NULL, hukou INTEGER NOT NULL CHECK (hukou IN (0, 1)),
  categories TEXT NOT NULL DEFAULT '',
  care_level INTEGER NOT NULL DEFAULT 0 CHECK (care_level BETWEEN 0 AND 3),
  living_alone INTEGER NOT NULL DEFAULT 0 CHECK (living_alone IN (0, 1)),
  address TEXT NOT NULL DEFAULT '');
INSERT INTO members_v7 (id, card_no, phone, name, birth_date, hukou)
  SELECT id, card_no, phone, name, birth_date, 1 FROM members;
DROP TABLE members;
ALTER TABLE members_v7 RENAME TO members;
CREATE INDEX members_phone ON members(phone);

ALTER TABLE bookings ADD COLUMN rule TEXT NOT NULL DEFAULT 'none';
UPDATE bookings SET rule = 'legacy' WHERE subsidy_cents > 0;
ALTER TABLE bookings ADD COLUMN delivery_fee_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN delivery_subsidy_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN delivery_status TEXT NOT NULL DEFAULT ''
  CHECK (delivery_status IN ('', 'delivered', 'failed'));
ALTER TABLE bookings ADD COLUMN delivery_at TEXT NOT NULL DEFAULT '';
CREATE INDEX bookings_date ON bookings(date);

DROP TABLE subsidy_rules;
CREATE TABLE meal_rules (id TEXT PRIMARY KEY CHECK (id = 'district'), sections TEXT NOT NULL);
DELETE FROM changes WHERE entity = 'subsidy_rules';
)sql"},
        // 8: a station's working day (issue 9). Enrolments pending at the
        // district; the station that looks after an elder and when the elder
        // was last seen or visited (the care list); lost cards blocked
        // everywhere; 巡访 records; who on the staff acted for an elder (ops);
        // alerts of other kinds than a help call, with the elder if known.
        {8, R"sql(
ALTER TABLE members ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
  CHECK (status IN ('active','pending','rejected'));
ALTER TABLE members ADD COLUMN home_station_id TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN last_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN last_visit TEXT NOT NULL DEFAULT '';
CREATE INDEX members_status ON members(status) WHERE status <> 'active';
CREATE TABLE blocked_cards (card_no TEXT PRIMARY KEY, member_id TEXT NOT NULL,
  blocked_at TEXT NOT NULL, station_id TEXT NOT NULL);
CREATE TABLE care_visits (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, station_id TEXT NOT NULL,
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

}  // namespace district
