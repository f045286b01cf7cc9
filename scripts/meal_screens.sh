#!/usr/bin/env bash
# The screenshots of meals by Shenzhen's rules in docs/screenshots/meals: runs
# the meal rules end-to-end test (the real kiosk under Xvfb against the real
# district server), copies what it drew, and opens the district's reports of
# that day as tables (scripts/report_table.py, headless Chromium).
#   bash scripts/meal_screens.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
ctest --test-dir "$build" -R '^meal_rules_e2e$' --output-on-failure
src="$build/tests/e2e/out/meal-rules"
dst=docs/screenshots/meals
mkdir -p "$dst"
for f in meals-how meals-confirm-rule meals-confirm-rule-portrait meals-confirm-delivery meals-confirm-dinner-portrait \
         meals-confirm-daily-cap-portrait meals-voucher-delivery staff-targets-deliveries staff-deliveries \
         staff-deliveries-marked staff-deliveries-portrait staff-scan-ok staff-scan-other-meal; do
  cp "$src/$f.png" "$dst/$f.png"
done
# The round's A4 page, as Chromium prints it to the screen.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$(mktemp -d)" \
  --window-size=794,1123 --screenshot="$PWD/$dst/deliveries-print.png" "file://$PWD/$src/deliveries-print.html" \
  >/dev/null 2>&1
/usr/bin/python3 scripts/report_table.py --out "$dst/report-subsidy.png" "$src/subsidy.csv"
/usr/bin/python3 scripts/report_table.py --out "$dst/report-deliveries.png" "$src/deliveries.csv"
echo "screenshots in $dst"
