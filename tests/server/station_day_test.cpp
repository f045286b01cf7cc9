// A station's working day at the district (issue 9): staff acting for an
// elder (staff_id in reports), enrolments pending until approved, lost cards
// blocked everywhere, the care list and its visits, alerts of every kind.
#include "admin/importers.h"
#include "admin/reports.h"
#include "admin/station_day.h"
#include "config/member_hash.h"
#include "errors.h"
#include "fixture.h"

namespace district::test {
namespace {

using nlohmann::json;
using proto::OpStatus;

class StationDay : public District {
protected:
    json enrol(const std::string& id, const std::string& card, const std::string& name = "李桂兰",
               const std::string& birth = "1950-06-01") {
        return {{"member_id", id},
                {"hukou", true},
                {"categories", "dibao"},
                {"staff_id", "s-chen"},
                {"personal",
                 {{"name", name}, {"phone", "13912345678"}, {"birth_date", birth}, {"card_no", card},
                  {"address", "福田区长城花园3栋"}}}};
    }
    std::string text(const std::string& query) {
        std::vector<std::string> rows;
        storage->read([&](Tx& tx) { rows = queryTexts(tx, query); });
        return rows.empty() ? std::string() : rows.front();
    }
    std::vector<std::string> careIds(int days) {
        std::vector<std::string> ids;
        for (const auto& r : careList(*storage, days, clock.now(), 1000)) ids.push_back(r.member.id);
        return ids;
    }
    void putMember(Member m) {
        storage->write([&](WriteTx& tx) { tx.putMember(m); });
    }
};

TEST_F(StationDay, StaffIdOfAnOpIsStoredAndReported) {
    auto r = apply("st-a", "meal_book",
                   {{"booking_id", "b1"}, {"member_id", "m-age70"}, {"slot_id", "lunch-20261124"}, {"staff_id", "s-chen"}});
    ASSERT_EQ(r.status, OpStatus::Applied) << r.reason;
    apply("st-a", "checkin", {{"member_id", "m-reg"}});  // the elder's own: no staff
    EXPECT_EQ(text("SELECT staff_id FROM ops WHERE kind='meal_book'"), "s-chen");
    const std::string csv = reportCsv(*storage, "staff", "2026-11-23", "2026-11-23");
    EXPECT_EQ(csv, "\xEF\xBB\xBF" "station_id,staff_id,day,kind,ops\nst-a,s-chen,2026-11-23,meal_book,1\n");
}

TEST_F(StationDay, BadStaffIdRejectsTheOpAlone) {
    auto r = apply("st-a", "checkin", {{"member_id", "m-reg"}, {"staff_id", "陈 丽华"}});
    EXPECT_EQ(r.status, OpStatus::Rejected);
    EXPECT_EQ(r.reason, "invalid_payload");
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 0);
    EXPECT_EQ(apply("st-a", "checkin", {{"member_id", "m-reg"}}).status, OpStatus::Applied);
}

TEST_F(StationDay, EnrolmentIsPendingThenApproved) {
    auto r = apply("st-a", "member_enrol", enrol("m-new", "8809000001"));
    ASSERT_EQ(r.status, OpStatus::Applied) << r.reason << r.detail.dump();
    EXPECT_EQ(text("SELECT status FROM members WHERE id='m-new'"), "pending");
    EXPECT_EQ(text("SELECT home_station_id FROM members WHERE id='m-new'"), "st-a");
    EXPECT_EQ(text("SELECT address FROM members WHERE id='m-new'"), "福田区长城花园3栋");
    // The change a station pulls says pending and carries no number.
    const json data = json::parse(text("SELECT data FROM changes WHERE entity='member' AND key='m-new'"));
    EXPECT_EQ(data["status"], "pending");
    EXPECT_EQ(data["card_hash"], config::cardHash(kTestMemberKey, "8809000001"));
    EXPECT_EQ(data.dump().find("8809000001"), std::string::npos);
    EXPECT_EQ(data.dump().find("13912345678"), std::string::npos);

    // Meanwhile the elder checks in, and books at full price (no subsidy yet).
    EXPECT_EQ(apply("st-a", "checkin", {{"member_id", "m-new"}}).status, OpStatus::Applied);
    auto book = apply("st-a", "meal_book", {{"booking_id", "b-new"}, {"member_id", "m-new"}, {"slot_id", "lunch-20261124"}});
    ASSERT_EQ(book.status, OpStatus::Applied);
    EXPECT_EQ(book.detail["subsidy_cents"], 0);

    std::vector<Member> pending;
    storage->read([&](Tx& tx) { pending = tx.membersByStatus("pending", 10); });
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].name, "李桂兰");
    approveMember(*storage, "m-new");
    EXPECT_EQ(text("SELECT status FROM members WHERE id='m-new'"), "active");
    EXPECT_THROW(approveMember(*storage, "m-new"), AdminError) << "not pending any more";
    EXPECT_THROW(rejectMember(*storage, "nobody"), AdminError);
    // 低保 prices as priority once approved.
    book = apply("st-a", "meal_book", {{"booking_id", "b-new2"}, {"member_id", "m-new"}, {"slot_id", "lunch-20261125"}});
    EXPECT_EQ(book.detail["subsidy_cents"], 1500);
}

