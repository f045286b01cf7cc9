#!/usr/bin/python3
"""The admin console end to end, in a real headless Chromium (Debian's
chromium + chromium-driver, driven by python3-selenium) against the real
district-server over TLS on 127.0.0.1, with a real kiosk as the station.

An admin logs in, pushes a configuration (checked and diffed first), the
station's next sync applies it (the kiosk under Xvfb shows the pushed
announcement, and the console then shows the station running that version),
approves a pending time-bank service, and downloads a report. Three other
demo stations push real ops over the sync API first (check-ins, meal
bookings, help calls, statuses), so the pages and charts have something to
show. With --shots DIR every page is saved there as a screenshot, 1600 px wide
(docs/screenshots/console is made this way).

  console_e2e.py --server BIN --kiosk BIN --out DIR [--shots DIR]
"""
import argparse
import base64
import datetime
import glob
import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SHENZHEN = datetime.timezone(datetime.timedelta(hours=8))
ADMIN, PASSWORD = "e2e.admin", "e2e-admin-password-1"
ANNOUNCEMENT = "本周五上午九点健康讲座，欢迎参加"
# Demo stations (server/README.md) that push ops over the API; 长城 is the kiosk's.
OTHERS = [("st-meilinyicun", "梅林一村长者服务站", 2), ("st-meihe", "梅河长者服务站", 3),
          ("st-shiling", "狮岭长者服务站", 4)]
MEMBERS = 260  # 20 a station


