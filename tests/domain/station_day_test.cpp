// A station's working day at the kiosk (issue 9): ops made while staff act
// carry staff_id; enrolment and card replacement; blocked cards; alerts; the
// care list; opening hours and the canteen's windows from the configuration.
#include <thread>

#include <nlohmann/json.hpp>

#include "config/member_hash.h"
#include "domain/care.h"
#include "domain/checkins.h"
#include "domain/help.h"
#include "domain/hours.h"
#include "domain/meals.h"
#include "domain/records.h"
#include "domain/staff.h"
#include "domain/staff_login.h"
#include "fixture.h"
#include "store/oplog.h"

namespace {

using nlohmann::json;

class StationDay : public DomainTest {
protected:
    json lastPayload(const std::string& kind) {
        auto p = db->queryText("SELECT payload FROM op_log WHERE kind=? ORDER BY seq DESC LIMIT 1", kind);
        return p ? json::parse(*p) : json();
    }
    domain::Enrolment form() {
        domain::Enrolment e;
        e.name = "李桂兰";
        e.phone = "13912345678";
        e.birth_date = "1950-06-01";
        e.card_no = "8809000001";
        e.hukou = true;
        e.categories = {"dibao"};
        e.address = "福田区长城花园3栋";
        return e;
    }
    std::vector<std::string> careIds() {
        std::vector<std::string> ids;
        for (const auto& e : domain::careList(*ctx)) ids.push_back(e.member.id);
        return ids;
    }
    void daysLater(int days) { clock.advanceMs(std::int64_t(days) * 24 * 3600 * 1000); }
};

TEST_F(StationDay, OpsWhileStaffActCarryTheirId) {
    domain::checkIn(*ctx, "m1");
    EXPECT_FALSE(lastPayload("checkin").contains("staff_id")) << "the elder's own";
    ctx->staffId = "s-chen";
    domain::checkIn(*ctx, "m2");
    EXPECT_EQ(lastPayload("checkin")["staff_id"], "s-chen");
    addSlot("s1", "2026-11-24", "lunch", 1800, 10, "2026-11-24T09:30:00+08:00", 5);
    auto m = domain::memberById(*db, "m1");
    ASSERT_EQ(domain::bookMeal(*ctx, *m, "s1", false).outcome, domain::BookOutcome::Booked);
    EXPECT_EQ(lastPayload("meal_book")["staff_id"], "s-chen");
}

TEST_F(StationDay, EnrolledElderIsPendingAndChecksInMeanwhile) {
    ctx->staffId = "s-chen";
    auto r = domain::enrolMember(*ctx, form());
    ASSERT_EQ(r.outcome, domain::EnrolOutcome::Enrolled);
    EXPECT_EQ(r.member->name, "李*兰");
    EXPECT_EQ(r.member->status, "pending");
    // The card works at once.
    auto found = domain::identifyByCard(*db, "8809000001");
    ASSERT_EQ(found.outcome, domain::IdentifyOutcome::Found);
    EXPECT_EQ(found.member->status, "pending");
    EXPECT_EQ(domain::checkIn(*ctx, r.member->id).outcome, domain::CheckinOutcome::CheckedIn);
    // The op carries what the district needs; the kiosk's row no number.
    json p = lastPayload("member_enrol");
    EXPECT_EQ(p["personal"]["card_no"], "8809000001");
    EXPECT_EQ(p["personal"]["phone"], "13912345678");
    EXPECT_EQ(p["categories"], "dibao");
    EXPECT_EQ(p["staff_id"], "s-chen");
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM members WHERE card_hash='8809000001' OR "
                           "phone_hash='13912345678' OR masked_name='李桂兰'"),
              0);
    EXPECT_EQ(db->queryText("SELECT phone_last4 FROM members WHERE id=?", r.member->id), "5678");
    // Once the district answered, the numbers leave the op log.
    auto seq = db->queryInt("SELECT seq FROM op_log WHERE kind='member_enrol'");
    store::OpLog(*db).recordAnswer(*seq, "applied", "", json::object(), ctx->nowIso());
    p = lastPayload("member_enrol");
    EXPECT_FALSE(p.contains("personal"));
    EXPECT_EQ(p["member_id"], r.member->id);
    // No subsidy until the district approves (户籍 and 低保 would get 15 元).
    addSlot("s1", "2026-11-24", "lunch", 1800, 10, "2026-11-24T09:30:00+08:00", 5);
    EXPECT_EQ(domain::priceFor(*ctx, *found.member, *domain::mealSlot(*ctx, "s1")).subsidy_cents, 0);
}

