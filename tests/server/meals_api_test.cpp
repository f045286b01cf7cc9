// Meals by Shenzhen's rules over the real API: the district-server binary,
// set up with its own CLI (members and menus imported from CSV files, a
// district configuration pushed with a 调休 Sunday), answers `meal_book` ops
// POSTed over TLS the way a station sends them, with the rule that applied,
// the subsidy, the delivery fee and subsidy and what the elder pays: each tier
// of the city standard, a Saturday lunch, a worked Sunday, a dinner, the daily
// and weekly caps, delivery for the eligible and the refused.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <csignal>
#include <fstream>

#include "config/station_config.h"
#include "core/clock.h"
#include "fixture.h"
#include "server_process.h"

namespace district::test {
namespace {

using nlohmann::json;

// YYYY-MM-DD of Shenzhen's civil day `days` after `date`.
std::string plusDays(const std::string& date, int days) {
    std::tm tm{};
    tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(date.substr(8, 2)) + days;
    tm.tm_hour = 12;
    timegm(&tm);  // normalises
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

class MealsApi : public ::testing::Test {
protected:
    void SetUp() override {
        signal(SIGPIPE, SIG_IGN);
        // A Monday at least a week ahead: every meal of its week is bookable.
        const std::string today = core::isoLocal(std::chrono::system_clock::now()).substr(0, 10);
        monday_ = plusDays(today, 7);
        while (core::weekday(monday_) != 1) monday_ = plusDays(monday_, 1);
        const int year = std::stoi(monday_.substr(0, 4));
        auto born = [&](int age) { return std::to_string(year - age) + "-01-01"; };

        const std::string d = dir_.path;
        cli({"init"});
        cli({"station", "add", "长城长者服务站", "--id", "st-a", "--bundle", d + "/bundle.json"});
        cli({"canteen", "add", "长城长者饭堂", "--station", "st-a", "--id", "ct-a", "--address", "福田区"});
        cli({"canteen", "add", "梅林长者饭堂", "--station", "st-a", "--id", "ct-b", "--address", "福田区"});
        std::ofstream(d + "/members.csv")
            << "id,card_no,phone,name,birth_date,hukou,categories,living_alone,care_level,address\n"
            << "e-100,8870000001,13870000001,张百岁," << born(101) << ",1,,1,0,福田区长城花园1栋101室\n"
            << "e-75,8870000002,13870000002,李七五," << born(75) << ",1,,0,0,福田区长城花园2栋202室\n"
            << "e-75n,8870000003,13870000003,王七五," << born(75) << ",0,,0,0,福田区梅林一村3栋303室\n"
            << "e-65d,8870000004,13870000004,赵低保," << born(65) << ",1,dibao,0,0,\n"
            << "e-65,8870000005,13870000005,钱六五," << born(65) << ",1,,0,0,\n"
            << "e-80c,8870000006,13870000006,孙中度," << born(80) << ",1,,0,2,福田区梅林一村5栋501室\n"
            << "e-80n,8870000007,13870000007,周重度," << born(80) << ",1,,0,3,\n";
        cli({"member", "import", d + "/members.csv"});
        std::ofstream menu(d + "/menu.csv");
        menu << "id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff\n";
        for (int i = 0; i < 7; ++i) {
            const std::string day = plusDays(monday_, i);
            menu << "a-lunch-" << i << ",ct-a," << day << ",lunch,白切鸡|炒菜心,1800,50,\n";
            menu << "b-lunch-" << i << ",ct-b," << day << ",lunch,红烧肉|蒸水蛋,1500,50,\n";
        }
        menu << "a-dinner-0,ct-a," << monday_ << ",dinner,清蒸鲈鱼|冬瓜汤,1600,50,\n";
        menu.close();
        cli({"menu", "import", d + "/menu.csv"});
        // The city standard; that week's Sunday is worked (调休), nothing else is special.
        json doc = config::builtinDefaultsDocument();
        doc.erase("version");
        doc["expires_at"] = std::to_string(year + 2) + "-12-31T23:59:59+08:00";
        doc["calendar"] = {{"holidays", json::array()}, {"working_weekends", {plusDays(monday_, 6)}}};
        std::ofstream(d + "/district.json") << doc.dump();
        cli({"config", "push", d + "/district.json"});

        std::ifstream in(d + "/bundle.json");
        bundle_ = json::parse(in).get<proto::EnrollmentBundle>();
        server_ = std::make_unique<ServerProcess>(d);
    }

    void cli(std::vector<std::string> args) {
        args.insert(args.begin(), {"--data-dir", dir_.path});
        auto [rc, out] = runCli(args);
        ASSERT_EQ(rc, 0) << out;
    }

    // One meal_book over TLS, as the station sends it.
    proto::OpResult book(const std::string& member, const std::string& slot, bool delivery = false,
                         bool fullPriceOk = true) {
        httplib::SSLClient c("127.0.0.1", server_->port());
        c.set_ca_cert_path((dir_.path + "/tls/ca.pem").c_str());
        c.enable_server_certificate_verification(true);
        c.set_bearer_token_auth(bundle_.token.c_str());
        c.set_read_timeout(20);
        ++seq_;
        const json payload = {{"booking_id", "bk-" + std::to_string(seq_)}, {"member_id", member},
                              {"slot_id", slot}, {"delivery", delivery}, {"full_price_ok", fullPriceOk}};
        const proto::Op op{seq_, "api-meal-" + std::to_string(seq_), "meal_book",
                           core::isoLocal(std::chrono::system_clock::now()), payload};
        auto res = c.Post("/api/v1/ops", json(proto::PushRequest{bundle_.station_id, {op}}).dump(),
                          "application/json");
        EXPECT_TRUE(res);
        if (!res) return {};
        EXPECT_EQ(res->status, 200) << res->body;
        const auto resp = json::parse(res->body).get<proto::PushResponse>();
        EXPECT_EQ(resp.results.size(), 1u);
        return resp.results.empty() ? proto::OpResult{} : resp.results[0];
    }

    testsupport::TestDatabase database_;  // the server's database in the "pg." run
    TempDir dir_;
    std::string monday_;
    proto::EnrollmentBundle bundle_;
    std::unique_ptr<ServerProcess> server_;
    std::int64_t seq_ = 0;
};

// One expected answer: rule, subsidy, delivery fee, delivery subsidy, pay.
struct Want {
    std::string rule;
    int subsidy, fee, deliverySubsidy, pay;
    std::string noSubsidy;  // detail.no_subsidy ("" when there is a subsidy)
};

void expectAnswer(const proto::OpResult& r, const Want& w, const std::string& what) {
    ASSERT_EQ(r.status, proto::OpStatus::Applied) << what << ": " << r.reason;
    EXPECT_EQ(r.detail.value("rule", ""), w.rule) << what;
    EXPECT_EQ(r.detail.value("subsidy_cents", -1), w.subsidy) << what;
    EXPECT_EQ(r.detail.value("delivery_fee_cents", -1), w.fee) << what;
    EXPECT_EQ(r.detail.value("delivery_subsidy_cents", -1), w.deliverySubsidy) << what;
    EXPECT_EQ(r.detail.value("pay_cents", -1), w.pay) << what;
    EXPECT_EQ(r.detail.value("no_subsidy", ""), w.noSubsidy) << what;
}

TEST_F(MealsApi, EachTierDaysSlotsCapsAndDeliveryOverTls) {
    // Monday's lunch (1800) for each kind of elder.
    expectAnswer(book("e-100", "a-lunch-0"), {"centenarian", 1500, 0, 0, 300, ""}, "户籍 centenarian");
    expectAnswer(book("e-75", "a-lunch-0"), {"age70", 500, 0, 0, 1300, ""}, "户籍 75");
    expectAnswer(book("e-75n", "a-lunch-0"), {"none", 0, 0, 0, 1800, "no_tier"}, "non-户籍 75");
    expectAnswer(book("e-65d", "a-lunch-0"), {"priority", 1500, 0, 0, 300, ""}, "户籍 65 低保");
    expectAnswer(book("e-65", "a-lunch-0"), {"none", 0, 0, 0, 1800, "no_tier"}, "65 without a category");

    // Days and slots for the 户籍 75-year-old: dinner, Saturday, the worked Sunday.
    expectAnswer(book("e-75", "a-dinner-0"), {"none", 0, 0, 0, 1600, "slot"}, "a dinner");
    expectAnswer(book("e-75", "a-lunch-5"), {"none", 0, 0, 0, 1800, "not_working_day"}, "a Saturday lunch");
    expectAnswer(book("e-75", "a-lunch-6"), {"age70", 500, 0, 0, 1300, ""}, "a 调休 Sunday");

    // Caps: a second lunch the same day at the other canteen (daily); Tuesday to
    // Thursday make five subsidised lunches with Monday and Sunday, so Friday's
    // is the sixth of the week (weekly), and an elder who wants only a
    // subsidised meal is refused there.
    auto second = book("e-75", "b-lunch-0");
    expectAnswer(second, {"none", 0, 0, 0, 1500, "daily_cap"}, "the daily cap");
    EXPECT_EQ(second.detail.value("subsidy_cap", ""), "daily");
    for (int i = 1; i <= 3; ++i)
        expectAnswer(book("e-75", "a-lunch-" + std::to_string(i)), {"age70", 500, 0, 0, 1300, ""},
                     "working day " + std::to_string(i));
    auto refused = book("e-75", "a-lunch-4", false, false);
    EXPECT_EQ(refused.status, proto::OpStatus::Rejected);
    EXPECT_EQ(refused.reason, "subsidy_cap");
    auto sixth = book("e-75", "a-lunch-4");
    expectAnswer(sixth, {"none", 0, 0, 0, 1800, "weekly_cap"}, "the weekly cap");
    EXPECT_EQ(sixth.detail.value("subsidy_cap", ""), "weekly");

    // Delivery: the centenarian and the 80-year-old at 中度失能 with addresses
    // get it (fee 5 元, 2 元 of it subsidised); on a Saturday only the fee.
    expectAnswer(book("e-100", "a-lunch-1", true), {"centenarian", 1500, 500, 200, 1800 - 1500 + 500 - 200, ""},
                 "delivery to a centenarian");
    expectAnswer(book("e-80c", "a-lunch-1", true), {"age70", 500, 500, 200, 1800 - 500 + 500 - 200, ""},
                 "delivery at 中度失能");
    expectAnswer(book("e-80c", "a-lunch-5", true), {"none", 0, 500, 0, 1800 + 500, "not_working_day"},
                 "a Saturday delivery");
    // Refused: 75 without a care need (an address on file), 80 at 重度失能 without an address.
    auto notEligible = book("e-75n", "a-lunch-1", true);
    EXPECT_EQ(notEligible.status, proto::OpStatus::Rejected);
    EXPECT_EQ(notEligible.reason, "not_eligible_delivery");
    auto noAddress = book("e-80n", "a-lunch-1", true);
    EXPECT_EQ(noAddress.status, proto::OpStatus::Rejected);
    EXPECT_EQ(noAddress.reason, "no_address");
    // Without delivery the same elders book.
    expectAnswer(book("e-80n", "a-lunch-1"), {"age70", 500, 0, 0, 1300, ""}, "pickup at 重度失能");
}

}  // namespace
}  // namespace district::test
