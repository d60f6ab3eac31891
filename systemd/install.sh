#!/usr/bin/env bash
# Installs (or updates, or removes) Xếp Hàng on a Debian/Ubuntu mini-PC. Idempotent: run it again at will.
#
#   sudo systemd/install.sh [--prefix /opt/xephang] [--source DIR] [--screen PAGE[:ttyN]]... [--no-start]
#   sudo systemd/install.sh --uninstall [--purge]
#
# --source   a built tree: the repository after `npm ci && npm run build`, or an unpacked release bundle
#            (scripts/release-bundle.sh). Default: the tree this script is in.
# --screen   also run a full-screen browser on this box: kiosk, lobby, counter-<n>, rate-<n>, console;
#            ":tty8" picks another virtual terminal than tty1 (needs: apt install cage xwayland chromium fonts-noto-core).
# --no-start install and enable, but do not start (e.g. when preparing a disk image).
# --server-url URL  a screen-only box: run only the --screen units, showing the server at URL
#            (e.g. http://192.168.1.10:8080); the server and backup units are installed but not enabled.
# --uninstall stops and removes the program, units and udev rules; keeps the database (/var/lib/xephang)
#            and settings (/etc/xephang) unless --purge is given too.
# DESTDIR=/tmp/root installs into a staging root for tests and packaging: nothing outside it is changed and
#            useradd/chown/systemctl/udevadm are printed ("would run: …"), never run.
#
# Layout: $PREFIX/releases/<version>-<hash>/ holds each release; $PREFIX/current points to the active one
# (update.sh switches it and can switch back). Data: /var/lib/xephang. Settings: /etc/xephang/xephang.env.
set -euo pipefail

PREFIX=/opt/xephang
SOURCE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCREENS=()
START=1
SERVER_URL=""
UNINSTALL=0
PURGE=0
DESTDIR=${DESTDIR:-}
APP_USER=xephang
SCREEN_USER=xephang-screen
DATA_DIR=/var/lib/xephang
ETC_DIR=/etc/xephang
UNIT_DIR=/etc/systemd/system
RULES=/etc/udev/rules.d/90-xephang.rules
UNITS=(xephang.service xephang-backup.service xephang-backup.timer xephang-screen@.service)

usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a directory}; shift 2 ;;
    --source) SOURCE=$(cd "${2:?--source needs a directory}" && pwd); shift 2 ;;
    --screen) SCREENS+=("${2:?--screen needs a page}"); shift 2 ;;
    --no-start) START=0; shift ;;
    --server-url) SERVER_URL=${2:?--server-url needs a URL}; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    --purge) PURGE=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