def fail(msg):
    print("console e2e: FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


T0 = time.monotonic()


def step(msg):
    print("console e2e: [%5.1f s] %s" % (time.monotonic() - T0, msg), flush=True)


class District:
    def __init__(self, binary, work):
        self.bin, self.work = binary, work
        self.data = os.path.join(work, "district")
        self.proc = None

    def cli(self, *args, stdin=None):
        r = subprocess.run([self.bin, "--data-dir", self.data, *args], input=stdin, capture_output=True,
                           text=True, timeout=120)
        if r.returncode != 0:
            fail("district-server %s: %s%s" % (" ".join(args), r.stdout, r.stderr))
        return r.stdout

    def serve(self):
        self.out = open(os.path.join(self.work, "serve.out"), "w")
        self.err_path = os.path.join(self.work, "serve.log")
        self.err = open(self.err_path, "w")
        self.proc = subprocess.Popen([self.bin, "--data-dir", self.data, "serve", "--listen", "127.0.0.1:0",
                                      "--admin-listen", "127.0.0.1:0"], stdout=self.out, stderr=self.err)
        for _ in range(400):
            text = open(os.path.join(self.work, "serve.out")).read()
            log = open(self.err_path).read()
            api, con = re.search(r"listening on (https://[\d.:]+)", text), re.search(r"console on (https://[\d.:]+)", log)
            if api and con:
                self.api_url, self.console_url = api.group(1), con.group(1)
                return
            if self.proc.poll() is not None:
                fail("district-server serve exited:\n" + log)
            time.sleep(0.05)
        fail("district-server serve did not start:\n" + open(self.err_path).read())

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Station:
    """A station talking the sync protocol (sync/PROTOCOL.md) with its token."""

    def __init__(self, district, sid, name):
        path = os.path.join(district.work, "bundle-%s.json" % sid)
        district.cli("station", "add", name, "--id", sid, "--bundle", path, "--url", district.api_url)
        self.bundle = json.load(open(path))
        self.sid, self.seq = sid, 0
        host, port = district.api_url[len("https://"):].rsplit(":", 1)
        ctx = ssl.create_default_context(cadata=self.bundle["ca_pem"])
        self.conn = http.client.HTTPSConnection(host, int(port), context=ctx, timeout=20)

    def call(self, method, path, body=None):
        self.conn.request(method, "/api/v1" + path, body=json.dumps(body) if body is not None else None,
                          headers={"Authorization": "Bearer " + self.bundle["token"],
                                   "Content-Type": "application/json"})
        r = self.conn.getresponse()
        data = r.read()
        if r.status != 200:
            fail("%s %s: %d %s" % (method, path, r.status, data[:300]))
        return json.loads(data)

    def push(self, ops):
        out = []
        for kind, payload, at in ops:
            self.seq += 1
            out.append({"seq": self.seq, "uuid": str(uuid.uuid4()), "kind": kind, "created_at": at,
                        "payload": payload})
        res = self.call("POST", "/ops", {"station_id": self.sid, "ops": out})
        return [r["status"] for r in res["results"]]


def iso(dt):
    return dt.replace(microsecond=0).isoformat()


def station_traffic(district, today):
    """Three stations check elders in over the last week, book meals, sign up for
    activities, call for help and report their status."""
    now = datetime.datetime.now(SHENZHEN)
    per = MEMBERS // 13
    for k, (sid, name, number) in enumerate(OTHERS):
        st = Station(district, sid, name)
        st.call("GET", "/changes?limit=1")  # a pull first: the quotas of its upcoming slots
        first = (number - 1) * per
        ops = []
        for d in range(6, -1, -1):
            day = now - datetime.timedelta(days=d)
            for j in range(1, 4 + (d * 3 + k * 5) % per):
                at = iso(day.replace(hour=8, minute=30) + datetime.timedelta(minutes=j))
                if day.date() == now.date() and at > iso(now):
                    at = iso(now)
                ops.append(("checkin", {"member_id": "m-%06d" % (first + j), "at": at}, at))
        slug = sid[3:]
        for day_offset, slot in ((0, "dinner"), (1, "lunch"), (1, "dinner"), (2, "lunch")):
            date = (now + datetime.timedelta(days=day_offset)).strftime("%Y%m%d")
            for j in range(1, 5 + k * 2):
                ops.append(("meal_book", {"booking_id": str(uuid.uuid4()), "member_id": "m-%06d" % (first + j),
                                          "slot_id": "slot-ct-%s-%s-%s" % (slug, date, slot), "delivery": False},
                            iso(now)))
        for n in (3, 4, 5):  # upcoming activities of the station (demo ids act-SLUG-NN)
            for j in range(1, 3 + n + k):
                ops.append(("activity_signup", {"signup_id": str(uuid.uuid4()), "member_id": "m-%06d" % (first + j),
                                                "activity_id": "act-%s-%02d" % (slug, n), "waitlist": True}, iso(now)))
        if k != 1:
            ops.append(("help_call", {"at": iso(now), "screen": "meals"}, iso(now)))
        statuses = st.push(ops)
        if statuses.count("applied") < len(ops) // 2:
            fail("%s: only %d of %d ops applied" % (sid, statuses.count("applied"), len(ops)))
        st.call("POST", "/status", {"app_version": "0.1.0", "config_version": 0, "oplog_depth": 0,
                                    "last_sync": iso(now), "free_disk_bytes": (600 if k == 2 else 40000) * 1024 * 1024,
                                    "config_rejection": None, "help_calls": 0 if k == 1 else 1})


def spki_pin(cert_path):
    pub = subprocess.run(["openssl", "x509", "-in", cert_path, "-pubkey", "-noout"], capture_output=True, check=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=pub, capture_output=True, check=True).stdout
    digest = subprocess.run(["openssl", "dgst", "-sha256", "-binary"], input=der, capture_output=True, check=True).stdout
    return base64.b64encode(digest).decode()


def browser(work, downloads, pin):
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN",
              "--window-size=1600,1000", "--user-data-dir=" + os.path.join(work, "chromium-profile"),
              # Trust exactly the district server's key (the demo CA is not in the system store).
              "--ignore-certificate-errors-spki-list=" + pin]:
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                           "download.prompt_for_download": False,
                                           "intl.accept_languages": "zh-CN,zh"})
    # The page's language and date fields follow the environment's locale.
    env = dict(os.environ, LANG="zh_CN.UTF-8", LANGUAGE="zh_CN:zh")
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver", log_output=os.path.join(work, "chromedriver.log"),
                                         env=env), options=opts)
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    d.set_page_load_timeout(20)
    return d


