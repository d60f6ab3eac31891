import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFakeSource } from './fake-source.js';
import { fakeSystemCommands, run, snapshotTree, stageUnit, UNITS } from './helpers.js';

const SYSTEM_COMMANDS = ['useradd', 'usermod', 'userdel', 'chown', 'systemctl', 'udevadm', 'runuser'];
let tmp: string;
let source: string;
let fakeBin: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xephang-install-'));
  source = makeFakeSource(join(tmp, 'src'));
  fakeBin = fakeSystemCommands(join(tmp, 'bin'), SYSTEM_COMMANDS);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function install(destdir: string, ...args: string[]) {
  const env = { ...process.env, DESTDIR: destdir, PATH: `${fakeBin}:${process.env.PATH}` };
  return run(join(source, 'systemd', 'install.sh'), args, { env, timeoutMs: 120_000 });
}

function envFile(destdir: string): string {
  return readFileSync(join(destdir, 'etc/xephang/xephang.env'), 'utf8');
}

describe('install.sh with DESTDIR', () => {
  let dest: string;
  let first: Awaited<ReturnType<typeof install>>;
  beforeAll(async () => {
    dest = join(tmp, 'root');
    first = await install(dest, '--screen', 'kiosk', '--screen', 'lobby:tty8');
  });

  it('installs the release, units, rules and settings, and only prints system changes', () => {
    expect(first.stderr).not.toMatch(/install\.sh:/);
    expect(first.code).toBe(0);
    expect(existsSync(join(fakeBin, 'calls.log'))).toBe(false); // no useradd/systemctl/udevadm/chown ran
    expect(first.stdout).toMatch(/would run: useradd --system .* xephang$/m);
    expect(first.stdout).toContain('would run: systemctl enable --now xephang.service xephang-backup.timer');
    expect(first.stdout).toContain('would run: systemctl enable --now xephang-screen@kiosk.service');
    expect(first.stdout).toContain('would run: chown root:xephang /etc/xephang/xephang.env');
    expect(first.stdout).toMatch(/\/display\/counter\/<n>/);
    for (const unit of UNITS) expect(existsSync(join(dest, 'etc/systemd/system', unit))).toBe(true);
    expect(existsSync(join(dest, 'etc/udev/rules.d/90-xephang.rules'))).toBe(true);
    expect(
      readFileSync(join(dest, 'etc/systemd/system/xephang-screen@lobby.service.d/tty.conf'), 'utf8'),
    ).toContain('TTYPath=/dev/tty8');
    expect(existsSync(join(dest, 'etc/systemd/system/xephang-screen@kiosk.service.d'))).toBe(false);
  });

  it('puts the release under releases/<version>-<hash> with current pointing at it, without dev packages', () => {
    const current = join(dest, 'opt/xephang/current');
    expect(realpathSync(current)).toMatch(/\/opt\/xephang\/releases\/1\.2\.3-[0-9a-f]{10}$/);
    expect(existsSync(join(current, 'dist/server/main.js'))).toBe(true);
    expect(existsSync(join(current, 'systemd/xephang-screen.sh'))).toBe(true);
    expect(existsSync(join(current, 'node_modules/left-over-dev-tool'))).toBe(false);
  });

  it('writes the env file 0640 with the production settings', () => {
    const env = envFile(dest);
    expect(statSync(join(dest, 'etc/xephang/xephang.env')).mode & 0o777).toBe(0o640);
    expect(env).toMatch(/^XEPHANG_MODE=production$/m);
    expect(env).toMatch(/^XEPHANG_DATA_DIR=\/var\/lib\/xephang$/m);
    expect(env).toMatch(/^XEPHANG_TZ=Asia\/Ho_Chi_Minh$/m);
    expect(statSync(join(dest, 'var/lib/xephang/backups')).mode & 0o777).toBe(0o750);
  });

  it('a second run changes nothing: same files, permissions, links and env file (local edits kept)', async () => {
    const envPath = join(dest, 'etc/xephang/xephang.env');
    writeFileSync(envPath, `${envFile(dest)}XEPHANG_PRINTER=usblp:/dev/xephang-printer\n`);
    const before = snapshotTree(dest);
    const envBefore = envFile(dest);
    const second = await install(dest, '--screen', 'kiosk', '--screen', 'lobby:tty8');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already installed');
    expect(second.stdout).toContain('kept existing /etc/xephang/xephang.env');
    expect(envFile(dest)).toBe(envBefore);
    expect(envBefore).toContain('XEPHANG_PRINTER=usblp:/dev/xephang-printer');
    expect(snapshotTree(dest)).toEqual(before);
    expect(existsSync(join(fakeBin, 'calls.log'))).toBe(false);
  });

  it('the installed units pass systemd-analyze verify', async () => {
    const unitDir = join(tmp, 'verify-units');
    for (const unit of UNITS) {
      const name = unit === 'xephang-screen@.service' ? 'xephang-screen@kiosk.service' : unit;
      const file = stageUnit(join(dest, 'etc/systemd/system', unit), unitDir, name, dest);
      const result = await run('systemd-analyze', ['verify', file]);
      expect(result.stdout + result.stderr, unit).toBe('');
    }
  });

  it('refuses an unknown screen page before changing anything', async () => {
    const other = join(tmp, 'root-bad-screen');
    const result = await install(other, '--screen', 'kitchen');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("unknown screen page 'kitchen'");
    expect(existsSync(join(other, 'etc/systemd/system/xephang.service'))).toBe(false);
  });
});