TEST_F(StationDay, EnrolmentRejectedLeavesTheElderUnknownToStations) {
    ASSERT_EQ(apply("st-a", "member_enrol", enrol("m-new", "8809000001")).status, OpStatus::Applied);
    rejectMember(*storage, "m-new");
    EXPECT_EQ(json::parse(text("SELECT data FROM changes WHERE entity='member' AND key='m-new'"))["status"],
              "rejected");
    EXPECT_EQ(apply("st-a", "card_replace", {{"member_id", "m-new"}, {"personal", {{"card_no", "8809000002"}}}}).reason,
              "unknown_member");
}

TEST_F(StationDay, EnrolmentWithACardInUseOrBadDataIsRejected) {
    EXPECT_EQ(apply("st-a", "member_enrol", enrol("m-x", "8801000001")).reason, "card_in_use");
    EXPECT_EQ(apply("st-a", "member_enrol", enrol("m-y", "12")).reason, "invalid_payload");
    EXPECT_EQ(apply("st-a", "member_enrol", enrol("m-z", "8809000003", "")).reason, "invalid_payload");
    json young = enrol("m-w", "8809000004");
    young["personal"]["birth_date"] = "1990-01-01";
    EXPECT_EQ(apply("st-a", "member_enrol", young).reason, "too_young");
    json noPersonal = enrol("m-v", "8809000005");
    noPersonal.erase("personal");
    EXPECT_EQ(apply("st-a", "member_enrol", noPersonal).reason, "invalid_payload");
    EXPECT_EQ(sql("SELECT count(*) FROM members WHERE status='pending'"), 0);
}

TEST_F(StationDay, ReplacedCardIsBlockedEverywhere) {
    auto r = apply("st-a", "card_replace",
                   {{"member_id", "m-age70"}, {"staff_id", "s-chen"}, {"personal", {{"card_no", "8809000009"}}}});
    ASSERT_EQ(r.status, OpStatus::Applied) << r.reason;
    std::optional<std::string> owner;
    storage->read([&](Tx& tx) { owner = tx.memberIdByCard("8809000009"); });
    EXPECT_EQ(owner, "m-age70");
    // Every station pulls the old card's hash as blocked (scope ''), no number.
    const std::string oldHash = config::cardHash(kTestMemberKey, "8801000001");
    EXPECT_EQ(text("SELECT scope FROM changes WHERE entity='blocked_card' AND key='" + oldHash + "'"), "");
    const json data = json::parse(text("SELECT data FROM changes WHERE entity='blocked_card'"));
    EXPECT_EQ(data["member_id"], "m-age70");
    EXPECT_EQ(data.dump().find("8801000001"), std::string::npos);
    // The old card cannot come back: not for another elder, not as a new card.
    EXPECT_EQ(apply("st-b", "member_enrol", enrol("m-new", "8801000001")).reason, "card_blocked");
    EXPECT_EQ(apply("st-b", "card_replace", {{"member_id", "m-reg"}, {"personal", {{"card_no", "8801000001"}}}}).reason,
              "card_blocked");
    EXPECT_EQ(apply("st-b", "card_replace", {{"member_id", "m-reg"}, {"personal", {{"card_no", "8809000009"}}}}).reason,
              "card_in_use");
    EXPECT_THROW(importMembers(*storage,
                               "id,card_no,phone,name,birth_date\n"
                               "m-imp,8801000001,,张三,1950-01-01\n",
                               clock.now()),
                 AdminError);
}

