import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO = resolve(import.meta.dirname, '../..');
export const SYSTEMD_DIR = join(REPO, 'systemd');
export const UNITS = [
  'xephang.service',
  'xephang-backup.service',
  'xephang-backup.timer',
  'xephang-screen@.service',
];

const exec = promisify(execFile);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command with a time limit; never rejects on a non-zero exit. */
export async function run(
  cmd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  try {
    const { stdout, stderr } = await exec(cmd, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? String(err),
    };
  }
}

/**
 * Copies `unitFile` as `name` into `unitDir`, rewriting /opt/xephang to `<root>/opt/xephang` so that
 * `systemd-analyze verify` finds the executables it checks inside a temporary root.
 */
export function stageUnit(
  unitFile: string,
  unitDir: string,
  name: string,
  root: string,
  prefix = '/opt/xephang',
): string {
  mkdirSync(unitDir, { recursive: true });
  const text = readFileSync(unitFile, 'utf8').replaceAll(prefix, join(root, prefix));
  const dest = join(unitDir, name);
  writeFileSync(dest, text);
  return dest;
}

/** Puts a copy of the repository's systemd/ folder at `<root>/<prefix>/current/systemd` (executables the units run). */
export function stageScripts(root: string, prefix = '/opt/xephang'): void {
  const target = join(root, prefix, 'current', 'systemd');
  mkdirSync(target, { recursive: true });
  for (const name of ['xephang-screen.sh']) {
    copyFileSync(join(SYSTEMD_DIR, name), join(target, name));
    chmodSync(join(target, name), 0o755);
  }
}

export interface FileEntry {
  path: string;
  mode: string;
  kind: 'file' | 'dir' | 'link';
  content: string;
}

/** Every file, directory and symlink under `root`, with permissions and content hash (link: its target). */
export function snapshotTree(root: string): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = lstatSync(path);
      const entry = { path: relative(root, path), mode: (st.mode & 0o7777).toString(8) };
      if (st.isSymbolicLink()) {
        out.push({ ...entry, kind: 'link', content: readlinkSync(path) });
      } else if (st.isDirectory()) {
        out.push({ ...entry, kind: 'dir', content: '' });
        walk(path);
      } else {
        out.push({
          ...entry,
          kind: 'file',
          content: createHash('sha256').update(readFileSync(path)).digest('hex'),
        });
      }
    }
  };
  walk(root);
  return out;
}

/** A directory of fake system commands that record any call into `<dir>/calls.log`. */
export function fakeSystemCommands(dir: string, names: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  for (const name of names) {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> "${join(dir, 'calls.log')}"\n`);
    chmodSync(path, 0o755);
  }
  return dir;
}
