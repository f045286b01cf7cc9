#!/usr/bin/env python3
"""A month of meals, settled twice: by the district server's `report subsidy`,
and here, the way an auditor would with a spreadsheet.

The script builds a district from CSV files it writes (members with 户籍,
categories, care levels and addresses; two canteens' lunches and dinners for a
whole month), pushes a district configuration whose calendar has a holiday on
a weekday and a worked Saturday (调休), starts the real server over TLS, and
books through the real API as two stations would: lunches and dinners,
deliveries (some refused: not eligible, no address), a second lunch at the
other canteen the same day (daily cap), a sixth working day in a week (weekly
cap), elders who would only take a subsidised meal, cancellations, deliveries
marked done or failed. Every booking it sent is written to bookings.csv and
every cancellation and delivery mark to events.csv.

Then it computes, from those CSV files and the configuration alone (no answer
of the server is used), each booking's subsidy and each elder's month, and
compares them with the server's answers and with `report subsidy --month`,
to the cent: every elder's row, every station's 小计 and the district's 合计.

Usage: subsidy_crosscheck.py DISTRICT_SERVER CONFIG_DEFAULTS_JSON [WORK_DIR]
Exit status 0 when everything balances, 1 with the differences otherwise.
"""
import csv
import datetime as dt
import http.client
import json
import os
import random
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal

SZ = dt.timezone(dt.timedelta(hours=8))
STATIONS = [("st-a", "长城长者服务站", "ct-a", "长城长者饭堂"), ("st-b", "梅林长者服务站", "ct-b", "梅林长者饭堂")]
CATEGORIES = ["tekun", "dibao", "dibao_bianyuan", "sanshu_wulao", "jisheng_teshu"]


def run(binary, data_dir, *args):
    out = subprocess.run([binary, "--data-dir", data_dir, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{out.stdout}{out.stderr}")
    return out.stdout


# ---------------------------------------------------------------- the district


def month_after(today):
    first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def write_members(path, month_first, rng):
    """Every kind the rules tell apart, and random others."""
    def birth(age, month=1, day=1):
        return dt.date(month_first.year - age, month, day).isoformat()
    fixed = [  # id, hukou, age, categories, care level, address
        ("e-c100", 1, 101, "", 0, "福田区长城花园1栋101室"),
        ("e-h75", 1, 75, "", 0, ""),
        ("e-n75", 0, 75, "", 0, "福田区梅林一村3栋202室"),
        ("e-d65", 1, 65, "dibao", 0, ""),
        ("e-p65", 1, 65, "", 0, ""),
        ("e-care80", 1, 80, "", 2, "福田区梅林一村5栋501室"),
        ("e-care80-noaddr", 1, 80, "", 3, ""),
        ("e-light80", 1, 80, "", 1, "福田区长城花园2栋202室"),
        ("e-tekun90", 1, 90, "tekun;jisheng_teshu", 2, "福田区长城花园9栋909室"),
    ]
    rows = []
    for i, (mid, hukou, age, cats, care, addr) in enumerate(fixed):
        rows.append([mid, f"8870{i:06d}", f"1387{i:07d}", f"张{'一二三四五六七八九十'[i % 10]}明", birth(age, 6, 15),
                     hukou, cats, 0, care, addr])
    for i in range(40):
        hukou = 1 if rng.random() < 0.56 else 0
        age = rng.choice([62, 66, 69, 70, 71, 75, 79, 84, 88, 93, 99, 100, 103])
        cats = ";".join(sorted(rng.sample(CATEGORIES, rng.choice([0, 0, 0, 1, 2])))) if hukou else ""
        care = rng.choice([0, 0, 0, 1, 2, 3])
        addr = f"福田区华富街道{rng.randint(1, 30)}栋{rng.randint(1, 30)}0{rng.randint(1, 8)}室" if rng.random() < 0.8 else ""
        # Birthdays inside the month too: the age changes on the day.
        bday = month_first + dt.timedelta(days=rng.randint(0, 27))
        rows.append([f"e-{i:03d}", f"8871{i:06d}", "", f"王{i}英", dt.date(month_first.year - age, bday.month, bday.day).isoformat(),
                     hukou, cats, rng.choice([0, 1]), care, addr])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "card_no", "phone", "name", "birth_date", "hukou", "categories", "living_alone",
                    "care_level", "address"])
        w.writerows(rows)


