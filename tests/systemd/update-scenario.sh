#!/usr/bin/env bash
# Runs inside `unshare -m` (tests/systemd/update.test.ts): /etc and /var/lib are overlays whose changes land
# in $T/etc-up and $T/var-up, /opt is $T/opt, so the real system is never touched. Real useradd, install.sh,
# update.sh, backup.js/restore.js, curl and SQLite; only systemctl/journalctl/udevadm are stand-ins.
#   update-scenario.sh T SRC_A SRC_B SRC_C PORT FAKEBIN
set -euo pipefail
T=$1 SRC_A=$2 SRC_B=$3 SRC_C=$4 PORT=$5 FAKEBIN=$6
mkdir -p "$T/etc-up" "$T/etc-work" "$T/var-up" "$T/var-work" "$T/opt" "$T/state"
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$T/etc-up,workdir=$T/etc-work" /etc
mount -t overlay overlay -o "lowerdir=/var/lib,upperdir=$T/var-up,workdir=$T/var-work" /var/lib
mount --bind "$T/opt" /opt
export PATH="$FAKEBIN:$PATH" FAKE_STATE="$T/state"
trap 'systemctl stop xephang.service' EXIT

mkdir -p /etc/xephang
printf 'XEPHANG_PORT=%s\nXEPHANG_DATA_DIR=/var/lib/xephang\n' "$PORT" >/etc/xephang/xephang.env

sql() { setpriv --reuid=xephang --regid=xephang --init-groups sqlite3 /var/lib/xephang/xephang.db "$@"; }

echo "== install A"
"$SRC_A/systemd/install.sh" >"$T/install-a.log" 2>&1
echo "install-a=$?"
sql "INSERT INTO tickets (label) VALUES ('A001'),('A002'),('B001');"

echo "== update to B (fails to start)"
set +e
"$SRC_B/systemd/update.sh" --timeout 5 >"$T/update-b.log" 2>&1
echo "update-b=$?"
set -e
echo "current-after-b=$(readlink /opt/xephang/current)"
echo "tables-after-b=$(sql "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type='table' ORDER BY name);")"
echo "tickets-after-b=$(sql 'SELECT count(*) FROM tickets;')"
echo "healthy-after-b=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health")"

echo "== update to C (good)"
"$SRC_C/systemd/update.sh" --timeout 20 >"$T/update-c.log" 2>&1
echo "update-c=$?"
echo "current-after-c=$(readlink /opt/xephang/current)"
echo "tables-after-c=$(sql "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type='table' ORDER BY name);")"
echo "tickets-after-c=$(sql 'SELECT count(*) FROM tickets;')"
echo "healthy-after-c=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health")"
echo "pre-update-backups=$(find /var/lib/xephang/backups/pre-update -name 'xephang-*.db' | wc -l)"
echo "set-aside=$(find /var/lib/xephang -maxdepth 1 -name 'xephang.db.before-restore-*' ! -name '*-wal' ! -name '*-shm' | wc -l)"
echo "releases=$(find /opt/xephang/releases -mindepth 1 -maxdepth 1 -printf '%f ' | sort)"
