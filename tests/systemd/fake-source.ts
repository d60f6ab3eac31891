import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEMD_DIR } from './helpers.js';

/**
 * A minimal built tree as install.sh and release-bundle.sh expect it (dist/, node_modules/, package.json,
 * package-lock.json and the real systemd/ folder), without building the whole project.
 */
export function makeFakeSource(dir: string, version = '1.2.3'): string {
  mkdirSync(join(dir, 'dist', 'server'), { recursive: true });
  mkdirSync(join(dir, 'dist', 'scripts'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'server', 'main.js'), 'console.log("xephang");\n');
  writeFileSync(join(dir, 'dist', 'scripts', 'backup.js'), '// backup\n');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'xephang', version, private: true }, null, 2),
  );
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify(
      {
        name: 'xephang',
        version,
        lockfileVersion: 3,
        requires: true,
        packages: { '': { name: 'xephang', version } },
      },
      null,
      2,
    ),
  );
  mkdirSync(join(dir, 'node_modules', 'left-over-dev-tool'), { recursive: true });
  writeFileSync(
    join(dir, 'node_modules', 'left-over-dev-tool', 'package.json'),
    '{"name":"left-over-dev-tool","version":"1.0.0"}',
  );
  cpSync(SYSTEMD_DIR, join(dir, 'systemd'), { recursive: true });
  mkdirSync(join(dir, 'sites'));
  writeFileSync(join(dir, 'sites', 'example.json'), '{}\n');
  return dir;
}
