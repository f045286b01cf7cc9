#include "fixture.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "pg/pg_storage.h"
#include "pg/pg_tx.h"
#include "rules/timebank.h"

namespace district::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "district-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

core::TimePoint at(const std::string& iso) { return core::parseIso(iso); }

Member member(const std::string& id, const std::string& card, const std::string& phone,
              const std::string& name, const std::string& birth, bool hukou) {
    Member m;
    m.id = id;
    m.card_no = card;
    m.phone = phone;
    m.name = name;
    m.birth_date = birth;
    m.hukou = hukou;
    return m;
}

void execSql(WriteTx& tx, const std::string& sql) {
    if (auto* s = dynamic_cast<SqliteTx*>(&tx)) s->db().exec(sql);
    else static_cast<PgTx&>(tx).conn().exec(sql);
}

std::vector<std::string> queryTexts(Tx& tx, const std::string& sql) {
    std::vector<std::string> out;
    if (auto* s = dynamic_cast<SqliteTx*>(&tx)) {
        auto st = s->db().prepare(sql);
        while (st.step()) out.push_back(st.getText(0));
    } else {
        PgQuery q(static_cast<PgTx&>(tx).conn(), sql);
        while (q.step()) out.push_back(q.getText(0));
    }
    return out;
}

std::unique_ptr<Storage> openTestStorage(const testsupport::TestDatabase& db,
                                         const std::string& sqlitePath) {
    if (!db.url().empty()) return std::make_unique<PgStorage>(db.url(), StorageOptions{kTestMemberKey});
    return std::make_unique<SqliteStorage>(sqlitePath, StorageOptions{kTestMemberKey});
}

void District::SetUp() {
    storage = openTestStorage(database, dir.path + "/district.db");
    pusher = std::make_unique<PushService>(*storage, clock);
    seedDistrict(*storage);
}

void seedDistrict(Storage& storage) {
    storage.write([](WriteTx& tx) {
        tx.putStation({"st-a", "长城长者服务站", "长城", 0});
        tx.putStation({"st-b", "梅河长者服务站", "梅河", 0});
        tx.putCanteen({"ct-a", "长城长者饭堂", "st-a", "福田区"});
        tx.putSlot({"lunch-mon", "ct-a", "2026-11-23", "lunch", {"红烧肉", "番茄炒蛋", "清炒菜心", "紫菜蛋花汤"},
                    1800, 10, "2026-11-23T09:30:00+08:00"});
        for (int d = 0; d < 7; ++d) {
            const std::string date = core::addDays("2026-11-23", d);
            std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
            tx.putSlot({"lunch-" + compact, "ct-a", date, "lunch", {"白切鸡"}, 1800, 50,
                        date + "T09:30:00+08:00"});
            tx.putSlot({"dinner-" + compact, "ct-a", date, "dinner", {"清蒸鲈鱼"}, 1600, 50,
                        date + "T15:00:00+08:00"});
        }
        // One of each kind the meal rules tell apart (ages on 2026-11-24).
        tx.putMember(member("m-age70", "8801000001", "13801000001", "沈炳坤", "1950-03-15", true));  // 76
        Member prio = member("m-prio", "8801000002", "13801000002", "肖雪梅", "1948-08-08", true);  // 78
        prio.categories = {"dibao"};
        prio.care_level = 2;
        prio.address = "福田区华富街道长城花园3栋502室";
        tx.putMember(prio);
        tx.putMember(member("m-reg", "8801000003", "13801000003", "熊玉珍", "1962-05-20", true));  // 64
        Member c100 = member("m-100", "8801000004", "13801000004", "郑百顺", "1925-06-01", true);  // 101
        c100.address = "福田区华富街道长城花园1栋101室";
        c100.living_alone = true;
        tx.putMember(c100);
        tx.putMember(member("m-75nh", "8801000005", "13801000005", "李德福", "1951-04-10", false));  // 75
        Member d65 = member("m-65dibao", "8801000006", "13801000006", "黄桂兰", "1961-02-02", true);  // 65
        d65.categories = {"dibao"};
        tx.putMember(d65);
        tx.putMember(member("m-65", "8801000007", "13801000007", "吴建华", "1961-03-03", true));  // 65
        Member care = member("m-80care", "8801000008", "13801000008", "何秀珍", "1946-01-20", true);  // 80
        care.care_level = 2;  // 中度失能, but no address on file
        tx.putMember(care);
        for (int i = 1; i <= 30; ++i) {
            char id[16], card[16];
            std::snprintf(id, sizeof id, "m-%02d", i);
            std::snprintf(card, sizeof card, "88020000%02d", i);
            tx.putMember(member(id, card, "", "王秀英", "1945-01-01", true));
        }
        tx.putActivity({"act-1", "st-a", "太极拳", "运动健身", "2026-11-25T09:00:00+08:00",
                        "2026-11-25T10:30:00+08:00", "活动室", 3, "杨式太极"});
        tx.putCatalogItem({"ci-escort", "陪同就医", "service", 120});
        tx.putCatalogItem({"ci-rice", "米（5公斤）", "goods", 180});
    });
}

proto::Op District::op(std::int64_t seq, const std::string& uuid, const std::string& kind,
                       const nlohmann::json& payload) const {
    proto::Op o;
    o.seq = seq;
    o.uuid = uuid;
    o.kind = kind;
    o.created_at = core::isoLocal(clock.now());
    o.payload = payload;
    return o;
}

proto::PushResponse District::push(const std::string& station, const std::vector<proto::Op>& ops) {
    return pusher->push(station, ops);
}

proto::OpResult District::apply(const std::string& station, const std::string& kind,
                                const nlohmann::json& payload, const std::string& createdAt) {
    auto& seq = nextSeq[station];
    if (seq == 0) seq = 1;
    proto::Op o = op(seq, "uuid-" + std::to_string(++uuidCounter), kind, payload);
    if (!createdAt.empty()) o.created_at = createdAt;
    auto resp = push(station, {o});
    EXPECT_EQ(resp.results.size(), 1u);
    EXPECT_EQ(resp.last_applied_seq, seq);
    ++seq;
    return resp.results.at(0);
}

std::int64_t District::sql(const std::string& query) {
    std::int64_t v = 0;
    storage->read([&](Tx& tx) {
        if (auto* s = dynamic_cast<SqliteTx*>(&tx)) {
            v = s->db().queryInt(query).value_or(0);
        } else {
            PgQuery q(static_cast<PgTx&>(tx).conn(), query);
            v = q.step() ? q.getInt(0) : 0;
        }
    });
    return v;
}

std::int64_t District::balance(const std::string& memberId) {
    std::int64_t v = 0;
    storage->read([&](Tx& tx) {
        auto a = tx.account(memberId);
        v = a ? a->minutes : 0;
    });
    return v;
}

std::string District::bookingStatus(const std::string& id) {
    std::string s;
    storage->read([&](Tx& tx) {
        auto b = tx.booking(id);
        s = b ? b->status : "";
    });
    return s;
}

}  // namespace district::test
