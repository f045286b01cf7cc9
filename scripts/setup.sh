#!/usr/bin/env bash
# Installs what the kiosk, the district server and the tests need from
# Debian 12's packages. Idempotent: installs only what is missing. Runs as root,
# or through sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ccache
  libsdl2-dev libimgui-dev libstb-dev libfreetype-dev libfontconfig-dev libgl-dev libegl-dev
  libgl1-mesa-dri fonts-noto-cjk
  libcurl4-openssl-dev libsqlite3-dev sqlite3 libqrencode-dev nlohmann-json3-dev libssl-dev
  libcpp-httplib-dev libcli11-dev uuid-dev libgtest-dev libgmock-dev
  xvfb xauth xdotool imagemagick espeak-ng python3 python3-jsonschema
  clang libclang-rt-14-dev
  libargon2-dev openssl chromium chromium-driver python3-selenium
  postgresql libpq-dev libpqxx-dev systemd dpkg-dev
  opencc
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
