#!/usr/bin/env bash
# config-tool end to end, as an admin would use it: keygen, hash-pin, validate,
# sign, verify, and the refusals (tampered envelope, wrong key, invalid document).
# Usage: tool_roundtrip.sh PATH/TO/config-tool CONFIG_DIR
set -euo pipefail
tool=$1
config_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*"; exit 1; }
# expect STATUS COMMAND...: runs COMMAND, checks its exit status.
expect() {
    local want=$1; shift
    local got=0
    "$@" >"$work/out" 2>&1 || got=$?
    [[ $got == "$want" ]] || { cat "$work/out"; fail "exit $got (wanted $want): $*"; }
}

expect 0 "$tool" keygen --out-dir "$work/keys"
[[ $(stat -c %a "$work/keys/config-signing.key") == 600 ]] || fail "private key is not mode 600"
expect 2 "$tool" keygen --out-dir "$work/keys"  # never overwrites a key
expect 0 "$tool" keygen --out-dir "$work/other"

# hash-pin: argument or stdin; bad PINs refused.
expect 0 "$tool" hash-pin 246813
grep -q '^pbkdf2-sha256\$' "$work/out" || fail "hash-pin printed no hash"
hash=$(echo 135790 | "$tool" hash-pin)
[[ $hash == pbkdf2-sha256\$* ]] || fail "hash-pin from stdin printed '$hash'"
expect 1 "$tool" hash-pin 12a4

expect 0 "$tool" validate "$config_dir/example-station.json"
expect 1 "$tool" validate "$config_dir/defaults.json"  # version 0: never pushed
grep -q '^  version: ' "$work/out" || fail "validate did not name the field"

expect 0 "$tool" sign "$config_dir/example-station.json" --key "$work/keys/config-signing.key" --out "$work/env.json"
expect 0 "$tool" verify "$work/env.json" --pub "$work/keys/config-signing.pub"
expect 0 "$tool" verify "$work/env.json" --pub "$work/keys/config-signing.pub" --station st-changcheng --running-version 6
expect 1 "$tool" verify "$work/env.json" --pub "$work/keys/config-signing.pub" --station st-changcheng --running-version 7
grep -q 'same_version' "$work/out" || fail "verify --station did not give the reason code"
expect 0 "$tool" validate "$work/env.json"  # the document inside the envelope

expect 1 "$tool" verify "$work/env.json" --pub "$work/other/config-signing.pub"
sed 's/"idle_timeout_seconds": 90/"idle_timeout_seconds": 91/' "$work/env.json" >"$work/tampered.json"
cmp -s "$work/env.json" "$work/tampered.json" && fail "the tamper edit changed nothing"
expect 1 "$tool" verify "$work/tampered.json" --pub "$work/keys/config-signing.pub"
grep -q 'changed after signing' "$work/out" || fail "tampering not reported"

# An invalid document is not signed at all.
sed 's/"idle_timeout_seconds": 90/"idle_timeout_seconds": 9/' "$config_dir/example-station.json" >"$work/bad.json"
expect 1 "$tool" sign "$work/bad.json" --key "$work/keys/config-signing.key" --out "$work/bad-env.json"
[[ ! -e $work/bad-env.json ]] || fail "an invalid document was signed"

expect 2 "$tool" validate "$work/missing.json"
expect 2 "$tool" sign "$config_dir/example-station.json" --key "$work/keys/config-signing.pub" --out "$work/x.json"
expect 2 "$tool" frobnicate
echo "config-tool round trip: OK"
