#!/usr/bin/env bash
# package_test.sh BUILD_DIR — builds the two Debian packages with cpack, unpacks
# them into a throwaway root (dpkg -x) and checks what a technician gets: the
# files, the declared dependencies, the maintainer scripts, and the systemd
# units (systemd-analyze verify against that root).
set -euo pipefail
build=${1:?build dir}
work=$(mktemp -d /tmp/district-pkg-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
kiosk=$(ls "$work"/out/elder-kiosk_*.deb 2>/dev/null | head -1)
server=$(ls "$work"/out/district-server_*.deb 2>/dev/null | head -1)
[ -f "$kiosk" ] || fail "no elder-kiosk .deb in $(ls "$work/out")"
[ -f "$server" ] || fail "no district-server .deb in $(ls "$work/out")"

root=$work/root
dpkg -x "$kiosk" "$root"
dpkg -x "$server" "$root"
for f in usr/bin/elder-kiosk usr/bin/district-server lib/systemd/system/elder-kiosk.service \
         lib/systemd/system/district-server.service lib/systemd/system/district-server@.service \
         etc/district-server/district-server.conf usr/share/doc/district-server/DEPLOY.md \
         usr/share/doc/elder-kiosk/DEPLOY.md; do
  [ -e "$root/$f" ] || fail "missing /$f"
done
[ -x "$root/usr/bin/elder-kiosk" ] && [ -x "$root/usr/bin/district-server" ] || fail "binaries not executable"
"$root/usr/bin/district-server" --help | grep -q -- "--database" || fail "district-server --help lacks --database"

# Declared dependencies: what a bare Debian station or server must pull in.
kdeps=$(dpkg-deb -f "$kiosk" Depends)
sdeps=$(dpkg-deb -f "$server" Depends)
for d in cage fonts-noto-cjk libsdl2 libcurl libsqlite3 libc6; do
  grep -q "$d" <<<"$kdeps" || fail "elder-kiosk does not depend on $d: $kdeps"
done
for d in libpq5 libsqlite3 libssl3 libargon2 libc6; do
  grep -q "$d" <<<"$sdeps" || fail "district-server does not depend on $d: $sdeps"
done
[ "$(dpkg-deb -f "$server" Package)" = district-server ] || fail "package name"
[ "$(dpkg-deb -f "$kiosk" Package)" = elder-kiosk ] || fail "package name"

# Maintainer scripts: present, executable, valid sh; the config is a conffile.
for deb in "$kiosk" "$server"; do
  ctl=$work/ctl-$(basename "$deb")
  dpkg-deb -e "$deb" "$ctl"
  for s in postinst prerm postrm; do
    [ -x "$ctl/$s" ] || fail "$(basename "$deb"): no executable $s"
    sh -n "$ctl/$s" || fail "$(basename "$deb"): $s is not valid sh"
  done
  grep -q useradd "$ctl/postinst" || fail "$(basename "$deb"): postinst makes no user"
done
grep -qx /etc/district-server/district-server.conf "$work/ctl-$(basename "$server")/conffiles" || fail "conffiles"

# The units: sandboxing and restart policy as DEPLOY.md promises, then
# systemd's own check. cage is a dependency, not on this build machine: a
# stand-in executable lets verify check the rest of the kiosk unit.
unit=$root/lib/systemd/system
for k in "User=district-server" "StateDirectory=district-server" "ProtectSystem=strict" \
         "NoNewPrivileges=yes" "Restart=on-failure"; do
  grep -qx "$k" "$unit/district-server.service" || fail "district-server.service lacks $k"
done
for k in "User=elder-kiosk" "Restart=always" "PAMName=login" "Conflicts=getty@tty1.service"; do
  grep -qx "$k" "$unit/elder-kiosk.service" || fail "elder-kiosk.service lacks $k"
done
grep -q "ExecStart=/usr/bin/cage -d -- /usr/bin/elder-kiosk" "$unit/elder-kiosk.service" \
  || fail "the kiosk does not run under cage (without -s: no VT switching)"
# The machine's own units (sysinit.target, getty@.service …) are what the
# package's units order against: copied in beside them, not over them.
mkdir -p "$root/usr/bin"
[ -e /usr/bin/cage ] && cp /usr/bin/cage "$root/usr/bin/cage" \
  || { printf '#!/bin/sh\n' >"$root/usr/bin/cage"; chmod 755 "$root/usr/bin/cage"; }
cp -an /lib/systemd/system/. "$unit/"
for u in district-server.service district-server@.service elder-kiosk.service; do
  out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --root="$root" --man=no --generators=no \
        "$unit/$u" 2>&1 || true)
  if [ -n "$out" ]; then echo "$out" >&2; fail "systemd-analyze verify $u"; fi
done
echo "package test: $(basename "$kiosk") $(basename "$server") ok"