describe('install.sh --prefix and the resolved node', () => {
  it('rewrites ExecStart to the node found and the prefix given', async () => {
    const dest = join(tmp, 'root-prefix');
    const result = await install(dest, '--prefix', '/srv/xq');
    expect(result.code).toBe(0);
    const unit = readFileSync(join(dest, 'etc/systemd/system/xephang.service'), 'utf8');
    const node = realpathSync(process.execPath);
    expect(unit).toContain(
      `ExecStart=${node} --max-old-space-size=512 --max-semi-space-size=1 /srv/xq/current/dist/server/main.js`,
    );
    expect(unit).not.toContain('/opt/xephang');
    expect(existsSync(join(dest, 'srv/xq/current/dist/server/main.js'))).toBe(true);
  });
});

describe('install.sh --uninstall', () => {
  it('keeps the database and settings, and --purge removes them', async () => {
    const dest = join(tmp, 'root-uninstall');
    expect((await install(dest)).code).toBe(0);
    mkdirSync(join(dest, 'var/lib/xephang'), { recursive: true });
    writeFileSync(join(dest, 'var/lib/xephang/xephang.db'), 'data');

    const removed = await install(dest, '--uninstall');
    expect(removed.code).toBe(0);
    expect(existsSync(join(dest, 'opt/xephang'))).toBe(false);
    expect(existsSync(join(dest, 'etc/systemd/system/xephang.service'))).toBe(false);
    expect(existsSync(join(dest, 'etc/udev/rules.d/90-xephang.rules'))).toBe(false);
    expect(readFileSync(join(dest, 'var/lib/xephang/xephang.db'), 'utf8')).toBe('data');
    expect(existsSync(join(dest, 'etc/xephang/xephang.env'))).toBe(true);

    const purged = await install(dest, '--uninstall', '--purge');
    expect(purged.code).toBe(0);
    expect(existsSync(join(dest, 'var/lib/xephang'))).toBe(false);
    expect(existsSync(join(dest, 'etc/xephang'))).toBe(false);
    expect(purged.stdout).toContain('would run: userdel xephang');
    expect(existsSync(join(fakeBin, 'calls.log'))).toBe(false);
  });
});

describe('install.sh --server-url (a screen-only box)', () => {
  it('enables only the screen units and points them at the server', async () => {
    const dest = join(tmp, 'root-screen-only');
    const result = await install(dest, '--screen', 'counter-2', '--server-url', 'http://192.168.1.10:8080/');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would run: systemctl enable --now xephang-screen@counter-2.service');
    expect(result.stdout).not.toContain('enable --now xephang.service');
    expect(result.stdout).toContain('http://192.168.1.10:8080/display/counter/<n>');
    expect(readFileSync(join(dest, 'etc/xephang/screen.env'), 'utf8')).toContain(
      'XEPHANG_SCREEN_URL=http://192.168.1.10:8080\n',
    );
    const bad = await install(join(tmp, 'root-screen-bad'), '--server-url', 'http://192.168.1.10:8080');
    expect(bad.stderr).toContain('--server-url needs at least one --screen');
  });
});
