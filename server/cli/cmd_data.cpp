// cmd_data.cpp — reference data: `member import`, `canteen add`, `menu add`
// / `menu import`, `activity add` / `activity import`, `catalog add`.
#include <chrono>
#include <cstdio>

#include "admin/importers.h"
#include "admin/keys.h"
#include "admin/station_day.h"
#include "core/clock.h"
#include "cli/common.h"
#include "rows.h"
#include "pki/token.h"

namespace district::cli {
namespace {

std::vector<std::string> splitBars(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto bar = s.find('|', start);
        out.push_back(s.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos) return out;
        start = bar + 1;
    }
}

void addMemberCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("member", "Members (elders)");
    cmd->require_subcommand(1);
    auto* imp = cmd->add_subcommand("import", "Import members from CSV (all rows or none)");
    auto file = std::make_shared<std::string>();
    imp->add_option("FILE", *file,
                    "CSV with header id,card_no,phone,name,birth_date,hukou,categories,living_alone,"
                    "care_level,address (the last five may be left out; server/README.md \"Members\"); "
                    "- for stdin")
        ->required();
    imp->callback([&ctx, file] {
        const std::string text = readInput(*file);
        auto storage = openData(ctx);
        const int n = importMembers(*storage, text, std::chrono::system_clock::now());
        auditCli(*storage, "import.members", *file, std::to_string(n) + " rows");
        std::printf("imported %d members\n", n);
    });

    auto* pending = cmd->add_subcommand("pending", "List elders enrolled at stations, waiting for approval");
    pending->callback([&ctx] {
        auto storage = openData(ctx);
        std::vector<Member> list;
        storage->read([&](Tx& tx) { list = tx.membersByStatus("pending", 10000); });
        for (const auto& m : list)
            std::printf("%s  %s  born %s  card %s  phone %s  station %s  hukou %s  categories %s  %s\n",
                        m.id.c_str(), m.name.c_str(), m.birth_date.c_str(), m.card_no.c_str(),
                        m.phone.empty() ? "-" : m.phone.c_str(), m.home_station_id.c_str(),
                        m.hukou ? "yes" : "no", m.categories.empty() ? "-" : joinCategories(m.categories).c_str(),
                        m.address.c_str());
        std::printf("%zu pending\n", list.size());
    });
    for (const bool approve : {true, false}) {
        auto* sub = cmd->add_subcommand(approve ? "approve" : "reject",
                                        approve ? "Approve a pending enrolment: the elder becomes a member"
                                                : "Reject a pending enrolment: stations stop knowing the elder");
        auto memberId = std::make_shared<std::string>();
        sub->add_option("ID", *memberId, "Member id (see member pending)")->required();
        sub->callback([&ctx, memberId, approve] {
            auto storage = openData(ctx);
            const Member m = approve ? approveMember(*storage, *memberId) : rejectMember(*storage, *memberId);
            auditCli(*storage, approve ? "member.approve" : "member.reject", m.id,
                     approve ? "enrolment approved" : "enrolment rejected");
            std::printf("member %s %s\n", m.id.c_str(), approve ? "approved" : "rejected");
        });
    }

    auto* qr = cmd->add_subcommand("qr", "Print the text of an elder's signed QR code (show it on their phone)");
    auto id = std::make_shared<std::string>();
    auto issued = std::make_shared<std::string>();
    qr->add_option("ID", *id, "Member id")->required();
    qr->add_option("--issued", *issued, "Issue date YYYY-MM-DD (default: today)");
    qr->callback([&ctx, id, issued] {
        auto storage = openData(ctx);
        if (issued->empty()) *issued = core::dateLocal(std::chrono::system_clock::now());
        std::printf("%s\n", elderQrFor(*storage, ctx.data_dir, *id, *issued).c_str());
    });
}

void addCanteenCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("canteen", "Canteens (长者饭堂)");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add or update a canteen");
    auto c = std::make_shared<Canteen>();
    add->add_option("NAME", c->name, "Canteen name, e.g. 长城长者饭堂")->required();
    add->add_option("--station", c->station_id, "Station the canteen belongs to")->required();
    add->add_option("--id", c->id, "Canteen id (default: ct- and the station id's tail)");
    add->add_option("--address", c->address, "Street address");
    add->callback([&ctx, c] {
        if (c->id.empty()) c->id = "ct-" + (c->station_id.rfind("st-", 0) == 0 ? c->station_id.substr(3) : c->station_id);
        auto storage = openData(ctx);
        addCanteen(*storage, *c);
        std::printf("canteen %s saved\n", c->id.c_str());
    });
}

void addMenuCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("menu", "Meal slots (lunch and dinner menus)");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add or update one meal slot");
    auto s = std::make_shared<MealSlot>();
    auto dishes = std::make_shared<std::string>();
    add->add_option("--canteen", s->canteen_id, "Canteen id")->required();
    add->add_option("--date", s->date, "Date YYYY-MM-DD")->required();
    add->add_option("--slot", s->slot, "lunch or dinner")->required()->check(CLI::IsMember({"lunch", "dinner"}));
    add->add_option("--dishes", *dishes, "Dishes separated by |, e.g. \"红烧肉|番茄炒蛋|清炒菜心|紫菜蛋花汤\"")->required();
    add->add_option("--price", s->price_cents, "Price in cents, e.g. 1800")->required();
    add->add_option("--capacity", s->capacity, "Seats")->required();
    add->add_option("--cutoff", s->cutoff, "Booking cutoff HH:MM on the date (default 09:30 lunch, 15:00 dinner)");
    add->add_option("--id", s->id, "Slot id (default slot-CANTEEN-YYYYMMDD-SLOT)");
    add->callback([&ctx, s, dishes] {
        s->dishes = splitBars(*dishes);
        auto storage = openData(ctx);
        const MealSlot saved = addMealSlot(*storage, *s);
        std::printf("meal slot %s saved (cutoff %s)\n", saved.id.c_str(), saved.cutoff.c_str());
    });
    auto* imp = cmd->add_subcommand("import", "Import meal slots from CSV (all rows or none)");
    auto file = std::make_shared<std::string>();
    imp->add_option("FILE", *file, "CSV with header id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff")->required();
    imp->callback([&ctx, file] {
        const std::string text = readInput(*file);
        auto storage = openData(ctx);
        const int n = importMenu(*storage, text);
        auditCli(*storage, "import.menu", *file, std::to_string(n) + " rows");
        std::printf("imported %d meal slots\n", n);
    });
}

void addActivityCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("activity", "Activities (classes, lectures, events)");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add or update an activity");
    auto a = std::make_shared<Activity>();
    add->add_option("TITLE", a->title, "Title, e.g. 太极拳")->required();
    add->add_option("--starts", a->starts_at, "Start, e.g. \"2026-11-24 09:00\"")->required();
    add->add_option("--ends", a->ends_at, "End, e.g. \"2026-11-24 10:30\"")->required();
    add->add_option("--capacity", a->capacity, "Seats")->required();
    add->add_option("--station", a->station_id, "Station id (default: district-wide)");
    add->add_option("--category", a->category, "Category, e.g. 运动健身");
    add->add_option("--place", a->place, "Where");
    add->add_option("--description", a->description, "What to expect, what to bring");
    add->add_option("--id", a->id, "Activity id (default: act- and a hash)");
    add->callback([&ctx, a] {
        auto storage = openData(ctx);
        const Activity saved = addActivity(*storage, *a);
        std::printf("activity %s saved (%s)\n", saved.id.c_str(), saved.starts_at.c_str());
    });
    auto* imp = cmd->add_subcommand("import", "Import activities from CSV (all rows or none)");
    auto file = std::make_shared<std::string>();
    imp->add_option("FILE", *file, "CSV with header id,station_id,title,category,starts_at,ends_at,place,capacity,description")->required();
    imp->callback([&ctx, file] {
        const std::string text = readInput(*file);
        auto storage = openData(ctx);
        const int n = importActivities(*storage, text);
        auditCli(*storage, "import.activities", *file, std::to_string(n) + " rows");
        std::printf("imported %d activities\n", n);
    });
}

void addCatalogCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("catalog", "The time-bank catalog (services and goods)");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add or update a catalog item");
    auto c = std::make_shared<CatalogItem>();
    add->add_option("NAME", c->name, "Name, e.g. 陪同就医")->required();
    add->add_option("--kind", c->kind, "service or goods")->required()->check(CLI::IsMember({"service", "goods"}));
    add->add_option("--minutes", c->minutes, "Time-bank minutes it is worth")->required();
    add->add_option("--id", c->id, "Item id (default: ci- and a hash of the name)");
    add->callback([&ctx, c] {
        auto storage = openData(ctx);
        // Derived from the name, so adding the same name again updates it.
        if (c->id.empty()) c->id = "ci-" + sha256Hex(c->name).substr(0, 8);
        addCatalogItem(*storage, *c);
        std::printf("catalog item %s saved\n", c->id.c_str());
    });
}

}  // namespace

void addData(CLI::App& app, Context& ctx) {
    addMemberCommands(app, ctx);
    addCanteenCommands(app, ctx);
    addMenuCommands(app, ctx);
    addActivityCommands(app, ctx);
    addCatalogCommands(app, ctx);
}

}  // namespace district::cli