TEST_F(StationDay, EnrolmentFormProblemsChangeNothing) {
    auto e = form();
    e.card_no = "8800000001";  // m1's
    EXPECT_EQ(domain::enrolMember(*ctx, e).outcome, domain::EnrolOutcome::CardInUse);
    e = form();
    e.birth_date = "1980-01-01";
    EXPECT_EQ(domain::enrolMember(*ctx, e).outcome, domain::EnrolOutcome::TooYoung);
    e.birth_date = "1950-02-30";
    EXPECT_EQ(domain::enrolMember(*ctx, e).outcome, domain::EnrolOutcome::BadBirthDate);
    e = form();
    e.phone = "123";
    EXPECT_EQ(domain::enrolMember(*ctx, e).outcome, domain::EnrolOutcome::BadPhone);
    e = form();
    e.name = "李";
    EXPECT_EQ(domain::enrolMember(*ctx, e).outcome, domain::EnrolOutcome::BadName);
    e = form();
    e.categories = {"rich"};
    EXPECT_EQ(domain::enrolMember(*ctx, e).outcome, domain::EnrolOutcome::BadCategory);
    EXPECT_EQ(pendingOps("member_enrol"), 0);
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM members").value_or(0), 3);
}

TEST_F(StationDay, ReplacedCardIsRefusedAndAlertsStaffOnce) {
    ctx->staffId = "s-li";
    ASSERT_EQ(domain::replaceCard(*ctx, "m1", "8809000009"), domain::ReplaceOutcome::Replaced);
    EXPECT_EQ(lastPayload("card_replace")["personal"]["card_no"], "8809000009");
    EXPECT_EQ(domain::identifyByCard(*db, "8809000009").member->id, "m1");
    ctx->staffId.clear();
    auto old = domain::identifyCardAt(*ctx, "8800000001", "welcome");
    EXPECT_EQ(old.outcome, domain::IdentifyOutcome::BlockedCard);
    ASSERT_TRUE(old.member);
    EXPECT_EQ(old.member->id, "m1");
    domain::identifyCardAt(*ctx, "8800000001", "welcome");  // tapped again at once
    auto alerts = domain::openHelpCalls(*ctx);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].kind, "blocked_card");
    EXPECT_EQ(alerts[0].member_id, "m1");
    EXPECT_EQ(lastPayload("alert")["kind"], "blocked_card");
    // Rapid check-in says so too.
    domain::RapidTarget t{domain::RapidKind::Activity, "a1", "太极", "2026-11-23T09:00:00+08:00"};
    addActivity("a1", "太极", "2026-11-23T09:00:00+08:00", 10, 5);
    EXPECT_EQ(domain::rapidCheckIn(*ctx, t, "8800000001").outcome, domain::RapidOutcome::BlockedCard);
    // The old card cannot be given to anyone again; a card in use neither.
    EXPECT_EQ(domain::replaceCard(*ctx, "m2", "8800000001"), domain::ReplaceOutcome::CardBlocked);
    EXPECT_EQ(domain::replaceCard(*ctx, "m2", "8800000003"), domain::ReplaceOutcome::CardInUse);
    EXPECT_EQ(domain::replaceCard(*ctx, "m2", "12"), domain::ReplaceOutcome::BadCard);
    EXPECT_EQ(domain::replaceCard(*ctx, "nobody", "8809000010"), domain::ReplaceOutcome::UnknownMember);
}

