import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, SYSTEMD_DIR, stageScripts, stageUnit, UNITS } from './helpers.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'xephang-units-'));
  stageScripts(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Stages every unit (the template as an instance) into one unit dir and returns the paths to verify. */
function stageAll(unitDir: string): string[] {
  return UNITS.map((u) =>
    stageUnit(
      join(SYSTEMD_DIR, u),
      unitDir,
      u === 'xephang-screen@.service' ? 'xephang-screen@kiosk.service' : u,
      root,
    ),
  );
}

describe('systemd-analyze verify', () => {
  it.each(UNITS)('%s has no errors or warnings', async (unit) => {
    const files = stageAll(join(root, 'units'));
    const file = files[UNITS.indexOf(unit)]!;
    const result = await run('systemd-analyze', ['verify', file]);
    expect(result.stderr + result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('does report a mistake (the check is real)', async () => {
    const bad = join(root, 'bad', 'xephang.service');
    stageUnit(join(SYSTEMD_DIR, 'xephang.service'), join(root, 'bad'), 'xephang.service', root);
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('ProtectSystem=strict', 'ProtectSystm=strict'));
    const result = await run('systemd-analyze', ['verify', bad]);
    expect(result.stderr).toMatch(/Unknown key '?ProtectSystm/);
  });
});

describe('systemd-analyze security --offline=true', () => {
  it.each([
    ['xephang.service', 2.5],
    ['xephang-backup.service', 1.5],
    ['xephang-screen@.service', 7.5],
  ])('%s exposure ≤ %s', async (unit, limit) => {
    const result = await run('systemd-analyze', ['security', '--offline=true', join(SYSTEMD_DIR, unit)]);
    const match = /Overall exposure level for \S+: ([\d.]+) (\w+)/.exec(result.stdout + result.stderr);
    expect(match, result.stderr).not.toBeNull();
    console.log(`[figure] systemd-analyze security ${unit}: ${match![1]} ${match![2]}`);
    expect(Number(match![1])).toBeLessThanOrEqual(limit);
  });
});

describe('what the server unit promises', () => {
  const unit = readFileSync(join(SYSTEMD_DIR, 'xephang.service'), 'utf8');
  it.each([
    'Type=notify',
    'NotifyAccess=all',
    'WatchdogSec=30',
    'Restart=always',
    'TimeoutStopSec=10',
    'KillMode=mixed',
    'User=xephang',
    'SupplementaryGroups=lp dialout',
    'StateDirectory=xephang',
    'EnvironmentFile=/etc/xephang/xephang.env',
    'ProtectSystem=strict',
    'NoNewPrivileges=yes',
    'PrivateTmp=yes',
    'ProtectHome=yes',
    'DevicePolicy=closed',
    'DeviceAllow=char-usb rw',
    'DeviceAllow=char-ttyUSB rw',
    'DeviceAllow=char-ttyACM rw',
    'ReadWritePaths=-/media/xephang-backup',
    'Environment=MALLOC_ARENA_MAX=2',
    'ExecStart=/usr/bin/node --max-old-space-size=512 --max-semi-space-size=1 /opt/xephang/current/dist/server/main.js',
  ])('%s', (line) => {
    expect(unit.split('\n')).toContain(line);
  });
  it('does not hide the ttys with PrivateDevices', () => {
    expect(unit).not.toMatch(/^PrivateDevices=/m);
  });
});

describe('udev rules template', () => {
  const text = readFileSync(join(SYSTEMD_DIR, 'udev', '90-xephang.rules.template'), 'utf8');
  const rules = text
    .split('\n')
    .filter((l) => /^#?(SUBSYSTEM|KERNEL)/.test(l))
    .map((l) => l.replace(/^#/, ''));
  it('has a printer rule and box rules, each a list of KEY op "value" pairs', () => {
    expect(rules.some((r) => r.includes('SYMLINK+="xephang-printer"'))).toBe(true);
    expect(rules.filter((r) => /SYMLINK\+="xephang-box-\d+"/.test(r)).length).toBeGreaterThanOrEqual(2);
    const pair = /^\s*(SUBSYSTEM|KERNEL|KERNELS|SYMLINK|GROUP|MODE|ENV\{\w+\})(==|\+=|=)"[^"]*"\s*$/;
    for (const rule of rules) {
      for (const part of rule.split(',')) expect(part).toMatch(pair);
    }
  });
  it('keeps ModemManager off every serial rule', () => {
    for (const rule of rules.filter((r) => r.includes('SUBSYSTEM=="tty"'))) {
      expect(rule).toContain('ENV{ID_MM_DEVICE_IGNORE}="1"');
    }
  });
});

describe('how the server is started', () => {
  it('npm start and the systemd unit use the flags of server/runtime-flags.ts', async () => {
    const { SERVER_ENV, SERVER_NODE_FLAGS } = await import('../../server/runtime-flags.js');
    const flags = SERVER_NODE_FLAGS.join(' ');
    const env = Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`);
    const pkg = JSON.parse(readFileSync(join(SYSTEMD_DIR, '..', 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe(`${env.join(' ')} node ${flags} dist/server/main.js`);
    const unit = readFileSync(join(SYSTEMD_DIR, 'xephang.service'), 'utf8');
    expect(unit).toContain(`ExecStart=/usr/bin/node ${flags} /opt/xephang/current/dist/server/main.js`);
    for (const e of env) expect(unit).toContain(`Environment=${e}`);
  });
});