class Shots:
    def __init__(self, driver, out):
        self.d, self.out = driver, out
        if out:
            os.makedirs(out, exist_ok=True)

    def take(self, name):
        """The page 1600 px wide, at most 2400 px of it (Chromium's own capture)."""
        if not self.out:
            return  # a capture costs about a second; only asked for with --shots
        h = min(max(self.d.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"], 900), 2400)
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1600, "height": int(h), "deviceScaleFactor": 1, "mobile": False})
        png = self.d.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 1600, "height": int(h), "scale": 1}})
        self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        path = os.path.join(self.out, name + ".png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(png["data"]))
        if shutil.which("convert"):  # 256 colours: a third of the bytes, text as sharp
            subprocess.run(["convert", path, "-colors", "256", "PNG8:" + path], check=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--shots", help="save a screenshot of every page here (docs/screenshots/console)")
    a = ap.parse_args()
    t0 = time.monotonic()
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    work = a.out
    shots_dir = a.shots
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    if not shutil.which("xvfb-run"):
        fail("xvfb-run not found (scripts/setup.sh installs xvfb)")
    today = datetime.datetime.now(SHENZHEN).strftime("%Y-%m-%d")

    district = District(a.server, work)
    driver = None
    try:
        district.cli("demo", "--members", str(MEMBERS), "--today", today)
        district.cli("admin", "add", ADMIN, "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
        district.serve()
        kiosk_data = os.path.join(work, "kiosk")
        cc = os.path.join(work, "bundle-st-changcheng.json")
        district.cli("station", "add", "长城长者服务站", "--id", "st-changcheng", "--bundle", cc, "--url", district.api_url)
        for args in (["--enroll", cc], ["--sync-once"]):
            r = subprocess.run([a.kiosk, "--data-dir", kiosk_data, *args], capture_output=True, text=True, timeout=60)
            if r.returncode != 0:
                fail("kiosk %s: %s" % (args, r.stderr))
        station_traffic(district, today)
        step("district up, stations synced (%.1f s)" % (time.monotonic() - t0))

        step("starting Chromium")
        driver = browser(work, downloads, spki_pin(os.path.join(district.data, "tls", "server.pem")))
        wait = WebDriverWait(driver, 15)
        shots = Shots(driver, shots_dir)
        base = district.console_url

        # Log in.
        driver.get(base + "/stations")
        wait.until(EC.url_contains("/login"))
        shots.take("login")
        driver.find_element(By.ID, "name").send_keys(ADMIN)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "login").click()
        wait.until(EC.url_contains("/stations"))
        if ADMIN not in driver.find_element(By.ID, "who").text:
            fail("not logged in")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.stations tbody tr")
        if len(rows) != 13:
            fail("stations page lists %d stations, not 13" % len(rows))
        if "求助" not in rows[0].text:
            fail("the first station is not one with an open help call: " + rows[0].text)
        shots.take("stations")
        driver.get(base + "/stations/st-shiling")
        shots.take("station")
        step("logged in, stations listed problems first")

        # Push a configuration: check, diff, push.
        driver.get(base + "/config")
        expires = (datetime.datetime.now(SHENZHEN) + datetime.timedelta(days=60)).replace(microsecond=0).isoformat()
        doc = {"expires_at": expires, "idle_timeout_seconds": 90, "announcement": ANNOUNCEMENT,
               "flows": {"checkin": True, "meals": True, "activities": True, "timebank": True, "help": True}}
        area = driver.find_element(By.ID, "document")
        driver.execute_script("arguments[0].value = arguments[1]", area, json.dumps(doc, ensure_ascii=False, indent=2))
        driver.find_element(By.ID, "check").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.diff")))
        if ANNOUNCEMENT not in driver.find_element(By.CSS_SELECTOR, "table.diff").text:
            fail("the diff does not show the new announcement")
        shots.take("config-check")
        driver.find_element(By.ID, "push").click()
        wait.until(EC.alert_is_present()).accept()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
        m = re.search(r"已推送配置版本 (\d+)", driver.find_element(By.CSS_SELECTOR, ".notice.ok").text)
        if not m:
            fail("no pushed version shown: " + driver.page_source[:500])
        version = int(m.group(1))
        step("pushed configuration version %d" % version)

        # The station's next sync applies it: the kiosk shows the announcement.
        step("the kiosk syncs")
        script = os.path.join(work, "apply.script")
        with open(script, "w") as f:
            f.write("wait_for welcome.start 10000\nsync_now\nwait_text %s\nscreenshot %s\nquit\n"
                    % (ANNOUNCEMENT, os.path.join(work, "kiosk-after-push.png")))
        r = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", a.kiosk, "--data-dir", kiosk_data,
                            "--script", script], capture_output=True, text=True, timeout=90)
        if r.returncode != 0:
            fail("the kiosk did not show the pushed announcement: %s %s" % (r.stdout[-800:], r.stderr[-800:]))
        running = sqlite3.connect(os.path.join(kiosk_data, "kiosk.db")).execute(
            "SELECT version FROM config WHERE id='current'").fetchone()
        if not running or running[0] != version:
            fail("the kiosk runs config %s, not %d" % (running, version))
        subprocess.run([a.kiosk, "--data-dir", kiosk_data, "--sync-once"], capture_output=True, timeout=60, check=True)
        driver.get(base + "/config?target=st-changcheng")
        row = [t for t in driver.find_elements(By.CSS_SELECTOR, "table.config-status tbody tr") if "长城" in t.text]
        if not row or not re.search(r"\b%d\s+%d\b" % (version, version), row[0].text) or "已是最新" not in row[0].text:
            fail("the console does not show 长城 running version %d: %s" % (version, row[0].text if row else "-"))
        shots.take("config")
        step("the station applied version %d and the console shows it" % version)

        # Approve a pending service.
        driver.get(base + "/timebank")
        shots.take("timebank")
        first = driver.find_element(By.CSS_SELECTOR, "table.pending tbody tr")
        service = first.find_elements(By.TAG_NAME, "td")[0].text
        first.find_element(By.CSS_SELECTOR, "button.approve").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
        if service not in driver.find_element(By.CSS_SELECTOR, ".notice.ok").text:
            fail("no approval message for " + service)
        if service in district.cli("timebank", "pending"):
            fail(service + " is still pending")
        step("approved " + service)

        # Reports: charts, and a download.
        driver.get(base + "/reports")
        charts = driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")
        if len(charts) != 4 or not driver.find_elements(By.CSS_SELECTOR, "figure.chart rect.bar"):
            fail("the report charts are missing")
        shots.take("reports")
        driver.find_element(By.CSS_SELECTOR, "#kind option[value=meals]").click()
        driver.find_element(By.ID, "download").click()
        deadline = time.monotonic() + 15
        files = []
        while time.monotonic() < deadline:
            files = [f for f in glob.glob(os.path.join(downloads, "meals-*.csv"))]
            if files:
                break
            time.sleep(0.1)
        if not files:
            fail("no report downloaded into " + downloads)
        csv = open(files[0], encoding="utf-8-sig").read().splitlines()
        if csv[0] != "日期,站点,饭堂,人次,人,午餐人次,晚餐人次,已取餐,送达,取消,补贴(元),自付(元)" or \
                not any(",梅河长者饭堂," in line for line in csv[1:]):
            fail("the downloaded meals report is not the bookings: %s" % csv[:5])
        step("downloaded %s (%d rows)" % (os.path.basename(files[0]), len(csv) - 1))

        # The other pages, for the screenshots (and that they open).
        for path, name in (("/menus?station=st-meihe", "menus"), ("/activities?station=st-meihe", "activities"),
                           ("/members?q=m-000001", "members"),
                           ("/alerts", "alerts")):
            driver.get(base + path)
            if driver.find_elements(By.CSS_SELECTOR, ".notice.error"):
                fail(path + " shows an error")
            shots.take(name)
        driver.get(base + "/members")
        bad = os.path.join(work, "members.csv")
        with open(bad, "w") as f:
            f.write("id,card_no,phone,name,birth_date,category,delivery_eligible\n"
                    "m-900001,9900000001,13900000001,林秀英,1946-04-02,age70,0\n"
                    "m-900002,99000,13900000002,陈志强,1952-11-30,regular,0\n"
                    "m-900003,9900000003,1390000000,黄丽华,1949-07-15,age70,1\n")
        driver.find_element(By.ID, "file").send_keys(bad)
        driver.find_element(By.ID, "preview").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.problems")))
        if "第 3 行" not in driver.page_source or "第 4 行" not in driver.page_source:
            fail("the import preview does not name lines 3 and 4")
        shots.take("members-import")
        driver.get(base + "/audit")
        text = driver.find_element(By.CSS_SELECTOR, "table.audit").text
        for action in ("config.push", "timebank.approve", "report.download", "login"):
            if action not in text:
                fail("the audit log has no " + action)
        shots.take("audit")
        step("all pages shown%s" % ("; screenshots in " + shots_dir if shots_dir else ""))
    finally:
        if driver:
            driver.quit()
        district.stop()


if __name__ == "__main__":
    main()