TEST_F(StationDay, CareListFillsAndEmpties) {
    // The fixture's elders (issue 8's: a centenarian, 低保 ...) are on the rule
    // too; seen "later", they stay off this test's list.
    storage->write([&](WriteTx& tx) { execSql(tx, "UPDATE members SET last_seen = '2099-01-01T00:00:00+08:00'"); });
    Member alone = member("m-alone", "8809100001", "13900000001", "周淑芬", "1940-02-02", true);
    alone.living_alone = true;
    alone.address = "福田区梅林一村";
    alone.home_station_id = "st-a";
    putMember(alone);
    Member level = member("m-level", "8809100002", "", "吴建国", "1941-03-03", true);
    level.care_level = 2;
    putMember(level);
    Member bianyuan = member("m-by", "8809100003", "", "郑丽", "1942-04-04", true);
    bianyuan.categories = {"dibao_bianyuan", "sanshu_wulao"};  // not on the rule
    putMember(bianyuan);

    // Never seen: both on the list, the station's own first.
    EXPECT_EQ(careIds(3), (std::vector<std::string>{"m-alone", "m-level"}));
    // The home station pulls the phone and address; no other station does.
    EXPECT_EQ(text("SELECT scope FROM changes WHERE entity='care_contact' AND key='m-alone'"), "st-a");
    EXPECT_EQ(json::parse(text("SELECT data FROM changes WHERE entity='care_contact' AND key='m-alone'"))["address"],
              "福田区梅林一村");
    EXPECT_EQ(sql("SELECT count(*) FROM changes WHERE entity='care_contact' AND key='m-level'"), 0)
        << "no home station: only the district's report lists the elder";

    // Seen: off the list, and every station learns when (last_seen).
    ASSERT_EQ(apply("st-b", "checkin", {{"member_id", "m-alone"}}).status, OpStatus::Applied);
    EXPECT_EQ(careIds(3), (std::vector<std::string>{"m-level"}));
    EXPECT_EQ(json::parse(text("SELECT data FROM changes WHERE entity='member' AND key='m-alone'"))["last_seen"],
              "2026-11-23T08:00:00+08:00");
    // A visit that does not reach the elder keeps them listed; one that does, not.
    ASSERT_EQ(apply("st-a", "care_visit", {{"visit_id", "v1"}, {"member_id", "m-level"}, {"outcome", "not_reached"},
                                           {"note", "电话无人接"}, {"staff_id", "s-li"}})
                  .status,
              OpStatus::Applied);
    auto rows = careList(*storage, 3, clock.now(), 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].last_attempt_outcome, "not_reached");
    EXPECT_EQ(rows[0].last_attempt_note, "电话无人接");
    ASSERT_EQ(apply("st-a", "care_visit", {{"visit_id", "v2"}, {"member_id", "m-level"}, {"outcome", "reached"},
                                           {"note", ""}})
                  .status,
              OpStatus::Applied);
    EXPECT_TRUE(careIds(3).empty());
    EXPECT_EQ(text("SELECT staff_id FROM care_visits WHERE id='v1'"), "s-li");

    // Four days later both are back.
    clock.advanceMs(4LL * 24 * 3600 * 1000);
    EXPECT_EQ(careIds(3), (std::vector<std::string>{"m-alone", "m-level"}));
    const std::string csv = careReportCsv(*storage, 3, clock.now());
    EXPECT_NE(csv.find("m-alone,周淑芬,13900000001,福田区梅林一村,st-a,长城长者服务站,1,0,,2026-11-23T08:00:00+08:00,,4,"),
              std::string::npos)
        << csv;
    EXPECT_THROW(careReportCsv(*storage, 0, clock.now()), AdminError);

    // Off the rule: the home station drops the contact (a deleted change).
    alone.living_alone = false;
    putMember(alone);
    EXPECT_EQ(sql("SELECT deleted FROM changes WHERE entity='care_contact' AND key='m-alone'"), 1);
}

TEST_F(StationDay, CareVisitNeedsAnOutcome) {
    EXPECT_EQ(apply("st-a", "care_visit", {{"visit_id", "v1"}, {"member_id", "m-reg"}, {"outcome", "maybe"}}).reason,
              "invalid_payload");
    EXPECT_EQ(apply("st-a", "care_visit", {{"visit_id", "v2"}, {"member_id", "nobody"}, {"outcome", "reached"}}).reason,
              "unknown_member");
}