case "$PREFIX" in /*) ;; *) die "--prefix must be absolute" ;; esac
PREFIX=${PREFIX%/}

# Runs a command that changes the system outside DESTDIR; in DESTDIR mode only prints it.
system() {
  if [ -n "$DESTDIR" ]; then say "would run: $*"; else "$@"; fi
}

root() { printf '%s%s' "$DESTDIR" "$1"; }

require_root() {
  [ -n "$DESTDIR" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "run with sudo (or set DESTDIR to stage into a directory)"
}

find_node() {
  local node=${XEPHANG_NODE:-$(command -v node || true)}
  [ -n "$node" ] || die "node not found: install Node.js >= 20.19 first (see docs/install.md)"
  node=$(readlink -f "$node")
  "$node" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' ||
    die "$node is $("$node" --version); Xếp Hàng needs Node.js >= 20.19"
  printf '%s' "$node"
}

release_id() {
  local node=$1 version hash
  if [ -f "$SOURCE/RELEASE" ]; then
    head -n 1 "$SOURCE/RELEASE"
    return
  fi
  version=$("$node" -p 'require(process.argv[1]).version' "$SOURCE/package.json")
  hash=$(cd "$SOURCE" && find dist package.json -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum |
    sha256sum | cut -c1-10)
  printf '%s-%s' "${version:-0.0.0}" "$hash"
}

# useradd only when the user is missing; in DESTDIR mode every such step is printed.
ensure_user() {
  local name=$1
  shift
  if [ -n "$DESTDIR" ] || ! getent passwd "$name" >/dev/null; then system useradd "$@" "$name"; fi
}

create_users() {
  ensure_user "$APP_USER" --system --user-group --home-dir "$DATA_DIR" --no-create-home \
    --shell /usr/sbin/nologin --comment "Xep Hang queue server"
  system usermod -a -G lp,dialout "$APP_USER"
  [ ${#SCREENS[@]} -gt 0 ] || return 0
  ensure_user "$SCREEN_USER" --system --user-group --create-home --home-dir "/var/lib/$SCREEN_USER" \
    --shell /usr/sbin/nologin --comment "Xep Hang screens"
  local groups=() g
  for g in video render input audio; do getent group "$g" >/dev/null && groups+=("$g"); done
  if [ ${#groups[@]} -gt 0 ]; then system usermod -a -G "$(IFS=,; echo "${groups[*]}")" "$SCREEN_USER"; fi
}

# Copies the built app into releases/<id> (once: a release directory never changes after it is complete).
install_release() {
  local id=$1 dir staging item
  dir=$(root "$PREFIX/releases/$id")
  if [ ! -d "$dir" ]; then
    staging="$dir.partial"
    rm -rf "$staging"
    mkdir -p "$staging"
    for item in dist node_modules package.json package-lock.json RELEASE sites docs systemd assets fonts voice LICENSE README.md; do
      [ -e "$SOURCE/$item" ] && cp -R --preserve=mode,timestamps "$SOURCE/$item" "$staging/"
    done
    if [ ! -f "$SOURCE/RELEASE" ] && command -v npm >/dev/null; then
      say "removing development packages from the copy (npm prune --omit=dev)…"
      (cd "$staging" && npm prune --omit=dev --no-audit --no-fund >/dev/null) || die "npm prune failed"
    fi
    chmod -R u=rwX,go=rX "$staging"
    system chown -R root:root "$staging"
    mv "$staging" "$dir"
    say "installed release $id"
  else
    say "release $id already installed"
  fi
  mkdir -p "$(root "$PREFIX")"
  ln -sfn "releases/$id" "$(root "$PREFIX")/current.new"
  mv -T "$(root "$PREFIX")/current.new" "$(root "$PREFIX")/current"
}

# A bundle's native modules (better-sqlite3) only load in the Node major they were built for.
check_abi() {
  local want have
  [ -f "$SOURCE/RELEASE" ] || return 0
  want=$(sed -n 's/^node-abi=//p' "$SOURCE/RELEASE")
  have=$("$1" -p process.versions.modules)
  [ -z "$want" ] || [ "$want" = "$have" ] ||
    die "this bundle was built for Node ABI $want ($(sed -n 's/^node=//p' "$SOURCE/RELEASE")), but $1 is ABI $have ($("$1" --version)): use a bundle built with the same Node major"
}

write_env_files() {
  local etc env screen_env
  etc=$(root "$ETC_DIR")
  env="$etc/xephang.env"
  screen_env="$etc/screen.env"
  mkdir -p "$etc"
  chmod 0755 "$etc"
  if [ ! -f "$env" ]; then
    umask 077
    cat >"$env.new" <<ENV
# Xếp Hàng settings, read by xephang.service (EnvironmentFile=). Keep this file private (0640 root:xephang).
# After a change: sudo systemctl restart xephang
XEPHANG_PORT=8080
XEPHANG_HOST=0.0.0.0
XEPHANG_DATA_DIR=$DATA_DIR
XEPHANG_MODE=production
XEPHANG_TZ=Asia/Ho_Chi_Minh
# Address phones and screens use to reach this box (printed in QR codes). Unset = this box's LAN address;
# give the box a fixed address (DHCP reservation) and set it, e.g.:
#XEPHANG_PUBLIC_URL=http://$(lan_address):8080
# Ticket printer: the stable name from /etc/udev/rules.d/90-xephang.rules, a LAN printer, or a serial one.
#XEPHANG_PRINTER=usblp:/dev/xephang-printer
#XEPHANG_PRINTER=tcp://192.168.1.50:9100
#XEPHANG_PRINTER=serial:/dev/xephang-printer?baud=9600
# Site (services, counters) to seed on first start; default: sites/demo.json of the release.
#XEPHANG_SITE=/etc/xephang/site.json
# Only these addresses may act as kiosks/counter screens (comma-separated IPs or CIDRs; empty = whole LAN):
#XEPHANG_DEVICE_ALLOW=192.168.1.0/24
# Backups: daily files here, rotation 14 daily + 12 monthly (docs/backup.md).
XEPHANG_BACKUP_DIR=$DATA_DIR/backups
XEPHANG_BACKUP_KEEP_DAILY=14
XEPHANG_BACKUP_KEEP_MONTHLY=12
# Second copy on a USB stick mounted at /media/xephang-backup holding the file .xephang-backup (docs/backup.md):
#XEPHANG_BACKUP_MIRROR_DIR=/media/xephang-backup
# Secrets (cookie and device-pairing keys) are not kept here: the server generates them on first start into
# $DATA_DIR/secrets.json (mode 0600), and every backup copies that file too.
ENV
    umask 022
    mv "$env.new" "$env"
    say "wrote $ETC_DIR/xephang.env"
  else
    say "kept existing $ETC_DIR/xephang.env"
  fi
  chmod 0640 "$env"
  system chown root:"$APP_USER" "$ETC_DIR/xephang.env"
  if [ -n "$SERVER_URL" ]; then
    printf '%s\n' '# Base URL of the server for xephang-screen@*.service.' "XEPHANG_SCREEN_URL=${SERVER_URL%/}" >"$screen_env"
    chmod 0644 "$screen_env"
  elif [ ! -f "$screen_env" ]; then
    printf '%s\n' '# Base URL of the server for xephang-screen@*.service (another box on the LAN: its address).' \
      "XEPHANG_SCREEN_URL=http://127.0.0.1:$(env_value XEPHANG_PORT 8080)" >"$screen_env"
    chmod 0644 "$screen_env"
  fi
}

env_value() {
  local v=""
  [ -r "$(root "$ETC_DIR")/xephang.env" ] &&
    v=$(sed -n "s/^$1=//p" "$(root "$ETC_DIR")/xephang.env" | tail -n 1)
  printf '%s' "${v:-$2}"
}

lan_address() {
  local ip=""
  [ -n "$DESTDIR" ] && { printf '192.0.2.10'; return; }
  command -v ip >/dev/null && ip=$(ip -4 -o route get 192.168.0.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p')
  [ -n "$ip" ] || ip=$(hostname -I 2>/dev/null | awk '{print $1}')
  printf '%s' "${ip:-127.0.0.1}"
}

make_dirs() {
  mkdir -p "$(root "$DATA_DIR")/backups"
  chmod 0750 "$(root "$DATA_DIR")" "$(root "$DATA_DIR")/backups"
  system chown "$APP_USER:$APP_USER" "$DATA_DIR" "$DATA_DIR/backups"
}

install_units() {
  local node=$1 unit dest
  dest=$(root "$UNIT_DIR")
  mkdir -p "$dest"
  for unit in "${UNITS[@]}"; do
    sed -e "s#/usr/bin/node#$node#g" -e "s#/opt/xephang#$PREFIX#g" "$SOURCE/systemd/$unit" >"$dest/$unit.new"
    chmod 0644 "$dest/$unit.new"
    mv "$dest/$unit.new" "$dest/$unit"
  done
  local rules
  rules=$(root "$RULES")
  mkdir -p "$(dirname "$rules")"
  if [ ! -f "$rules" ]; then
    sed "s#/opt/xephang#$PREFIX#g" "$SOURCE/systemd/udev/90-xephang.rules.template" >"$rules"
    chmod 0644 "$rules"
    say "wrote $RULES (edit it to name the printer and boxes by USB port)"
  fi
}

validate_screens() {
  local spec page tty
  for spec in "${SCREENS[@]}"; do
    page=${spec%%:*}
    tty=tty1
    [ "$spec" != "$page" ] && tty=${spec#*:}
    "$SOURCE/systemd/xephang-screen.sh" url "$page" >/dev/null 2>&1 || die "unknown screen page '$page'"
    case "$tty" in tty[0-9] | tty[0-9][0-9]) ;; *) die "bad tty '$tty' in --screen $spec" ;; esac
  done
}

install_screens() {
  local spec page tty dropin
  for spec in "${SCREENS[@]}"; do
    page=${spec%%:*}
    tty=tty1
    [ "$spec" != "$page" ] && tty=${spec#*:}
    dropin=$(root "$UNIT_DIR/xephang-screen@$page.service.d")
    if [ "$tty" != tty1 ]; then
      mkdir -p "$dropin"
      printf '%s\n' '[Unit]' "Conflicts=getty@$tty.service" "After=getty@$tty.service" '' '[Service]' \
        "TTYPath=/dev/$tty" "UtmpIdentifier=$tty" >"$dropin/tty.conf"
      chmod 0644 "$dropin/tty.conf"
    fi
  done
}

enable_units() {
  local now=() spec
  [ "$START" -eq 1 ] && now=(--now)
  system systemctl daemon-reload
  if [ -z "$SERVER_URL" ]; then system systemctl enable "${now[@]}" xephang.service xephang-backup.timer; fi
  for spec in "${SCREENS[@]}"; do system systemctl enable "${now[@]}" "xephang-screen@${spec%%:*}.service"; done
  if [ "$START" -eq 1 ] && [ -z "$SERVER_URL" ]; then system systemctl try-restart xephang.service; fi
  # Not fatal: no udev daemon in a chroot or container, and the rules also apply at the next boot.
  system udevadm control --reload || say "warning: udevadm could not reload the rules (reboot to apply them)"
  system udevadm trigger --action=add --subsystem-match=tty --subsystem-match=usbmisc || true
}

wait_healthy() {
  if [ -n "$DESTDIR" ] || [ "$START" -eq 0 ] || [ -n "$SERVER_URL" ] || ! command -v curl >/dev/null; then return 0; fi
  local port i
  port=$(env_value XEPHANG_PORT 8080)
  for i in $(seq 1 60); do
    if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/api/health" 2>/dev/null; then
      say "server healthy after ${i}s"
      return 0
    fi
    sleep 1
  done
  say "WARNING: server not healthy after 60 s: journalctl -u xephang -n 50" >&2
}

print_urls() {
  local base
  base=${SERVER_URL:-$(env_value XEPHANG_PUBLIC_URL "http://$(lan_address):$(env_value XEPHANG_PORT 8080)")}
  base=${base%/}
  cat <<URLS

Xếp Hàng đã cài xong / is installed. Open on any device of the office LAN:
  Máy lấy số / ticket kiosk:      $base/kiosk
  Màn hình chờ / lobby screen:    $base/display
  Màn hình quầy n / counter n:    $base/display/counter/<n>     (e.g. $base/display/counter/1)
  Đánh giá quầy n / rating n:     $base/rate/<n>
  Quản trị / console:             $base/console
Settings: $ETC_DIR/xephang.env   Logs: journalctl -u xephang -f   Backups: $DATA_DIR/backups
URLS
}

uninstall() {
  local spec
  system systemctl disable --now xephang.service xephang-backup.timer xephang-backup.service
  if [ -z "$DESTDIR" ]; then
    for spec in $(systemctl list-units --all --plain --no-legend 'xephang-screen@*' | awk '{print $1}'); do
      systemctl disable --now "$spec" || true
    done
  else
    say "would run: systemctl disable --now xephang-screen@*.service"
  fi
  rm -rf "$(root "$UNIT_DIR")"/xephang-screen@*.service.d
  for unit in "${UNITS[@]}"; do rm -f "$(root "$UNIT_DIR/$unit")"; done
  rm -f "$(root "$RULES")"
  rm -rf "$(root "$PREFIX")"
  system systemctl daemon-reload
  system udevadm control --reload || true
  if [ "$PURGE" -eq 1 ]; then
    rm -rf "$(root "$DATA_DIR")" "$(root "$ETC_DIR")" "$(root "/var/lib/$SCREEN_USER")"
    if [ -n "$DESTDIR" ] || getent passwd "$SCREEN_USER" >/dev/null; then system userdel "$SCREEN_USER"; fi
    if [ -n "$DESTDIR" ] || getent passwd "$APP_USER" >/dev/null; then system userdel "$APP_USER"; fi
    say "removed Xếp Hàng, its database and settings"
  else
    say "removed Xếp Hàng; kept the database ($DATA_DIR) and settings ($ETC_DIR): --purge removes them"
  fi
}

main() {
  require_root
  if [ "$UNINSTALL" -eq 1 ]; then
    uninstall
    return
  fi
  local node id
  [ -f "$SOURCE/dist/server/main.js" ] || die "$SOURCE/dist/server/main.js missing: run npm ci && npm run build first"
  [ -d "$SOURCE/node_modules" ] || die "$SOURCE/node_modules missing: run npm ci first"
  validate_screens
  if [ -n "$SERVER_URL" ] && [ ${#SCREENS[@]} -eq 0 ]; then die "--server-url needs at least one --screen"; fi
  case "$SERVER_URL" in '' | http://* | https://*) ;; *) die "--server-url must start with http:// or https://" ;; esac
  node=$(find_node)
  check_abi "$node"
  id=$(release_id "$node")
  create_users
  install_release "$id"
  make_dirs
  write_env_files
  install_units "$node"
  install_screens
  enable_units
  wait_healthy
  print_urls
}

main
