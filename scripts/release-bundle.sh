#!/usr/bin/env bash
# Builds an offline release bundle: one tarball to copy to the mini-PC on a USB stick.
#
#   scripts/release-bundle.sh [--out DIR] [--root DIR] [--skip-install] [--skip-build] [--node-tarball FILE]
#
# Contents: dist/ (server + built apps), production node_modules/, package.json, package-lock.json, systemd/,
# docs/, sites/ and other runtime folders, and a RELEASE file (id, arch, Node version and ABI).
# better-sqlite3 is compiled for one CPU architecture and one Node major (ABI): build the bundle ON A MACHINE OF
# THE TARGET ARCHITECTURE (x64 for Intel/AMD mini-PCs, arm64 for ARM boxes) with the SAME NODE MAJOR as the
# box. install.sh refuses a bundle whose Node ABI differs from the box's node.
# --node-tarball FILE adds an official Node.js binary tarball (node-v20.x.y-linux-x64.tar.xz, fetched on a
# connected machine) under node/ for boxes without Node; docs/install.md shows how to unpack it.
# Output: DIR/xephang-<version>-linux-<arch>-node<major>.tar.gz (default DIR: ./release) and its .sha256.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=""
INSTALL=1
BUILD=1
NODE_TARBALL=""
STAGE=""

die() { printf 'release-bundle.sh: %s\n' "$*" >&2; exit 1; }
cleanup() { if [ -n "$STAGE" ]; then rm -rf "$STAGE"; fi; }
trap cleanup EXIT

while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=${2:?}; shift 2 ;;
    --root) ROOT=$(cd "${2:?}" && pwd); shift 2 ;;
    --skip-install) INSTALL=0; shift ;;
    --skip-build) BUILD=0; shift ;;
    --node-tarball) NODE_TARBALL=${2:?}; shift 2 ;;
    -h | --help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
OUT=${OUT:-$ROOT/release}
[ -z "$NODE_TARBALL" ] || [ -f "$NODE_TARBALL" ] || die "$NODE_TARBALL not found"

cd "$ROOT"
[ -f package-lock.json ] || die "package-lock.json missing in $ROOT"
if [ "$INSTALL" -eq 1 ]; then npm ci --no-audit --no-fund; fi
if [ "$BUILD" -eq 1 ]; then npm run build; fi
[ -f dist/server/main.js ] || die "dist/server/main.js missing: build first (npm run build)"

version=$(node -p 'require("./package.json").version')
arch=$(node -p process.arch)
node_version=$(node --version)
node_major=$(node -p 'process.versions.node.split(".")[0]')
abi=$(node -p process.versions.modules)
rev=$(git -C "$ROOT" rev-parse --short=10 HEAD 2>/dev/null ||
  (find dist package-lock.json -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-10))
id="$version-$rev"
name="xephang-$version-linux-$arch-node$node_major"

STAGE=$(mktemp -d)
top="$STAGE/xephang-$id"
mkdir -p "$top"
for item in dist package.json package-lock.json systemd docs sites assets fonts voice LICENSE README.md; do
  if [ -e "$item" ]; then cp -R --preserve=mode,timestamps "$item" "$top/"; fi
done
cp -R --preserve=mode,timestamps node_modules "$top/"
(cd "$top" && npm prune --omit=dev --no-audit --no-fund >/dev/null)
# better-sqlite3's compile leftovers (SQLite sources, object files: ~30 MB); only build/Release/*.node is loaded.
bs3="$top/node_modules/better-sqlite3"
if [ -d "$bs3/build/Release" ]; then
  rm -rf "$bs3/deps" "$bs3/src" "$bs3/build/deps" "$bs3/build/Release/obj" "$bs3/build/Release/obj.target" \
    "$bs3/build/Release/.deps" "$bs3/build/Release/sqlite3.a" "$bs3/build/Release/test_extension.node"
fi
# The copied native module must load here (same arch and ABI as the target box).
if node -e 'process.exit(require("./package.json").dependencies?.["better-sqlite3"] ? 0 : 1)'; then
  (cd "$top" && node -e 'new (require("better-sqlite3"))(":memory:").close()') ||
    die "better-sqlite3 does not load from the bundle: rebuild with npm ci on this machine"
fi
if [ -n "$NODE_TARBALL" ]; then
  mkdir -p "$top/node"
  cp "$NODE_TARBALL" "$top/node/"
fi
printf '%s\narch=%s\nnode=%s\nnode-abi=%s\nbuilt=%s\n' "$id" "$arch" "$node_version" "$abi" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$top/RELEASE"

mkdir -p "$OUT"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$STAGE" -czf "$OUT/$name.tar.gz" "xephang-$id"
(cd "$OUT" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$OUT/$name.tar.gz ($(du -h "$OUT/$name.tar.gz" | cut -f1)); copy it with its .sha256 to the box, then:"
echo "  sha256sum -c $name.tar.gz.sha256 && tar -xzf $name.tar.gz && sudo xephang-$id/systemd/install.sh"