def write_menu(path, first, last, rng):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "canteen_id", "date", "slot", "dishes", "price_cents", "capacity", "cutoff"])
        day = first
        while day <= last:
            for _, _, canteen, _ in STATIONS:
                for slot in ("lunch", "dinner"):
                    price = rng.choice([1200, 1500, 1600, 1800, 2000]) if slot == "lunch" else rng.choice([1500, 1600])
                    w.writerow([f"{canteen}-{day.isoformat()}-{slot}", canteen, day.isoformat(), slot,
                                "红烧肉|番茄炒蛋|清炒菜心|紫菜蛋花汤", price, 200, ""])
            day += dt.timedelta(days=1)


def district_document(defaults_path, first, last):
    doc = json.load(open(defaults_path, encoding="utf-8"))
    doc.pop("version")
    doc["expires_at"] = (last + dt.timedelta(days=400)).isoformat() + "T00:00:00+08:00"
    # A weekday holiday and the Saturday worked for it (调休), in the month.
    weekdays = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    holiday = next(d for d in weekdays if d.weekday() == 2 and d.day > 7)       # the second Wednesday
    # A Saturday of the next week: that week has six working days (the weekly cap).
    worked = next(d for d in weekdays if d.weekday() == 5 and d > holiday + dt.timedelta(days=4))
    doc["calendar"] = {"holidays": [holiday.isoformat()], "working_weekends": [worked.isoformat()]}
    return doc


# ---------------------------------------------------------------- the API


