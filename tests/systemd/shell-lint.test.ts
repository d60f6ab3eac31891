import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers.js';

const SCRIPTS = [
  'systemd/install.sh',
  'systemd/update.sh',
  'systemd/xephang-screen.sh',
  'systemd/udev/xephang-usb-port.sh',
  'scripts/release-bundle.sh',
];

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('shell scripts', () => {
  it.each(SCRIPTS)('%s parses (bash -n)', async (script) => {
    const result = await run('bash', ['-n', join(REPO, script)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  // shellcheck is a Debian package; .ci/run installs it, so CI always runs this. A dev machine without it reports a skip.
  it.skipIf(!has('shellcheck'))('pass shellcheck', async () => {
    const result = await run(
      'shellcheck',
      SCRIPTS.map((s) => join(REPO, s)),
    );
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it.each(['systemd/update.sh', 'systemd/install.sh', 'scripts/release-bundle.sh'])(
    '%s --help',
    async (script) => {
      const result = await run(join(REPO, script), ['--help']);
      expect(result.code).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(100);
    },
  );
});
