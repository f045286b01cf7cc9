#include "admin/reports.h"

#include "admin/csv.h"
#include "admin/importers.h"
#include "errors.h"

namespace district {

std::string reportCsv(Storage& storage, const std::string& kind, const std::string& from,
                      const std::string& to) {
    if (!validDate(from) || !validDate(to)) throw AdminError("--from and --to are dates YYYY-MM-DD");
    if (from > to) throw AdminError("--from is after --to");
    std::string out;
    auto n = [](std::int64_t v) { return std::to_string(v); };
    storage.read([&](Tx& tx) {
        if (kind == "checkins") {
            out = csvLine({"station_id", "station_name", "day", "checkins"});
            for (const auto& r : tx.checkinReport(from, to))
                out += csvLine({r.station_id, r.station_name, r.day, n(r.checkins)});
        } else if (kind == "meals") {
            out = csvLine({"date", "canteen_id", "slot", "booked", "picked_up", "cancelled",
                           "subsidy_cents", "pay_cents"});
            for (const auto& r : tx.mealReport(from, to))
                out += csvLine({r.date, r.canteen_id, r.slot, n(r.booked), n(r.picked_up),
                                n(r.cancelled), n(r.subsidy_cents), n(r.pay_cents)});
        } else if (kind == "timebank") {
            out = csvLine({"day", "kind", "transfers", "minutes"});
            for (const auto& r : tx.timebankReport(from, to))
                out += csvLine({r.day, r.kind, n(r.transfers), n(r.minutes)});
        } else if (kind == "staff") {
            out = csvLine({"station_id", "staff_id", "day", "kind", "ops"});
            for (const auto& r : tx.staffReport(from, to))
                out += csvLine({r.station_id, r.staff_id, r.day, r.kind, n(r.ops)});
        } else {
            throw AdminError("unknown report '" + kind + "': checkins, meals, timebank or staff");
        }
    });
    return out;
}

}  // namespace district