TEST_F(StationDay, AlertsShowUntilStaffDealWithThem) {
    const std::string help = domain::callStaff(*ctx, "meals.slots", "m1");
    domain::raiseAlert(*ctx, "urgent", "welcome", "");
    auto open = domain::openHelpCalls(*ctx);
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].kind, "help");
    EXPECT_EQ(lastPayload("help_call")["member_id"], "m1");
    EXPECT_EQ(lastPayload("alert")["kind"], "urgent");
    ctx->staffId = "s-chen";
    domain::markHelpHandled(*ctx, help);
    domain::markHelpHandled(*ctx, help);  // twice: one ack
    EXPECT_EQ(pendingOps("alert_ack"), 1);
    EXPECT_EQ(lastPayload("alert_ack")["alert_id"], help);
    EXPECT_EQ(lastPayload("alert_ack")["staff_id"], "s-chen");
    EXPECT_EQ(domain::openHelpCalls(*ctx).size(), 1u);
}

TEST_F(StationDay, LockedPinPadRaisesAnAlert) {
    domain::StaffLogin login(*db, clock);
    config::StaffPin who{"s-chen", "陈丽华", "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$"
                                               "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="};
    for (int i = 0; i < domain::kWrongPerLock; ++i) {
        ASSERT_TRUE(login.submit(who, "123456"));
        std::optional<domain::PinAnswer> a;
        while (!(a = login.poll())) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    auto open = domain::openHelpCalls(*ctx);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].kind, "pin_failures");
    EXPECT_EQ(lastPayload("alert")["kind"], "pin_failures");
}

TEST_F(StationDay, CareListFillsAndEmpties) {
    addMember("m4", "8800000004", "13800000004", "周淑芬", "1940-02-02", {});
    db->run("UPDATE members SET living_alone=1, home_station_id='st-a' WHERE id='m4'");
    db->run("INSERT INTO care_contacts(member_id, phone, address) VALUES ('m4', '13800000004', '福田区梅林一村')");
    addMember("m5", "8800000005", "13800000005", "吴建国", "1941-03-03", {true, {"tekun"}});
    db->run("UPDATE members SET home_station_id='st-b', last_seen='2026-11-22T10:00:00+08:00' "
            "WHERE id='m5'");
    addMember("m6", "8800000006", "13800000006", "郑丽", "1942-04-04", {});
    db->run("UPDATE members SET categories='[\"dibao_bianyuan\"]', home_station_id='st-a' WHERE id='m6'");
    // m5 belongs to st-b but comes here.
    db->run("INSERT INTO checkins(id, member_id, station_id, day, at) VALUES "
            "('c0', 'm5', 'st-a', '2026-11-22', '2026-11-22T10:00:00+08:00')");

    // m4 never seen: listed with phone and address; m5 seen yesterday: not yet.
    auto list = domain::careList(*ctx);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].member.id, "m4");
    EXPECT_TRUE(list[0].own);
    EXPECT_EQ(list[0].address, "福田区梅林一村");
    EXPECT_EQ(list[0].days_unseen, -1);
    daysLater(4);
    EXPECT_EQ(careIds(), (std::vector<std::string>{"m4", "m5"})) << "own first";
    EXPECT_EQ(domain::careList(*ctx)[1].phone, "") << "another station's elder: no contact";
    EXPECT_EQ(domain::careList(*ctx)[1].days_unseen, 4);

    // Seen here (a check-in) or reached by a visit: off the list.
    domain::checkIn(*ctx, "m5");
    ctx->staffId = "s-chen";
    ASSERT_TRUE(domain::recordVisit(*ctx, "m4", domain::VisitOutcome::NotReached, "电话无人接"));
    list = domain::careList(*ctx);
    ASSERT_EQ(list.size(), 1u) << "not reached stays";
    EXPECT_EQ(list[0].last_attempt_outcome, "not_reached");
    EXPECT_EQ(list[0].last_attempt_note, "电话无人接");
    ASSERT_TRUE(domain::recordVisit(*ctx, "m4", domain::VisitOutcome::Reached, ""));
    EXPECT_TRUE(careIds().empty());
    EXPECT_EQ(lastPayload("care_visit")["outcome"], "reached");
    EXPECT_EQ(lastPayload("care_visit")["staff_id"], "s-chen");
    EXPECT_FALSE(domain::recordVisit(*ctx, "nobody", domain::VisitOutcome::Reached, ""));

    // care_days from the configuration.
    daysLater(2);
    EXPECT_TRUE(careIds().empty());
    auto cfg = std::make_shared<config::StationConfig>(config::builtinDefaults());
    cfg->careDays = 1;
    ctx->config = [cfg] { return cfg; };
    EXPECT_EQ(careIds(), (std::vector<std::string>{"m4", "m5"}));
}

