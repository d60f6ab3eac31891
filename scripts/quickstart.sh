#!/usr/bin/env bash
# One command: install dependencies, build, and start Xếp Hàng with the demo site.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Cần Node.js ≥ 20.19 (Node.js ≥ 20.19 is required): apt-get install nodejs npm, or see docs/install.md" >&2
  exit 1
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node "+process.versions.node+" is too old: need ≥ 20.19"); process.exit(1); }'
# better-sqlite3 compiles against local Node headers when Node came from Debian-style packages.
if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi

npm ci --no-audit --no-fund
npm run build
exec npm start
