#include "fixture.h"

#include <unistd.h>

void DomainTest::SetUp() {
    static int n = 0;
    dir = std::filesystem::temp_directory_path() /
          ("domain-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    db = store::openKioskDb(dir.string());
    ctx = std::make_unique<domain::Context>(domain::Context{*db, clock, "st-a"});
    db->run("INSERT INTO canteens(id, name, station_id) VALUES ('c1', '长城长者饭堂', 'st-a')");
    addMember("m1", "8800000001", "13800000001", "张三明", "1950-03-02", "age70");
    addMember("m2", "8800000002", "13800000002", "李四", "1962-07-15", "regular");
    addMember("m3", "8800000003", "13800000003", "欧阳小明", "1940-01-09", "priority", true);
}

void DomainTest::TearDown() {
    ctx.reset();
    db.reset();
    std::filesystem::remove_all(dir);
}

void DomainTest::addMember(const std::string& id, const std::string& card, const std::string& phone,
                           const std::string& name, const std::string& birth,
                           const std::string& category, bool delivery) {
    db->run("INSERT INTO members(id, card_no, phone, name, birth_date, category, "
            "delivery_eligible) VALUES (?,?,?,?,?,?,?)",
            id, card, phone, name, birth, category, delivery ? 1 : 0);
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