TEST_F(StationDay, ClosedOutsideOpeningHoursWithTheNextOpening) {
    config::StationConfig cfg = config::builtinDefaults();  // 08:00-20:00 daily
    // Never configured by the district (version 0): never closed.
    EXPECT_TRUE(domain::openState(cfg, core::parseIso("2026-11-23T23:00:00+08:00")).open);
    cfg.version = 7;                                       // a pushed document
    cfg.openingHours.byWeekday[0] = std::nullopt;          // closed on Sundays
    EXPECT_TRUE(domain::openState(cfg, core::parseIso("2026-11-23T08:00:00+08:00")).open);
    auto s = domain::openState(cfg, core::parseIso("2026-11-23T20:00:00+08:00"));
    EXPECT_FALSE(s.open);
    EXPECT_EQ(core::isoLocal(*s.nextOpening), "2026-11-24T08:00:00+08:00");
    s = domain::openState(cfg, core::parseIso("2026-11-28T21:00:00+08:00"));  // Saturday night
    EXPECT_EQ(core::isoLocal(*s.nextOpening), "2026-11-30T08:00:00+08:00") << "Sunday is closed";
    s = domain::openState(cfg, core::parseIso("2026-11-24T06:59:00+08:00"));
    EXPECT_EQ(core::isoLocal(*s.nextOpening), "2026-11-24T08:00:00+08:00");
    EXPECT_TRUE(s.staffMode);
    EXPECT_FALSE(s.cardCheckin);
    for (auto& d : cfg.openingHours.byWeekday) d = std::nullopt;
    EXPECT_FALSE(domain::openState(cfg, core::parseIso("2026-11-24T10:00:00+08:00")).nextOpening);
}

TEST_F(StationDay, CanteenWindowsComeFromTheConfiguration) {
    auto cfg = std::make_shared<config::StationConfig>(config::builtinDefaults());
    cfg->canteen.lunch = {*config::parseHhmm("10:00"), *config::parseHhmm("11:30"), *config::parseHhmm("13:00")};
    ctx->config = [cfg] { return cfg; };
    addSlot("s-own", "2026-11-23", "lunch", 1800, 10, "2026-11-23T09:30:00+08:00", 5);
    addSlot("s-none", "2026-11-24", "lunch", 1800, 10, "", 5);
    EXPECT_EQ(domain::mealSlot(*ctx, "s-own")->cutoff, "2026-11-23T09:30:00+08:00") << "the menu's own";
    EXPECT_EQ(domain::mealSlot(*ctx, "s-none")->cutoff, "2026-11-24T10:00:00+08:00");
    EXPECT_EQ(domain::pickupWindow(*cfg, "lunch"), "11:30–13:00");
    const auto targets = domain::todaysTargets(*ctx);
    ASSERT_EQ(targets.size(), 1u);
    EXPECT_EQ(targets[0].starts_at, "2026-11-23T11:30");
}

}  // namespace