class Station:
    def __init__(self, bundle_path, host, port):
        b = json.load(open(bundle_path, encoding="utf-8"))
        self.id, self.token = b["station_id"], b["token"]
        self.ctx = ssl.create_default_context(cadata=b["ca_pem"])
        self.host, self.port, self.seq = host, port, 0

    def push(self, ops):
        body = []
        for kind, payload in ops:
            self.seq += 1
            body.append({"seq": self.seq, "uuid": str(uuid.uuid4()), "kind": kind,
                         "created_at": dt.datetime.now(SZ).isoformat(timespec="seconds"), "payload": payload})
        conn = http.client.HTTPSConnection(self.host, self.port, context=self.ctx, timeout=60)
        conn.request("POST", "/api/v1/ops", json.dumps({"station_id": self.id, "ops": body}),
                     {"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        resp = conn.getresponse()
        answer = json.loads(resp.read())
        conn.close()
        if resp.status != 200:
            sys.exit(f"push failed: {resp.status} {answer}")
        results = answer["results"]
        assert [r["seq"] for r in results] == [o["seq"] for o in body], answer
        return results


# ---------------------------------------------------------------- the spreadsheet


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def holds(cond, elder, day):
    age = age_on(elder["birth"], day)
    if "hukou" in cond and cond["hukou"] != elder["hukou"]:
        return False
    if "min_age" in cond and age < cond["min_age"]:
        return False
    if "max_age" in cond and age > cond["max_age"]:
        return False
    if elder["care"] < cond.get("min_care_level", 0):
        return False
    if "categories_any" in cond and not set(cond["categories_any"]) & elder["categories"]:
        return False
    return True


def spreadsheet(members_csv, menu_csv, bookings_csv, events_csv, doc):
    """Each booking's money and each elder's month, from the CSV files alone."""
    rules, cal = doc["subsidy"], doc["calendar"]
    members = {}
    for r in csv.DictReader(open(members_csv, encoding="utf-8")):
        members[r["id"]] = {"hukou": r["hukou"] == "1", "birth": dt.date.fromisoformat(r["birth_date"]),
                            "categories": set(filter(None, r["categories"].split(";"))),
                            "care": int(r["care_level"]), "address": r["address"] != ""}
    slots = {r["id"]: r for r in csv.DictReader(open(menu_csv, encoding="utf-8"))}
    canteen_station = {c: s for s, _, c, _ in STATIONS}

    def working(day):
        iso = day.isoformat()
        if iso in cal["working_weekends"]:
            return True
        return iso not in cal["holidays"] and day.weekday() < 5

    # Bookings and cancellations in the order the district applied them.
    events = [dict(r, what="book") for r in csv.DictReader(open(bookings_csv, encoding="utf-8"))]
    events += [dict(r, what=r["kind"]) for r in csv.DictReader(open(events_csv, encoding="utf-8"))]
    events.sort(key=lambda e: int(e["order"]))
    book, expected = {}, {}
    stats = {"daily cap": 0, "weekly cap": 0, "not a working day": 0, "dinner": 0}
    for e in events:
        if e["what"] == "cancel":
            b = book.get(e["booking_id"])
            if b and b["status"] == "booked":
                b["status"] = "cancelled"
            continue
        if e["what"] == "deliver":
            b = book.get(e["booking_id"])
            if b and b["status"] != "cancelled":
                b["delivered"] = e["outcome"] == "delivered"
                b["status"] = "picked_up" if b["delivered"] else "booked"
            continue
        m, s = members[e["member_id"]], slots[e["slot_id"]]
        day = dt.date.fromisoformat(s["date"])
        delivery = e["delivery"] == "1"
        if delivery:
            eligible = any(holds(c, m, day) for c in rules["delivery"]["eligible"])
            if not eligible:
                expected[e["booking_id"]] = ("rejected", "not_eligible_delivery")
                continue
            if not m["address"]:
                expected[e["booking_id"]] = ("rejected", "no_address")
                continue
        tiers = [t for t in rules["tiers"] if holds(t["when"], m, day)]
        tier = max(tiers, key=lambda t: t["amount_cents"]) if tiers else None  # max() keeps the first of equals
        subsidised_day = s["slot"] in rules["slots"] and (not rules["working_days_only"] or working(day))
        monday = day - dt.timedelta(days=day.weekday())

        def used(lo, hi):
            return sum(1 for b in book.values() if b["member"] == e["member_id"] and b["status"] != "cancelled"
                       and b["subsidy"] > 0 and lo <= b["day"] <= hi)
        capped = tier and subsidised_day and (used(day, day) >= rules["daily_cap"] or
                                              used(monday, monday + dt.timedelta(days=6)) >= rules["weekly_cap"])
        price = int(s["price_cents"])
        if tier and not subsidised_day:
            stats["dinner" if s["slot"] not in rules["slots"] else "not a working day"] += 1
        if capped:
            stats["daily cap" if used(day, day) >= rules["daily_cap"] else "weekly cap"] += 1
        if capped and e["full_price_ok"] == "0":
            expected[e["booking_id"]] = ("rejected", "subsidy_cap")
            continue
        subsidy = min(tier["amount_cents"], price) if tier and subsidised_day and not capped else 0
        fee = rules["delivery"]["fee_cents"] if delivery else 0
        dsub = min(rules["delivery"]["subsidy_cents"], fee) if delivery and subsidised_day else 0
        book[e["booking_id"]] = {"member": e["member_id"], "day": day, "station": canteen_station[s["canteen_id"]],
                                 "price": price, "subsidy": subsidy, "fee": fee, "dsub": dsub, "delivery": delivery,
                                 "delivered": False, "status": "booked", "rule": tier["id"] if subsidy else "none"}
        expected[e["booking_id"]] = ("applied", subsidy, price - subsidy + fee - dsub, book[e["booking_id"]]["rule"])

    # The month per (station, elder): meals not cancelled; deliveries delivered.
    sheet = {}
    for b in book.values():
        if b["status"] == "cancelled":
            continue
        row = sheet.setdefault((b["station"], b["member"]), [0] * 11)
        d = b["delivered"]
        add = [1, 1 if b["subsidy"] > 0 else 0, b["price"], b["subsidy"], b["price"] - b["subsidy"],
               1 if d else 0, b["fee"] if d else 0, b["dsub"] if d else 0, b["fee"] - b["dsub"] if d else 0,
               b["subsidy"] + (b["dsub"] if d else 0), b["price"] - b["subsidy"] + (b["fee"] - b["dsub"] if d else 0)]
        sheet[(b["station"], b["member"])] = [x + y for x, y in zip(row, add)]
    return expected, sheet, stats


# ---------------------------------------------------------------- main


def compare_report(raw, sheet):
    """Differences between the report (bytes) and the spreadsheet, in words."""
    problems = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("the report does not start with a UTF-8 byte-order mark")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    header, body = rows[0], rows[1:]
    money = [i for i, h in enumerate(header) if h.endswith("(元)")]
    as_numbers = lambda r: [cents(r[i]) if i in money else int(r[i]) for i in range(6, len(header))]
    station_names = {name: sid for sid, name, _, _ in STATIONS}
    seen = set()
    subtotals, total = {}, None
    for r in body:
        if r[1] == "小计":
            subtotals[station_names[r[0]]] = as_numbers(r)
        elif r[1] == "合计":
            total = as_numbers(r)
        else:
            key = (station_names[r[0]], r[1])
            seen.add(key)
            if key not in sheet:
                problems.append(f"report row {r[:2]} is not in the spreadsheet")
            elif as_numbers(r) != sheet[key]:
                problems.append(f"{r[:2]}: report {as_numbers(r)} != spreadsheet {sheet[key]}")
    for key in sheet.keys() - seen:
        problems.append(f"{key}: in the spreadsheet, not in the report")
    for sid, *_ in STATIONS:
        want = [sum(v[i] for k, v in sheet.items() if k[0] == sid) for i in range(11)]
        if subtotals.get(sid) != want:
            problems.append(f"小计 of {sid}: report {subtotals.get(sid)} != spreadsheet {want}")
    want_total = [sum(v[i] for v in sheet.values()) for i in range(11)]
    if total != want_total:
        problems.append(f"合计: report {total} != spreadsheet {want_total}")
    return problems, want_total


def cents(cell):
    return int(Decimal(cell) * 100)


def main():
    server, defaults = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="subsidy-crosscheck-")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    data = os.path.join(work, "district")
    rng = random.Random(20261)
    first, last = month_after(dt.datetime.now(SZ).date())
    month = first.strftime("%Y-%m")

    run(server, data, "init")
    for sid, name, cid, cname in STATIONS:
        run(server, data, "station", "add", name, "--id", sid, "--bundle", os.path.join(work, sid + ".json"))
        run(server, data, "canteen", "add", cname, "--station", sid, "--id", cid, "--address", "福田区")
    members_csv, menu_csv = os.path.join(work, "members.csv"), os.path.join(work, "menu.csv")
    write_members(members_csv, first, rng)
    write_menu(menu_csv, first, last, rng)
    run(server, data, "member", "import", members_csv)
    run(server, data, "menu", "import", menu_csv)
    doc = district_document(defaults, first, last)
    doc_path = os.path.join(work, "district-config.json")
    json.dump(doc, open(doc_path, "w", encoding="utf-8"), ensure_ascii=False)
    run(server, data, "config", "push", doc_path)

    # Its output goes to a file: a pipe nobody reads would stop the server when full.
    log_path = os.path.join(work, "serve.log")
    with open(log_path, "w") as log:
        proc = subprocess.Popen([server, "--data-dir", data, "serve", "--listen", "127.0.0.1:0",
                                 "--admin-listen", "off"], stdout=log, stderr=subprocess.STDOUT)
    try:
        port = None
        deadline = time.monotonic() + 30
        while not port and time.monotonic() < deadline and proc.poll() is None:
            text = open(log_path, encoding="utf-8", errors="replace").read()
            if "listening on https://" in text:
                port = int(text.split("listening on https://")[1].split("/")[0].split(":")[1].split()[0])
            else:
                time.sleep(0.1)
        if not port:
            sys.exit("the server did not start:\n" + open(log_path, encoding="utf-8", errors="replace").read())
        stations = {sid: Station(os.path.join(work, sid + ".json"), "127.0.0.1", port) for sid, *_ in STATIONS}
        members = [r for r in csv.DictReader(open(members_csv, encoding="utf-8"))]

        # The month's events, in one order: bookings, then a day's cancels and marks.
        order = 0
        bookings, events, plan = [], [], []
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        for day in days:
            for m in members:
                # Most eat lunch on most days; three of the fixed elders every day.
                if rng.random() < 0.55 or m["id"] in ("e-c100", "e-h75", "e-d65"):
                    sid = rng.choice(STATIONS)
                    delivery = rng.random() < 0.25
                    plan.append((sid, m["id"], f"{sid[2]}-{day.isoformat()}-lunch", delivery))
                    if rng.random() < 0.08:  # and a second lunch at the other canteen: the daily cap
                        other = STATIONS[1] if sid == STATIONS[0] else STATIONS[0]
                        plan.append((other, m["id"], f"{other[2]}-{day.isoformat()}-lunch", False))
                if rng.random() < 0.15:
                    sid = rng.choice(STATIONS)
                    plan.append((sid, m["id"], f"{sid[2]}-{day.isoformat()}-dinner", False))
        for order, (sid, member, slot, delivery) in enumerate(plan, start=1):
            bookings.append({"order": order, "station": sid[0], "booking_id": str(uuid.uuid4()), "member_id": member,
                             "slot_id": slot, "delivery": int(delivery),
                             "full_price_ok": 0 if rng.random() < 0.1 else 1})
        # Interleave cancels and marks after their bookings.
        live = []
        for b in bookings:
            live.append(b)
            if rng.random() < 0.06 and live:
                victim = rng.choice(live)
                events.append({"order": victim["order"] + 0.5, "kind": "cancel", "station": victim["station"],
                               "booking_id": victim["booking_id"], "outcome": ""})
        for b in bookings:
            if b["delivery"]:
                events.append({"order": 10 ** 7 + b["order"], "kind": "deliver", "station": b["station"],
                               "booking_id": b["booking_id"],
                               "outcome": "delivered" if rng.random() < 0.85 else "failed"})
        # A total order with whole numbers (a cancel comes right after the booking it follows).
        timeline = sorted([("book", b) for b in bookings] + [("event", e) for e in events],
                          key=lambda x: float(x[1]["order"]))
        for i, (_, row) in enumerate(timeline):
            row["order"] = i + 1

        # Push in that order; a run of one station's ops is one request.
        answers = {}
        batch, batch_station = [], None

        def flush():
            if not batch:
                return
            results = stations[batch_station].push([op for op, _ in batch])
            for (_, key), r in zip(batch, results):
                answers[key] = r
            batch.clear()
        for what, row in timeline:
            if row["station"] != batch_station or len(batch) >= 500:
                flush()
                batch_station = row["station"]
            if what == "book":
                op = ("meal_book", {"booking_id": row["booking_id"], "member_id": row["member_id"],
                                    "slot_id": row["slot_id"], "delivery": bool(row["delivery"]),
                                    "full_price_ok": bool(row["full_price_ok"])})
            elif row["kind"] == "cancel":
                op = ("meal_cancel", {"booking_id": row["booking_id"]})
            else:
                op = ("meal_delivery", {"booking_id": row["booking_id"], "outcome": row["outcome"]})
            batch.append((op, (what, row["order"])))
        flush()
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    bookings_csv, events_csv = os.path.join(work, "bookings.csv"), os.path.join(work, "events.csv")
    with open(bookings_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, ["order", "station", "booking_id", "member_id", "slot_id", "delivery", "full_price_ok"])
        w.writeheader()
        w.writerows(bookings)
    with open(events_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, ["order", "kind", "station", "booking_id", "outcome"])
        w.writeheader()
        w.writerows(events)

    expected, sheet, stats = spreadsheet(members_csv, menu_csv, bookings_csv, events_csv, doc)
    problems = []
    # 1. Every booking answered as the spreadsheet says.
    kinds = {}
    for b in bookings:
        r, want = answers[("book", b["order"])], expected[b["booking_id"]]
        kind = want[1] if want[0] == "rejected" else ("subsidised" if want[1] else "full price")
        kinds[kind] = kinds.get(kind, 0) + 1
        if want[0] == "rejected":
            if r["status"] != "rejected" or r["reason"] != want[1]:
                problems.append(f"booking {b['booking_id']} ({b['member_id']} {b['slot_id']}): expected {want}, got {r}")
        elif r["status"] != "applied" or (r["detail"]["subsidy_cents"], r["detail"]["pay_cents"], r["detail"]["rule"]) != want[1:]:
            problems.append(f"booking {b['booking_id']} ({b['member_id']} {b['slot_id']}): expected {want}, got {r}")
    # 2. The report, row by row, to the cent.
    report = os.path.join(work, "subsidy.csv")
    run(server, data, "report", "subsidy", "--month", month, "--out", report)
    raw = open(report, "rb").read()
    found, want_total = compare_report(raw, sheet)
    problems += found
    # The comparison itself can fail: one cent off in the spreadsheet is seen.
    key = next(iter(sheet))
    sheet[key][3] += 1
    if not compare_report(raw, sheet)[0]:
        problems.append("the comparison did not notice a cent changed in the spreadsheet")
    sheet[key][3] -= 1
    print(f"{month}: {len(bookings)} bookings ({kinds}), {sum(1 for e in events if e['kind'] == 'cancel')} cancels, "
          f"{sum(1 for e in events if e['kind'] == 'deliver')} delivery marks; of the elders in a tier "
          f"{stats}; {len(sheet)} report rows; "
          f"subsidy {Decimal(want_total[9]) / 100} 元 (meals {Decimal(want_total[3]) / 100}, "
          f"deliveries {Decimal(want_total[7]) / 100}), paid {Decimal(want_total[10]) / 100} 元")
    if problems:
        print(f"{len(problems)} differences:")
        for p in problems[:40]:
            print("  " + p)
        sys.exit(1)
    print("the report balances with the spreadsheet to the cent")
    if len(sys.argv) <= 3:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
