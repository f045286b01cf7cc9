#include "fixture.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "config/member_hash.h"
#include "config/signing.h"
#include "store/trusted_keys.h"

void DomainTest::SetUp() {
    static int n = 0;
    dir = std::filesystem::temp_directory_path() /
          ("domain-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    db = store::openKioskDb(dir.string());
    ctx = std::make_unique<domain::Context>(domain::Context{*db, clock, "st-a"});
    const auto keys = config::generateKeyPair();
    signingKeyPem = keys.privatePem;
    db->run("INSERT INTO enrollment(id, station_id, station_name, token, server_url, ca_pem, "
            "config_public_key_pem, enrolled_at, member_key) VALUES (1, 'st-a', '长城长者服务站', 't', "
            "'https://127.0.0.1:1', '', ?, '2026-11-01T08:00:00+08:00', ?)",
            keys.publicPem, std::string(kMemberKey));
    store::saveTrustedKeys(*db, config::KeySet{1, {keys.publicPem}});
    db->run("INSERT INTO canteens(id, name, station_id) VALUES ('c1', '长城长者饭堂', 'st-a')");
    addMember("m1", "8800000001", "13800000001", "张三明", "1950-03-02", {});  // 户籍, 76: 5 元
    addMember("m2", "8800000002", "13800000002", "李四", "1962-07-15", {});    // 户籍, 64: nothing
    // 户籍 低保, 86, 中度失能, an address: 15 元, delivery.
    addMember("m3", "8800000003", "13800000003", "欧阳小明", "1940-01-09", {true, {"dibao"}, 2, true});
}

void DomainTest::TearDown() {
    ctx.reset();
    db.reset();
    std::filesystem::remove_all(dir);
}

void DomainTest::addMember(const std::string& id, const std::string& card, const std::string& phone,
                           const std::string& name, const std::string& birth, const Facts& f) {
    const std::string mmdd = birth.substr(5, 2) + birth.substr(8, 2);
    db->run("INSERT INTO members(id, card_hash, phone_hash, phone_birthday_hash, phone_last4, masked_name, "
            "birth_ym, hukou, categories, care_level, has_address) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            id, config::cardHash(kMemberKey, card), config::phoneHash(kMemberKey, phone),
            config::phoneBirthdayHash(kMemberKey, phone, mmdd), phone.substr(phone.size() - 4),
            config::maskName(name), birth.substr(0, 7), f.hukou ? 1 : 0, nlohmann::json(f.categories).dump(),
            f.careLevel, f.address ? 1 : 0);
}

void DomainTest::addSlot(const std::string& id, const std::string& date, const std::string& slot,
                         int priceCents, int capacity, const std::string& cutoff, int quota) {
    db->run("INSERT INTO meal_slots(id, canteen_id, date, slot, dishes, price_cents, capacity, "
            "cutoff) VALUES (?, 'c1', ?, ?, '[\"红烧鱼\",\"炒青菜\",\"番茄炒蛋\",\"紫菜汤\"]', ?, ?, ?)",
            id, date, slot, priceCents, capacity, cutoff);
    db->run("INSERT INTO quotas(kind, target_id, station_id, seats) VALUES ('meal', ?, 'st-a', ?)",
            id, quota);
}

void DomainTest::addActivity(const std::string& id, const std::string& title,
                             const std::string& startsAt, int capacity, int quota) {
    db->run("INSERT INTO activities(id, station_id, title, category, starts_at, place, capacity) "
            "VALUES (?, 'st-a', ?, '运动', ?, '活动室', ?)",
            id, title, startsAt, capacity);
    db->run("INSERT INTO quotas(kind, target_id, station_id, seats) VALUES ('activity', ?, "
            "'st-a', ?)",
            id, quota);
}

std::int64_t DomainTest::pendingOps(const std::string& kind) {
    return db->queryInt("SELECT count(*) FROM op_log WHERE state='pending' AND kind=?", kind)
        .value_or(0);
}
