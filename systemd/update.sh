#!/usr/bin/env bash
# Updates Xếp Hàng to a new release, with a backup first and an automatic roll-back.
#
#   sudo ./systemd/update.sh [--timeout 90] [--prefix /opt/xephang]        (run from the NEW release's tree)
#   sudo /opt/xephang/current/systemd/update.sh xephang-0.2.0-linux-x64-node20.tar.gz
#
# 1. backs the database up (verified) into /var/lib/xephang/backups/pre-update/;
# 2. installs the new release beside the old one (install.sh) and points $PREFIX/current at it;
# 3. restarts the server, which migrates the database on start;
# 4. waits up to --timeout seconds for it to report ready (systemd) and healthy (GET /api/health = 200);
# 5. if it does not: stops it, points current back at the previous release, restores the pre-update backup
#    (the failed database is kept beside it as xephang.db.before-restore-*), starts the old release, exits 1.
# Keeps the current and the two previous releases under $PREFIX/releases.
set -euo pipefail

PREFIX=/opt/xephang
TIMEOUT=90
SOURCE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_DIR=/var/lib/xephang
APP_USER=xephang
KEEP_RELEASES=3
WORK=""

say() { printf 'update.sh: %s\n' "$*"; }
die() { printf 'update.sh: %s\n' "$*" >&2; exit 1; }
cleanup() { if [ -n "$WORK" ]; then rm -rf "$WORK"; fi; }
trap cleanup EXIT

while [ $# -gt 0 ]; do
  case "$1" in
    --timeout) TIMEOUT=${2:?}; shift 2 ;;
    --prefix) PREFIX=${2:?}; shift 2 ;;
    -h | --help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *.tar.gz | *.tgz)
      [ -f "$1" ] || die "$1 not found"
      WORK=$(mktemp -d)
      tar -xzf "$1" -C "$WORK"
      SOURCE=$(find "$WORK" -mindepth 1 -maxdepth 1 -type d | head -n 1)
      shift
      ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run with sudo"
[ -L "$PREFIX/current" ] || die "$PREFIX/current missing: this box has no release yet, use install.sh"
[ -x "$SOURCE/systemd/install.sh" ] || die "$SOURCE is not a Xếp Hàng release tree"
PREVIOUS=$(readlink "$PREFIX/current")
NODE=$(readlink -f "$(command -v node)")
port=$(sed -n 's/^XEPHANG_PORT=//p' /etc/xephang/xephang.env | tail -n 1)
HEALTH_URL="http://127.0.0.1:${port:-8080}/api/health"

as_app() { runuser -u "$APP_USER" -- "$@"; }

backup_first() {
  BACKUP=""
  [ -f "$DATA_DIR/xephang.db" ] || { say "no database yet, nothing to back up"; return 0; }
  local dest="$DATA_DIR/backups/pre-update"
  install -d -o "$APP_USER" -g "$APP_USER" -m 0750 "$dest"
  as_app env XEPHANG_BACKUP_KEEP_DAILY=5 XEPHANG_BACKUP_KEEP_MONTHLY=0 \
    "$NODE" "$PREFIX/current/dist/scripts/backup.js" --db "$DATA_DIR/xephang.db" --dest "$dest" ||
    die "backup failed: nothing was changed"
  BACKUP=$(find "$dest" -maxdepth 1 -name 'xephang-*.db' -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)
  say "backup: $BACKUP"
}

healthy_within() {
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    if systemctl is-active --quiet xephang.service &&
      curl -fsS -o /dev/null --max-time 3 "$HEALTH_URL" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  return 1
}

roll_back() {
  say "new release did not become healthy within ${TIMEOUT}s: rolling back to $PREVIOUS"
  journalctl -u xephang.service -n 30 --no-pager >&2 || true
  systemctl stop xephang.service || true
  local old="$PREFIX/$PREVIOUS"
  "$old/systemd/install.sh" --prefix "$PREFIX" --source "$old" --no-start >/dev/null
  if [ -n "$BACKUP" ]; then
    as_app "$NODE" "$old/dist/scripts/restore.js" "$BACKUP" --data-dir "$DATA_DIR" --force
  fi
  systemctl start xephang.service || true
  if healthy_within "$TIMEOUT"; then
    say "rolled back: $PREVIOUS is running again"
  else
    say "rolled back, but $PREVIOUS is not healthy either: journalctl -u xephang -n 100"
  fi
  exit 1
}

prune_releases() {
  local current dir
  current=$(readlink -f "$PREFIX/current")
  find "$PREFIX/releases" -mindepth 1 -maxdepth 1 -type d -printf '%T@ %p\n' | sort -rn | cut -d' ' -f2- |
    tail -n +$((KEEP_RELEASES + 1)) | while read -r dir; do
    [ "$(readlink -f "$dir")" = "$current" ] || rm -rf "$dir"
  done
}

backup_first
say "installing $SOURCE (previous: $PREVIOUS)"
"$SOURCE/systemd/install.sh" --prefix "$PREFIX" --source "$SOURCE" --no-start >/dev/null
if [ "$(readlink "$PREFIX/current")" = "$PREVIOUS" ]; then
  say "this release is already the current one; restarting it"
fi
systemctl restart xephang.service || true
if healthy_within "$TIMEOUT"; then
  prune_releases
  say "updated to $(readlink "$PREFIX/current"); previous release kept for roll-back: $PREVIOUS"
else
  roll_back
fi
