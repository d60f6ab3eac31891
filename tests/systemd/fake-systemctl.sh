#!/usr/bin/env bash
# Stands in for systemctl in the update.sh scenario (tests/systemd/update.test.ts): "runs" xephang.service
# as a background process of user xephang with /etc/xephang/xephang.env, like the real unit does.
# Every other unit and verb only gets logged.
state=${FAKE_STATE:?FAKE_STATE must be set}
pidfile=$state/xephang.pid
echo "systemctl $*" >>"$state/systemctl.log"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

stop_service() {
  if running; then
    local pid
    pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 1 50); do running || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

start_service() {
  running && return 0
  (
    set -a
    # shellcheck disable=SC1091
    . /etc/xephang/xephang.env
    set +a
    cd /opt/xephang/current || exit 1
    exec setpriv --reuid=xephang --regid=xephang --init-groups \
      "$(readlink -f "$(command -v node)")" /opt/xephang/current/dist/server/main.js
  ) >>"$state/server.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

args=("$@")
quiet=0
verb=""
units=()
for a in "${args[@]}"; do
  case "$a" in
    --quiet) quiet=1 ;;
    --now) now=1 ;;
    -*) ;;
    *) if [ -z "$verb" ]; then verb=$a; else units+=("$a"); fi ;;
  esac
done
has_server=0
for u in "${units[@]}"; do [ "$u" = xephang.service ] && has_server=1; done

case "$verb" in
  is-active)
    if [ "$has_server" -eq 1 ] && running; then
      [ "$quiet" -eq 1 ] || echo active
      exit 0
    fi
    [ "$quiet" -eq 1 ] || echo inactive
    exit 3
    ;;
  start) if [ "$has_server" -eq 1 ]; then start_service; fi ;;
  stop) if [ "$has_server" -eq 1 ]; then stop_service; fi ;;
  restart) if [ "$has_server" -eq 1 ]; then stop_service; start_service; fi ;;
  try-restart) if [ "$has_server" -eq 1 ] && running; then stop_service; start_service; fi ;;
  enable) if [ "$has_server" -eq 1 ] && [ "${now:-0}" -eq 1 ]; then start_service; fi ;;
  *) ;;
esac
exit 0
