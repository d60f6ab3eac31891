#!/bin/sh
# Launcher for xephang-screen@<page>.service: maps a page name to its URL, waits for the server,
# then runs Chromium full screen under cage (a Wayland kiosk compositor).
#   xephang-screen.sh url  PAGE   print the URL
#   xephang-screen.sh wait PAGE   poll <base>/api/health until 200, at most XEPHANG_SCREEN_WAIT_SEC (120) seconds
#   xephang-screen.sh run  PAGE   exec cage -- chromium --kiosk URL
# Pages: kiosk, lobby (= display), counter-<n>, rate-<n>, console.
# Env: XEPHANG_SCREEN_URL (base, default http://127.0.0.1:8080), XEPHANG_SCREEN_WAIT_SEC,
#      XEPHANG_SCREEN_BROWSER (default chromium), XEPHANG_SCREEN_FLAGS (extra Chromium flags).
set -eu

action=${1:-}
page=${2:-}
base=${XEPHANG_SCREEN_URL:-http://127.0.0.1:8080}
base=${base%/}

page_path() {
  case "$1" in
    kiosk) echo /kiosk ;;
    lobby | display) echo /display ;;
    console) echo /console ;;
    counter-[0-9]*) n=${1#counter-}; check_number "$n" && echo "/display/counter/$n" ;;
    rate-[0-9]*) n=${1#rate-}; check_number "$n" && echo "/rate/$n" ;;
    *) return 1 ;;
  esac
}

check_number() {
  case "$1" in
    '' | *[!0-9]*) return 1 ;;
    *) return 0 ;;
  esac
}

health_ok() {
  url="$base/api/health"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O /dev/null -T 3 "$url" 2>/dev/null
  else
    node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(3000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url"
  fi
}

wait_for_server() {
  limit=${XEPHANG_SCREEN_WAIT_SEC:-120}
  start=$(date +%s)
  while :; do
    if health_ok; then return 0; fi
    now=$(date +%s)
    if [ $((now - start)) -ge "$limit" ]; then
      echo "server not healthy at $base/api/health after ${limit}s / máy chủ chưa sẵn sàng" >&2
      return 1
    fi
    sleep 1
  done
}

if [ -z "$page" ] || ! path=$(page_path "$page"); then
  echo "usage: $0 url|wait|run kiosk|lobby|console|counter-<n>|rate-<n>" >&2
  exit 2
fi
url="$base$path"

case "$action" in
  url) echo "$url" ;;
  wait) wait_for_server ;;
  run)
    browser=${XEPHANG_SCREEN_BROWSER:-chromium}
    profile="${HOME:-/tmp}/chromium-$page"
    mkdir -p "$profile"
    # shellcheck disable=SC2086 # XEPHANG_SCREEN_FLAGS is a list of flags
    exec cage -d -s -- "$browser" --kiosk --ozone-platform=wayland \
      --autoplay-policy=no-user-gesture-required --noerrdialogs --disable-infobars --no-first-run \
      --no-default-browser-check --disable-session-crashed-bubble --disable-features=Translate,MediaRouter \
      --disable-pinch --overscroll-history-navigation=0 --password-store=basic --lang=vi \
      --check-for-update-interval=31536000 --user-data-dir="$profile" ${XEPHANG_SCREEN_FLAGS:-} "$url"
    ;;
  *)
    echo "usage: $0 url|wait|run PAGE" >&2
    exit 2
    ;;
esac
