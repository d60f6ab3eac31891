import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, run, SYSTEMD_DIR } from './helpers.js';

/**
 * update.sh end to end, in a private mount namespace (unshare -m) where /etc and /var/lib are overlays and
 * /opt is a temp dir: real useradd, install.sh, update.sh, backup.js/restore.js (transpiled from our
 * TypeScript), SQLite and curl; systemctl is a stand-in that runs the "service" as a background process.
 * Release A is healthy; B migrates the database and then crashes (must roll back); C migrates and is healthy.
 */

function canUseNamespaces(): boolean {
  try {
    execFileSync('unshare', ['-m', '--propagation', 'private', 'true'], { stdio: 'ignore' });
    execFileSync('sh', ['-c', 'command -v setpriv sqlite3 curl useradd'], { stdio: 'ignore' });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

const SERVER = (migrate: boolean, crash: boolean) => `
import http from 'node:http';
import Database from 'better-sqlite3';
const db = new Database(process.env.XEPHANG_DATA_DIR + '/xephang.db');
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, label TEXT)');
${migrate ? "db.exec('CREATE TABLE IF NOT EXISTS v2_counters (id INTEGER PRIMARY KEY)');" : ''}
${crash ? "console.error('migration 2 failed'); process.exit(1);" : ''}
const server = http.createServer((req, res) => { res.statusCode = req.url === '/api/health' ? 200 : 404; res.end(); });
server.listen(Number(process.env.XEPHANG_PORT), '127.0.0.1');
process.on('SIGTERM', () => { server.close(); db.close(); process.exit(0); });
`;

function transpile(from: string, to: string): void {
  const out = ts.transpileModule(readFileSync(join(REPO, from), 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, out.outputText);
}

function makeRelease(dir: string, id: string, migrate: boolean, crash: boolean): string {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'server'), { recursive: true });
  writeFileSync(join(dist, 'server', 'main.js'), SERVER(migrate, crash));
  transpile('scripts/backup.ts', join(dist, 'scripts', 'backup.js'));
  transpile('scripts/restore.ts', join(dist, 'scripts', 'restore.js'));
  transpile('server/platform/disk.ts', join(dist, 'server', 'platform', 'disk.js'));
  transpile('server/platform/backup-files.ts', join(dist, 'server', 'platform', 'backup-files.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'xephang', version: id, type: 'module' }));
  writeFileSync(join(dir, 'RELEASE'), `${id}\nnode-abi=${process.versions.modules}\n`);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(REPO, 'node_modules', 'better-sqlite3'), join(dir, 'node_modules', 'better-sqlite3'));
  cpSync(SYSTEMD_DIR, join(dir, 'systemd'), { recursive: true });
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const enabled = canUseNamespaces();
let tmp: string;
let facts: Record<string, string> = {};
let output = '';

beforeAll(async () => {
  if (!enabled) return;
  tmp = mkdtempSync(join(tmpdir(), 'xephang-update-'));
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  copyFileSync(join(import.meta.dirname, 'fake-systemctl.sh'), join(bin, 'systemctl'));
  writeFileSync(join(bin, 'journalctl'), `#!/bin/sh\ncat "$FAKE_STATE/server.log" 2>/dev/null\n`);
  writeFileSync(join(bin, 'udevadm'), '#!/bin/sh\nexit 0\n');
  for (const f of ['systemctl', 'journalctl', 'udevadm']) chmodSync(join(bin, f), 0o755);
  const a = makeRelease(join(tmp, 'a'), '1.0.0-a', false, false);
  const b = makeRelease(join(tmp, 'b'), '1.1.0-b', true, true);
  const c = makeRelease(join(tmp, 'c'), '1.1.0-c', true, false);
  const scenario = join(import.meta.dirname, 'update-scenario.sh');
  const result = await run(
    'unshare',
    ['-m', '--propagation', 'private', scenario, join(tmp, 'ns'), a, b, c, String(await freePort()), bin],
    { timeoutMs: 150_000 },
  );
  output = `${result.stdout}\n${result.stderr}`;
  facts = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((l) => /^[\w-]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).trim()]),
  );
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function log(name: string): string {
  try {
    return readFileSync(join(tmp, 'ns', name), 'utf8');
  } catch {
    return '';
  }
}

// Needs root and unshare -m (a container without CAP_SYS_ADMIN cannot); .ci/run installs util-linux,
// sqlite3 and curl, and CI runs as root, so there it always runs (0 skipped in the last CI run).
describe.skipIf(!enabled)('update.sh in a private mount namespace', () => {
  it('installs release A for real (user, units, env, healthy)', () => {
    expect(facts['install-a'], output + log('install-a.log')).toBe('0');
    expect(log('install-a.log')).toMatch(/server healthy after/);
  });

  it('a release that fails to start is rolled back: old release, pre-update database, still serving', () => {
    expect(facts['update-b'], log('update-b.log')).toBe('1');
    expect(log('update-b.log')).toMatch(/rolling back to releases\/1\.0\.0-a/);
    expect(log('update-b.log')).toMatch(/rolled back: releases\/1\.0\.0-a is running again/);
    expect(facts['current-after-b']).toBe('releases/1.0.0-a');
    expect(facts['tables-after-b']).toBe('tickets'); // B's migration undone by the restore
    expect(facts['tickets-after-b']).toBe('3');
    expect(facts['healthy-after-b']).toBe('200');
    expect(facts['set-aside']).toBe('1'); // B's migrated database kept aside, not deleted
  });

  it('a good release is installed, migrates on start and keeps every ticket', () => {
    expect(facts['update-c'], log('update-c.log')).toBe('0');
    expect(facts['current-after-c']).toBe('releases/1.1.0-c');
    expect(facts['tables-after-c']).toBe('tickets,v2_counters');
    expect(facts['tickets-after-c']).toBe('3');
    expect(facts['healthy-after-c']).toBe('200');
    expect(Number(facts['pre-update-backups'])).toBeGreaterThanOrEqual(1);
    expect(facts.releases?.split(' ').sort()).toEqual(['1.0.0-a', '1.1.0-b', '1.1.0-c']);
  });
});
