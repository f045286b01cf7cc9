// Staff meal pickup by scanning a voucher (or the elder's own code or card),
// and the delivery round: list, done / failed, CSV and the A4 page.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/elder_qr.h"
#include "config/meal_voucher.h"
#include "domain/deliveries.h"
#include "domain/meals.h"
#include "domain/staff.h"
#include "fixture.h"

using namespace domain;

namespace {

class Pickup : public DomainTest {
protected:
    void SetUp() override {
        DomainTest::SetUp();
        clock.set(core::parseIso("2026-11-23T07:00:00+08:00"));
        addSlot("lunch-today", "2026-11-23", "lunch", 1800, 50, "2026-11-23T09:30:00+08:00", 10);
        addSlot("lunch-tomorrow", "2026-11-24", "lunch", 1800, 50, "2026-11-24T09:30:00+08:00", 10);
        addSlot("dinner-today", "2026-11-23", "dinner", 1600, 50, "2026-11-23T15:00:00+08:00", 10);
        target = RapidTarget{RapidKind::MealPickup, "lunch-today", "长城长者饭堂", "2026-11-23T11:00"};
    }
    std::string book(const std::string& member, const std::string& slot, bool delivery = false) {
        auto r = bookMeal(*ctx, *memberById(*db, member), slot, delivery);
        EXPECT_EQ(r.outcome, BookOutcome::Booked) << member << " " << slot;
        return r.booking_id;
    }
    RapidTarget target;
};

TEST_F(Pickup, AVoucherMarksThePickupOnce) {
    const std::string id = book("m1", "lunch-today");
    const std::string voucher = voucherText(*ctx, id);
    ASSERT_EQ(voucher.rfind("MEAL1:" + id + ":m1:20261123:L:", 0), 0u) << voucher;
    clock.set(core::parseIso("2026-11-23T11:05:00+08:00"));
    auto r = scanPickup(*ctx, target, voucher);
    EXPECT_EQ(r.outcome, ScanOutcome::PickedUp);
    EXPECT_EQ(r.masked_name, "张*明");
    EXPECT_EQ(r.count, 1);
    EXPECT_EQ(db->queryText("SELECT status FROM bookings WHERE id=?", id), "picked_up");
    EXPECT_EQ(pendingOps("meal_pickup"), 1);
    EXPECT_EQ(scanPickup(*ctx, target, voucher).outcome, ScanOutcome::AlreadyPickedUp);
    EXPECT_EQ(pendingOps("meal_pickup"), 1) << "a second scan changes nothing";
    // The undo of a mistaken scan reverses it like a card tap's.
    EXPECT_TRUE(undoRapid(*ctx, target, r.rapid()));
    EXPECT_EQ(db->queryText("SELECT status FROM bookings WHERE id=?", id), "booked");
}

TEST_F(Pickup, ClearAnswersForTheWrongVoucher) {
    const std::string mine = book("m1", "lunch-today");
    const std::string tomorrow = book("m2", "lunch-tomorrow");
    const std::string dinner = book("m2", "dinner-today");
    const std::string cancelled = book("m3", "lunch-today");
    ASSERT_EQ(cancelBooking(*ctx, "m3", cancelled), CancelOutcome::Cancelled);
    clock.set(core::parseIso("2026-11-23T11:05:00+08:00"));

    auto other = scanPickup(*ctx, target, voucherText(*ctx, tomorrow));
    EXPECT_EQ(other.outcome, ScanOutcome::OtherMeal);
    EXPECT_EQ(other.date, "2026-11-24");
    EXPECT_EQ(other.slot, "lunch");
    auto dinnerScan = scanPickup(*ctx, target, voucherText(*ctx, dinner));
    EXPECT_EQ(dinnerScan.outcome, ScanOutcome::OtherMeal);
    EXPECT_EQ(dinnerScan.slot, "dinner");
    EXPECT_EQ(scanPickup(*ctx, target, voucherText(*ctx, cancelled)).outcome, ScanOutcome::Cancelled);
    // An elder at the counter with another elder's voucher.
    auto notHers = scanPickup(*ctx, target, voucherText(*ctx, mine), "m2");
    EXPECT_EQ(notHers.outcome, ScanOutcome::OtherElder);
    EXPECT_EQ(notHers.masked_name, "张*明");
    EXPECT_EQ(db->queryText("SELECT status FROM bookings WHERE id=?", mine), "booked");
    // Forged or old: refused; a voucher of a booking not known here yet.
    std::string forged = voucherText(*ctx, mine);
    forged.replace(forged.find(":m1:"), 4, ":m2:");
    EXPECT_EQ(scanPickup(*ctx, target, forged).outcome, ScanOutcome::Forged);
    EXPECT_EQ(scanPickup(*ctx, target, "MEAL:" + mine).outcome, ScanOutcome::Forged);
    const std::string unknown = config::signMealVoucher({"b-elsewhere", "m1", "2026-11-23", "lunch"}, kMemberKey);
    EXPECT_EQ(scanPickup(*ctx, target, unknown).outcome, ScanOutcome::UnknownBooking);
    EXPECT_EQ(scanPickup(*ctx, target, "hello").outcome, ScanOutcome::NotRecognised);
    EXPECT_EQ(pendingOps("meal_pickup"), 0) << "none of these marked anything";
}

TEST_F(Pickup, TheEldersOwnCodeOrCardStillWorks) {
    book("m1", "lunch-today");
    clock.set(core::parseIso("2026-11-23T11:05:00+08:00"));
    const std::string code = config::signElderQr({"m1", "2026-11-01"}, signingKeyPem);
    auto r = scanPickup(*ctx, target, code);
    EXPECT_EQ(r.outcome, ScanOutcome::PickedUp);
    EXPECT_EQ(r.member_id, "m1");
    EXPECT_EQ(scanPickup(*ctx, target, "8800000001").outcome, ScanOutcome::AlreadyPickedUp);
    EXPECT_EQ(scanPickup(*ctx, target, "8800000002").outcome, ScanOutcome::NotBooked);
    EXPECT_EQ(scanPickup(*ctx, target, "8899999999").outcome, ScanOutcome::UnknownElder);
}

TEST_F(Pickup, ADeliveredMealIsNotPickedUpAtTheCounter) {
    const std::string id = book("m3", "lunch-today", true);
    clock.set(core::parseIso("2026-11-23T11:05:00+08:00"));
    EXPECT_EQ(scanPickup(*ctx, target, voucherText(*ctx, id)).outcome, ScanOutcome::Delivery);
}

class Deliveries : public Pickup {};

TEST_F(Deliveries, TheRoundListsMarksAndExports) {
    addMember("c100", "8800000010", "13800000010", "郑百顺", "1925-06-01", {true, {}, 0, true});
    const std::string a = book("m3", "lunch-today", true);
    const std::string b = book("c100", "lunch-today", true);
    book("m1", "lunch-today");  // not a delivery
    // The district's delivery row of one of them (pulled): address and phone.
    db->run("INSERT INTO deliveries(id, slot_id, member_id, masked_name, phone, address, living_alone, status, "
            "pay_cents) VALUES (?, 'lunch-today', 'c100', '郑*顺', '13800000010', '福田区长城花园1栋101室', 1, "
            "'booked', 600)",
            b);
    const auto slots = deliverySlots(*ctx, "2026-11-23");
    ASSERT_EQ(slots.size(), 1u);
    EXPECT_EQ(slots[0].total, 2);
    EXPECT_EQ(slots[0].canteen_name, "长城长者饭堂");
    EXPECT_EQ(slots[0].dishes.size(), 4u);
    auto lines = deliveries(*ctx, "lunch-today");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].booking_id, b) << "addresses first, street by street";
    EXPECT_EQ(lines[0].address, "福田区长城花园1栋101室");
    EXPECT_TRUE(lines[0].living_alone);
    EXPECT_EQ(lines[1].booking_id, a);
    EXPECT_EQ(lines[1].address, "") << "booked here, not synced: the address is still to come";
    EXPECT_EQ(lines[1].masked_name, "欧**明");

    EXPECT_EQ(markDelivery(*ctx, b, true), MarkOutcome::Marked);
    EXPECT_EQ(markDelivery(*ctx, b, true), MarkOutcome::Unchanged);
    EXPECT_EQ(markDelivery(*ctx, a, false), MarkOutcome::Marked);
    EXPECT_EQ(markDelivery(*ctx, "nope", true), MarkOutcome::NotFound);
    EXPECT_EQ(pendingOps("meal_delivery"), 2);
    EXPECT_EQ(db->queryText("SELECT status || '/' || delivery_status FROM bookings WHERE id=?", b),
              "picked_up/delivered");
    EXPECT_EQ(db->queryText("SELECT status || '/' || delivery_status FROM bookings WHERE id=?", a), "booked/failed");
    auto marked = deliverySlots(*ctx, "2026-11-23");
    EXPECT_EQ(marked[0].delivered, 1);
    EXPECT_EQ(marked[0].failed, 1);

    const auto paths = exportDeliveries(*ctx, "lunch-today", (dir / "exports").string(), "长城长者服务站");
    ASSERT_EQ(paths.size(), 2u);
    std::stringstream csv, page;
    csv << std::ifstream(paths[0]).rdbuf();
    page << std::ifstream(paths[1]).rdbuf();
    EXPECT_EQ(csv.str().rfind("\xEF\xBB\xBF日期,餐次,饭堂,序号,长者,电话,地址", 0), 0u) << "UTF-8 with a BOM";
    EXPECT_NE(csv.str().find("郑*顺,13800000010,福田区长城花园1栋101室,是"), std::string::npos) << csv.str();
    EXPECT_NE(csv.str().find("已送达"), std::string::npos);
    EXPECT_NE(csv.str().find("未送达"), std::string::npos);
    EXPECT_EQ(csv.str().find("郑百顺"), std::string::npos) << "names stay masked";
    EXPECT_NE(page.str().find("size:A4"), std::string::npos);
    EXPECT_NE(page.str().find("送餐单 · 长城长者服务站"), std::string::npos);
    EXPECT_EQ(std::filesystem::status(paths[0]).permissions() & std::filesystem::perms::others_read,
              std::filesystem::perms::none);
}

TEST_F(Deliveries, ACancelledDeliveryLeavesTheList) {
    const std::string a = book("m3", "lunch-today", true);
    ASSERT_EQ(cancelBooking(*ctx, "m3", a), CancelOutcome::Cancelled);
    EXPECT_TRUE(deliveries(*ctx, "lunch-today").empty());
    EXPECT_EQ(markDelivery(*ctx, a, true), MarkOutcome::Cancelled);
}

}  // namespace
