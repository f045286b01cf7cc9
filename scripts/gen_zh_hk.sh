#!/usr/bin/env bash
# gen_zh_hk.sh — makes the 繁體中文 (Hong Kong) string tables from the zh-CN
# ones: OpenCC's s2hk (Traditional characters in Hong Kong's standard forms),
# then a few words Hong Kong says differently (磁碟, 螢幕, 設定, 手機號碼,
# 「」 quotes...). The generated tables are committed: the build does not need
# OpenCC; run this after changing a zh-CN table and review the diff.
#   bash scripts/gen_zh_hk.sh
set -euo pipefail
cd "$(dirname "$0")/../assets/strings"
command -v opencc >/dev/null || { echo "gen_zh_hk: opencc is missing (bash scripts/setup.sh)" >&2; exit 1; }
mkdir -p zh-HK
hk() {  # hk SRC DST
    opencc -c s2hk.json -i "$1" |
    sed -e 's/“/「/g; s/”/」/g' \
        -e 's/磁盤/磁碟/g; s/屏幕/螢幕/g; s/出廠設置/原廠設定/g; s/設置/設定/g' \
        -e 's/軟件/軟件/g; s/數據/資料/g; s/賬户/戶口/g; s/兑/兌/g' \
        -e 's/掃碼口/掃描口/g; s/掃碼/掃描/g' \
        -e 's/手機號碼/手機號碼/g; s/手機號\([^碼]\)/手機號碼\1/g' > "$2"
}
hk zh-CN.json zh-HK.json
for f in zh-CN/*.json; do hk "$f" "zh-HK/$(basename "$f")"; done
python3 - <<'PY'
import glob, json, re
for f in ["zh-CN.json"] + sorted(glob.glob("zh-CN/*.json")):
    a, b = json.load(open(f)), json.load(open(f.replace("zh-CN", "zh-HK")))
    assert list(a) == list(b), f + ": the keys differ"
    for k in a:
        assert re.findall(r"\{\w+\}", a[k]) == re.findall(r"\{\w+\}", b[k]), k + ": placeholders differ"
print("gen_zh_hk: zh-HK tables written, keys and placeholders as in zh-CN")
PY
