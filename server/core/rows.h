// rows.h — the columns of a member and a booking row, and reading them, as
// both storage backends (sqlite/, pg/) store them: the same column lists, the
// categories as codes joined by ';', flags as 0/1 integers. `Row` is
// store::Statement or PgQuery (getText/getInt by column).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "model.h"

namespace district {

inline constexpr const char* kMemberColumns =
    "id, card_no, phone, name, birth_date, hukou, categories, care_level, living_alone, address, "
    "status, home_station_id, last_seen, last_visit";
inline constexpr int kMemberColumnCount = 14;
inline constexpr const char* kBookingColumns =
    "id, member_id, slot_id, station_id, status, subsidy_cents, pay_cents, delivery, date, "
    "created_at, rule, delivery_fee_cents, delivery_subsidy_cents, delivery_status, delivery_at";
inline constexpr int kBookingColumnCount = 15;

// "a, b" -> "x.a, x.b" (for joins).
inline std::string prefixedColumns(const char* columns, const char* alias) {
    std::string out, col;
    for (const char* p = columns;; ++p) {
        if (*p == ',' || *p == '\0') {
            while (!col.empty() && col.front() == ' ') col.erase(0, 1);
            out += (out.empty() ? "" : ", ") + std::string(alias) + "." + col;
            col.clear();
            if (!*p) break;
        } else {
            col += *p;
        }
    }
    return out;
}

// Category codes as stored: sorted, each once, joined by ';'.
inline std::string joinCategories(const std::vector<std::string>& codes) {
    std::vector<std::string> sorted = codes;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::string out;
    for (const auto& c : sorted) out += (out.empty() ? "" : ";") + c;
    return out;
}

inline std::vector<std::string> splitCategories(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// The columns of kMemberColumns from column `i` on.
template <typename Row>
Member memberRow(Row& s, int i = 0) {
    Member m;
    m.id = s.getText(i);
    m.card_no = s.getText(i + 1);
    m.phone = s.getText(i + 2);
    m.name = s.getText(i + 3);
    m.birth_date = s.getText(i + 4);
    m.hukou = s.getInt(i + 5) != 0;
    m.categories = splitCategories(s.getText(i + 6));
    m.care_level = static_cast<int>(s.getInt(i + 7));
    m.living_alone = s.getInt(i + 8) != 0;
    m.address = s.getText(i + 9);
    m.status = s.getText(i + 10);
    m.home_station_id = s.getText(i + 11);
    m.last_seen = s.getText(i + 12);
    m.last_visit = s.getText(i + 13);
    return m;
}

// The columns of kBookingColumns from column `i` on.
template <typename Row>
Booking bookingRow(Row& s, int i = 0) {
    Booking b;
    b.id = s.getText(i);
    b.member_id = s.getText(i + 1);
    b.slot_id = s.getText(i + 2);
    b.station_id = s.getText(i + 3);
    b.status = s.getText(i + 4);
    b.subsidy_cents = s.getInt(i + 5);
    b.pay_cents = s.getInt(i + 6);
    b.delivery = s.getInt(i + 7) != 0;
    b.date = s.getText(i + 8);
    b.created_at = s.getText(i + 9);
    b.rule = s.getText(i + 10);
    b.delivery_fee_cents = s.getInt(i + 11);
    b.delivery_subsidy_cents = s.getInt(i + 12);
    b.delivery_status = s.getText(i + 13);
    b.delivery_at = s.getText(i + 14);
    return b;
}

// The SELECT of bookingReport (Tx::bookingReport), the same in both backends:
// booking, member, slot, price, canteen, the canteen's station.
inline const std::string& bookingReportSql() {
    static const std::string sql =
        "SELECT " + prefixedColumns(kBookingColumns, "b") + ", " + prefixedColumns(kMemberColumns, "m") +
        ", s.slot, s.price_cents, c.id, c.name, coalesce(st.id, c.station_id), coalesce(st.name, '') "
        "FROM bookings b JOIN meal_slots s ON s.id = b.slot_id JOIN canteens c ON c.id = s.canteen_id "
        "LEFT JOIN stations st ON st.id = c.station_id JOIN members m ON m.id = b.member_id "
        "WHERE b.date BETWEEN ? AND ? "
        "ORDER BY c.station_id, b.member_id, b.date, CASE s.slot WHEN 'lunch' THEN 0 ELSE 1 END, b.id";
    return sql;
}

template <typename Row>
BookingReportRow bookingReportRow(Row& s) {
    BookingReportRow r;
    r.booking = bookingRow(s, 0);
    r.member = memberRow(s, kBookingColumnCount);
    const int i = kBookingColumnCount + kMemberColumnCount;
    r.slot = s.getText(i);
    r.price_cents = s.getInt(i + 1);
    r.canteen_id = s.getText(i + 2);
    r.canteen_name = s.getText(i + 3);
    r.station_id = s.getText(i + 4);
    r.station_name = s.getText(i + 5);
    return r;
}

}  // namespace district
