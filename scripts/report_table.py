#!/usr/bin/env python3
"""Opens district reports as a spreadsheet program would show them: each CSV
(UTF-8 with a BOM, from `district-server report`) becomes a table in one HTML
page, screenshotted with headless Chromium.

Usage: report_table.py --out FILE.png [--html FILE.html] CSV [CSV ...]
Chromium runs with --no-sandbox (it refuses to run as root otherwise).
"""
import argparse
import csv
import html
import os
import shutil
import subprocess
import sys
import tempfile

TITLES = {"subsidy": "补贴结算（每位长者一行，站点小计，全区合计）", "meals": "助餐人次与人数（每个饭堂每天）",
          "deliveries": "送餐记录（送达、没送到）"}


def table(path):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        sys.exit(f"{path}: not UTF-8 with a byte-order mark")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    name = os.path.splitext(os.path.basename(path))[0]
    title = next((t for k, t in TITLES.items() if name.startswith(k)), name)
    out = [f"<h2>{html.escape(title)} <small>{html.escape(os.path.basename(path))}</small></h2><table>"]
    out.append("<tr><th></th>" + "".join(f"<th>{chr(65 + i)}</th>" for i in range(len(rows[0]))) + "</tr>")
    for n, r in enumerate(rows, start=1):
        total = len(r) > 1 and r[1] in ("小计", "合计")
        cls = ' class="head"' if n == 1 else (' class="total"' if total else "")
        cells = "".join(f'<td{" class=num" if c.replace(".", "", 1).replace("-", "", 1).isdigit() else ""}>'
                        f"{html.escape(c)}</td>" for c in r)
        out.append(f"<tr{cls}><th>{n}</th>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out), len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--html")
    ap.add_argument("--width", type=int, default=1800)
    ap.add_argument("csv", nargs="+")
    a = ap.parse_args()
    parts, lines = [], 0
    for p in a.csv:
        t, n = table(p)
        parts.append(t)
        lines += n + 3
    page = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;font-size:15px;margin:16px;color:#111}
h2{font-size:18px;margin:18px 0 6px}h2 small{font-weight:normal;color:#555;font-size:13px}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 8px;white-space:nowrap}
th{background:#eef0f3;color:#333;font-weight:normal}tr.head td{background:#dfe8f5;font-weight:bold}
tr.total td{background:#fff6d6;font-weight:bold}td.num{text-align:right;font-variant-numeric:tabular-nums}
</style></head><body>""" + "\n".join(parts) + "</body></html>"
    tmp = tempfile.mkdtemp(prefix="report-table-")
    page_path = a.html or os.path.join(tmp, "report.html")
    open(page_path, "w", encoding="utf-8").write(page)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium is not installed (apt-get install chromium)")
    height = min(8000, 120 + lines * 27)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={tmp}/profile", f"--window-size={a.width},{height}",
                    f"--screenshot={os.path.abspath(a.out)}", "file://" + os.path.abspath(page_path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{a.out}: {len(a.csv)} reports, {lines} lines")


if __name__ == "__main__":
    main()
