#include "store/schema.h"

namespace store {

const std::vector<Migration>& kioskMigrations() {
    static const std::vector<Migration> migrations = {
        {1, R"sql(
CREATE TABLE enrollment (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  station_id TEXT NOT NULL, station_name TEXT NOT NULL, token TEXT NOT NULL,
  server_url TEXT NOT NULL, ca_pem TEXT NOT NULL, config_public_key_pem TEXT NOT NULL,
  enrolled_at TEXT NOT NULL);

CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  cursor INTEGER NOT NULL DEFAULT 0,
  last_sync_at TEXT, last_attempt_at TEXT, last_error TEXT);
INSERT INTO sync_state(id) VALUES (1);

-- The op log: every elder or staff action, in the same transaction as its
-- local effect. seq only grows (AUTOINCREMENT never reuses a number).
CREATE TABLE op_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  member_id TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','applied','rejected')),
  reason TEXT,
  detail TEXT,
  answered_at TEXT,
  notified INTEGER NOT NULL DEFAULT 0);
CREATE INDEX op_log_state ON op_log(state, seq);
CREATE INDEX op_log_member ON op_log(member_id, state);

CREATE TABLE stations (id TEXT PRIMARY KEY, name TEXT NOT NULL, community TEXT);
CREATE TABLE members (
  id TEXT PRIMARY KEY, card_no TEXT, phone TEXT, name TEXT NOT NULL,
  birth_date TEXT, category TEXT NOT NULL DEFAULT 'regular',
  delivery_eligible INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX members_card ON members(card_no);
CREATE INDEX members_phone ON members(phone);
CREATE TABLE canteens (id TEXT PRIMARY KEY, name TEXT NOT NULL, station_id TEXT, address TEXT);
CREATE TABLE meal_slots (
  id TEXT PRIMARY KEY, canteen_id TEXT NOT NULL, date TEXT NOT NULL, slot TEXT NOT NULL,
  dishes TEXT NOT NULL DEFAULT '[]', price_cents INTEGER NOT NULL, capacity INTEGER NOT NULL,
  cutoff TEXT NOT NULL);
CREATE INDEX meal_slots_date ON meal_slots(date, slot);
CREATE TABLE quotas (
  kind TEXT NOT NULL, target_id TEXT NOT NULL, station_id TEXT NOT NULL,
  seats INTEGER NOT NULL, PRIMARY KEY (kind, target_id, station_id));
CREATE TABLE activities (
  id TEXT PRIMARY KEY, station_id TEXT, title TEXT NOT NULL, category TEXT,
  starts_at TEXT NOT NULL, ends_at TEXT, place TEXT, capacity INTEGER NOT NULL,
  description TEXT);
CREATE INDEX activities_start ON activities(starts_at);
CREATE TABLE catalog_items (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  minutes INTEGER NOT NULL);
CREATE TABLE balances (member_id TEXT PRIMARY KEY, minutes INTEGER NOT NULL,
  floor_minutes INTEGER NOT NULL DEFAULT 0);
CREATE TABLE ledger_entries (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, at TEXT NOT NULL,
  what TEXT NOT NULL, minutes INTEGER NOT NULL);
CREATE INDEX ledger_member ON ledger_entries(member_id, at);
CREATE TABLE bookings (
  id TEXT PRIMARY KEY, member_id TEXT NOT NULL, slot_id TEXT NOT NULL, station_id TEXT,
  status TEXT NOT NULL, subsidy_cents INTEGER NOT NULL DEFAULT 0,
  pay_cents INTEGER NOT NULL DEFAULT 0, delivery INTEGER NOT NULL DEFAULT 0,
  local_state TEXT NOT NULL DEFAULT 'synced', reason TEXT, created_at TEXT);
CREATE INDEX bookings_member ON bookings(member_id);
CREATE INDEX bookings_slot ON bookings(slot_id, station_id, status);
CREATE TABLE signups (
  id TEXT PRIMARY KEY, member_id TEXT NOT NULL, activity_id TEXT NOT NULL, station_id TEXT,
  status TEXT NOT NULL, local_state TEXT NOT NULL DEFAULT 'synced', reason TEXT,
  created_at TEXT);
CREATE INDEX signups_member ON signups(member_id);
CREATE INDEX signups_activity ON signups(activity_id, status);
CREATE TABLE redemptions (
  id TEXT PRIMARY KEY, member_id TEXT NOT NULL, item_id TEXT NOT NULL,
  minutes INTEGER NOT NULL, status TEXT NOT NULL, voucher TEXT,
  local_state TEXT NOT NULL DEFAULT 'synced', reason TEXT, created_at TEXT);
CREATE TABLE services (
  id TEXT PRIMARY KEY, volunteer_id TEXT NOT NULL, recipient_id TEXT NOT NULL,
  item_id TEXT NOT NULL, minutes INTEGER NOT NULL, status TEXT NOT NULL,
  local_state TEXT NOT NULL DEFAULT 'pending', reason TEXT, created_at TEXT);
CREATE TABLE checkins (
  id TEXT PRIMARY KEY, member_id TEXT NOT NULL, station_id TEXT, day TEXT NOT NULL,
  at TEXT NOT NULL, local_state TEXT NOT NULL DEFAULT 'pending', reason TEXT,
  UNIQUE (member_id, day));
CREATE TABLE subsidy_rules (id TEXT PRIMARY KEY, priority_cents INTEGER NOT NULL,
  age70_cents INTEGER NOT NULL, daily_cap INTEGER NOT NULL, weekly_cap INTEGER NOT NULL);
INSERT INTO subsidy_rules VALUES ('district', 1500, 500, 1, 5);
CREATE TABLE help_calls (id TEXT PRIMARY KEY, at TEXT NOT NULL, screen TEXT,
  member_id TEXT, handled INTEGER NOT NULL DEFAULT 0);

-- Config: the last good signed document, and what was refused and why.
CREATE TABLE config (id TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL,
  applied_at TEXT);
CREATE TABLE config_rejections (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
  version INTEGER, reason TEXT NOT NULL);
)sql"},
        // 2: pulled config documents wait here for the config module, which
        // checks the signature and version before anything is applied.
        {2, R"sql(
CREATE TABLE config_inbox (id TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL,
  received_at TEXT NOT NULL);
)sql"},
        // 3: a kiosk keeps only what it needs to identify an elder and price a
        // meal (DESIGN principle 7): keyed hashes of card and phone
        // (config/member_hash.h), the masked name, the phone's last 4 digits,
        // birth year and month. The clear rows are dropped and pulled again
        // in the new shape (the cursor goes back to 0; pulls are upserts).
        // The district's trusted signing keys (config/keyset.h) and member
        // key come from the enrollment bundle, then from signed keysets.
        {3, R"sql(
DROP TABLE members;
CREATE TABLE members (
  id TEXT PRIMARY KEY, card_hash TEXT, phone_hash TEXT, phone_birthday_hash TEXT,
  phone_last4 TEXT, masked_name TEXT NOT NULL, birth_ym TEXT,
  category TEXT NOT NULL DEFAULT 'regular', delivery_eligible INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX members_card ON members(card_hash);
CREATE INDEX members_phone ON members(phone_hash);
CREATE INDEX members_phone_birthday ON members(phone_birthday_hash);
CREATE INDEX members_last4 ON members(phone_last4);
UPDATE sync_state SET cursor=0;

ALTER TABLE enrollment ADD COLUMN member_key TEXT;
CREATE TABLE trusted_keys (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL,
  keys TEXT NOT NULL);
INSERT INTO trusted_keys(id, version, keys)
  SELECT 1, 0, json_array(config_public_key_pem) FROM enrollment WHERE id=1;
)sql"},
        // 4: guesses are counted where a restart cannot reset them. Wrong
        // birthdays per phone (hashed) in the last hour; every staff PIN try,
        // and the PIN pad's lock with its growing delay (domain/staff_login.h).
        {4, R"sql(
CREATE TABLE identify_attempts (phone_hash TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX identify_attempts_phone ON identify_attempts(phone_hash, at);
CREATE TABLE staff_pin_attempts (n INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
  staff_id TEXT NOT NULL, ok INTEGER NOT NULL CHECK (ok IN (0, 1)));
CREATE INDEX staff_pin_attempts_at ON staff_pin_attempts(at);
CREATE TABLE staff_pin_lock (id INTEGER PRIMARY KEY CHECK (id = 1),
  failures INTEGER NOT NULL DEFAULT 0, lockouts INTEGER NOT NULL DEFAULT 0, locked_until TEXT);
INSERT INTO staff_pin_lock(id) VALUES (1);
)sql"},
        // 5: meals by Shenzhen's rules (config/meal_rules.h). An elder's row
        // carries what the rules ask (户籍, categories, care level, whether an
        // address is on file) instead of one coarse category and a delivery
        // flag; the rows stay (elders are still identified) and are pulled
        // again in the new shape (cursor 0; pulls are upserts). The rules come
        // from the signed configuration, so the old pulled copy goes. Bookings
        // keep the tier that paid and the delivery's money and outcome. The
        // delivery list of this station's canteens (PROTOCOL.md `delivery`):
        // the only rows with an address and a whole phone number, and only for
        // meals to be delivered from here.
        {5, R"sql(
ALTER TABLE members ADD COLUMN hukou INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';
ALTER TABLE members ADD COLUMN care_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN has_address INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members DROP COLUMN category;
ALTER TABLE members DROP COLUMN delivery_eligible;
UPDATE sync_state SET cursor=0;
DROP TABLE subsidy_rules;

ALTER TABLE bookings ADD COLUMN rule TEXT NOT NULL DEFAULT '';
ALTER TABLE bookings ADD COLUMN delivery_fee_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN delivery_subsidy_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN delivery_status TEXT NOT NULL DEFAULT '';

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY, slot_id TEXT NOT NULL, member_id TEXT NOT NULL, masked_name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
  living_alone INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,
  delivery_status TEXT NOT NULL DEFAULT '', pay_cents INTEGER NOT NULL DEFAULT 0,
  local_state TEXT NOT NULL DEFAULT 'synced', reason TEXT);
CREATE INDEX deliveries_slot ON deliveries(slot_id);
)sql"},
        // 6: a station's working day (issue 9). Members enrolled here wait
        // (status pending) for the district; who lives alone, who looks after
        // them and when the district last saw them (the care list; 户籍,
        // categories and care level came with 5); phones and addresses of this
        // station's care list only (care_contacts); lost cards blocked
        // everywhere (by hash); 巡访 made here; alerts of other kinds than a
        // help call, with the staff who dealt with them. Pulled again (cursor
        // 0) for the new member fields.
        {6, R"sql(
ALTER TABLE members ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE members ADD COLUMN living_alone INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN home_station_id TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN last_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN last_visit TEXT NOT NULL DEFAULT '';
CREATE INDEX members_home ON members(home_station_id);
CREATE INDEX checkins_day ON checkins(day);
CREATE TABLE blocked_cards (card_hash TEXT PRIMARY KEY, member_id TEXT NOT NULL,
  blocked_at TEXT NOT NULL);
CREATE TABLE care_contacts (member_id TEXT PRIMARY KEY, phone TEXT, address TEXT);
CREATE TABLE care_visits (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('reached','not_reached')), note TEXT NOT NULL,
  staff_id TEXT NOT NULL);
CREATE INDEX care_visits_member ON care_visits(member_id, at);
ALTER TABLE help_calls ADD COLUMN kind TEXT NOT NULL DEFAULT 'help';
ALTER TABLE help_calls ADD COLUMN handled_by TEXT;
UPDATE sync_state SET cursor=0;
)sql"},
    };
    return migrations;
}

}  // namespace store
