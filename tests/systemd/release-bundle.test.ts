import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFakeSource } from './fake-source.js';
import { fakeSystemCommands, REPO, run } from './helpers.js';

let tmp: string;
let tarball: string;
let bundleDir: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'xephang-bundle-'));
  const src = makeFakeSource(join(tmp, 'src'), '2.0.0');
  const out = join(tmp, 'out');
  const result = await run(
    join(REPO, 'scripts/release-bundle.sh'),
    ['--root', src, '--skip-install', '--skip-build', '--out', out],
    { timeoutMs: 120_000 },
  );
  if (result.code !== 0) throw new Error(`release-bundle.sh failed: ${result.stderr}`);
  const name = readdirSync(out).find((n) => n.endsWith('.tar.gz'))!;
  tarball = join(out, name);
  mkdirSync(join(tmp, 'x'));
  await run('tar', ['-xzf', tarball, '-C', join(tmp, 'x')]);
  bundleDir = join(tmp, 'x', readdirSync(join(tmp, 'x'))[0]!);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('release-bundle.sh', () => {
  it('names the tarball by version, arch and Node major, with a checksum that verifies', async () => {
    const major = process.versions.node.split('.')[0];
    expect(tarball.endsWith(`xephang-2.0.0-linux-${process.arch}-node${major}.tar.gz`)).toBe(true);
    const check = await run('sha256sum', ['-c', `${tarball.split('/').pop()}.sha256`], {
      cwd: join(tmp, 'out'),
    });
    expect(check.code).toBe(0);
  });

  it('holds the built app, production modules only, systemd files and a RELEASE stamp', () => {
    expect(existsSync(join(bundleDir, 'dist/server/main.js'))).toBe(true);
    expect(existsSync(join(bundleDir, 'systemd/install.sh'))).toBe(true);
    expect(existsSync(join(bundleDir, 'sites/example.json'))).toBe(true);
    expect(existsSync(join(bundleDir, 'node_modules/left-over-dev-tool'))).toBe(false);
    const release = readFileSync(join(bundleDir, 'RELEASE'), 'utf8');
    expect(release).toMatch(/^2\.0\.0-[0-9a-f]{10}\n/);
    expect(release).toContain(`node-abi=${process.versions.modules}\n`);
    expect(release).toContain(`arch=${process.arch}\n`);
  });

  it('installs from the unpacked bundle, and refuses a bundle built for another Node ABI', async () => {
    const bin = fakeSystemCommands(join(tmp, 'bin'), ['useradd', 'usermod', 'chown', 'systemctl', 'udevadm']);
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, DESTDIR: join(tmp, 'root') };
    const ok = await run(join(bundleDir, 'systemd/install.sh'), [], { env, timeoutMs: 120_000 });
    expect(ok.code).toBe(0);
    const id = readFileSync(join(bundleDir, 'RELEASE'), 'utf8').split('\n')[0]!;
    expect(existsSync(join(tmp, 'root/opt/xephang/releases', id, 'dist/server/main.js'))).toBe(true);

    const release = join(bundleDir, 'RELEASE');
    writeFileSync(release, readFileSync(release, 'utf8').replace(/node-abi=\d+/, 'node-abi=1'));
    const bad = await run(join(bundleDir, 'systemd/install.sh'), [], {
      env: { ...env, DESTDIR: join(tmp, 'r2') },
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/built for Node ABI 1/);
    expect(existsSync(join(tmp, 'r2'))).toBe(false);
  });
});