TEST_F(StationDay, AlertsOfEveryKindReachTheDistrictAndCloseOnce) {
    ASSERT_EQ(apply("st-a", "help_call", {{"screen", "meals.slots"}, {"member_id", "m-age70"}}).status,
              OpStatus::Applied);
    ASSERT_EQ(apply("st-a", "alert", {{"kind", "urgent"}, {"screen", "welcome"}}).status, OpStatus::Applied);
    ASSERT_EQ(apply("st-b", "alert", {{"kind", "blocked_card"}, {"screen", "identify"}, {"member_id", "m-prio"}}).status,
              OpStatus::Applied);
    ASSERT_EQ(apply("st-b", "alert", {{"kind", "pin_failures"}, {"screen", "staff"}, {"detail", "5 wrong PINs"}}).status,
              OpStatus::Applied);
    EXPECT_EQ(apply("st-a", "alert", {{"kind", "fire"}}).reason, "invalid_payload");

    std::vector<HelpCallRow> open;
    storage->read([&](Tx& tx) { open = tx.helpCalls(true, 100); });
    ASSERT_EQ(open.size(), 4u);
    std::map<std::string, HelpCallRow> byKind;
    for (const auto& a : open) byKind[a.kind] = a;
    EXPECT_EQ(byKind["help"].screen, "meals.slots");
    EXPECT_EQ(byKind["help"].member_id, "m-age70");
    EXPECT_EQ(byKind["blocked_card"].member_id, "m-prio");
    EXPECT_EQ(byKind["pin_failures"].detail, "5 wrong PINs");

    // The admin closes one; closing it again is refused.
    ackAlert(*storage, byKind["urgent"].id, "cli:test", clock.now());
    EXPECT_THROW(ackAlert(*storage, byKind["urgent"].id, "cli:test", clock.now()), AdminError);
    EXPECT_THROW(ackAlert(*storage, "no-such-alert", "cli:test", clock.now()), AdminError);
    // Staff at the station close theirs; another station cannot.
    EXPECT_EQ(apply("st-b", "alert_ack", {{"alert_id", byKind["help"].id}}).reason, "not_owner");
    auto ack = apply("st-a", "alert_ack", {{"alert_id", byKind["help"].id}, {"staff_id", "s-chen"}});
    ASSERT_EQ(ack.status, OpStatus::Applied);
    EXPECT_EQ(text("SELECT acked_by FROM help_call_acks WHERE help_call_id='" + byKind["help"].id + "'"),
              "station:st-a/s-chen");
    EXPECT_EQ(apply("st-a", "alert_ack", {{"alert_id", byKind["help"].id}}).detail["already"], true);
    EXPECT_EQ(apply("st-a", "alert_ack", {{"alert_id", "nope"}}).reason, "unknown_alert");
    storage->read([&](Tx& tx) { open = tx.helpCalls(true, 100); });
    EXPECT_EQ(open.size(), 2u);
}

TEST_F(StationDay, MenuWithoutCutoffTakesTheStationsConfiguration) {
    MealSlot s;
    s.canteen_id = "ct-a";
    s.date = "2026-11-30";
    s.slot = "dinner";
    s.dishes = {"白切鸡"};
    s.price_cents = 1500;
    s.capacity = 20;
    EXPECT_EQ(addMealSlot(*storage, s).cutoff, "2026-11-30T15:00:00+08:00") << "config/defaults.json";
    s.cutoff = "14:00";
    EXPECT_EQ(addMealSlot(*storage, s).cutoff, "2026-11-30T14:00:00+08:00") << "the menu's own wins";
}

TEST_F(StationDay, MemberImportTakesTheCareFields) {
    importMembers(*storage,
                  "id,card_no,phone,name,birth_date,living_alone,care_level,categories,address,station_id,hukou\n"
                  "m-i1,8809200001,13900000009,何伟,1944-05-05,1,1,tekun;dibao,福田区香蜜湖,st-b,1\n",
                  clock.now());
    std::optional<Member> m;
    storage->read([&](Tx& tx) { m = tx.member("m-i1"); });
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->living_alone);
    EXPECT_TRUE(m->hukou);
    EXPECT_EQ(m->care_level, 1);
    EXPECT_EQ(m->categories, (std::vector<std::string>{"dibao", "tekun"}));
    EXPECT_EQ(m->home_station_id, "st-b");
    EXPECT_THROW(importMembers(*storage,
                               "id,card_no,phone,name,birth_date,categories\n"
                               "m-i2,8809200002,,何伟,1944-05-05,poor\n",
                               clock.now()),
                 AdminError);
}

}  // namespace
}  // namespace district::test
