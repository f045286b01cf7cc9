#!/usr/bin/env bash
# store_failure.sh KIOSK CHECK OUTDIR
# A database the kiosk cannot use (not a database; written by a newer build)
# stops it with a clear message and a non-zero exit, before any window opens
# (no display here), and the file is left exactly as it was.
set -euo pipefail
kiosk=$1 check=$2 out=$3
rm -rf "$out"
mkdir -p "$out/corrupt" "$out/newer"

expect_refusal() {
  local dir=$1 words=$2 before after rc=0
  before=$(sha256sum "$dir/kiosk.db")
  env -u DISPLAY -u WAYLAND_DISPLAY "$kiosk" --data-dir "$dir" 2>"$dir/stderr" || rc=$?
  after=$(sha256sum "$dir/kiosk.db")
  cat "$dir/stderr"
  [ "$rc" -ne 0 ] || { echo "store_failure: the kiosk accepted $dir/kiosk.db" >&2; exit 1; }
  grep -q "$words" "$dir/stderr" || { echo "store_failure: message lacks '$words'" >&2; exit 1; }
  grep -q "not changed" "$dir/stderr" || { echo "store_failure: message does not say the file is unchanged" >&2; exit 1; }
  [ "$before" = "$after" ] || { echo "store_failure: $dir/kiosk.db was changed" >&2; exit 1; }
}

printf 'this is not a database, it is a note left by a technician\n%.0s' {1..64} > "$out/corrupt/kiosk.db"
expect_refusal "$out/corrupt" "not a database"

"$check" newer-db "$out/newer/kiosk.db"
expect_refusal "$out/newer" "newer version"
echo "store_failure: both files refused and left unchanged"
