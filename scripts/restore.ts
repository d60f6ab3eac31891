import { execFileSync } from 'node:child_process';
import {
  chownSync,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { copyDurably, fsyncPath, SECRETS_FILE } from '../server/platform/backup-files.js';
import { isEntry, verifyDatabase } from './backup.js';

/**
 * Restores a backup made by backup.ts into a data directory.
 *
 * CLI: `node dist/scripts/restore.js BACKUP_FILE [--data-dir DIR] [--force]`
 * - verifies the backup first (`PRAGMA integrity_check`);
 * - always refuses while a process holds the target database open (the server is running: stop it first);
 * - refuses when the target already has a database, unless --force, which moves the old database and its
 *   -wal/-shm aside as `xephang.db.before-restore-<stamp>` (never deletes them);
 * - writes through a temporary file + fsync + rename, and gives the file the data directory's owner when run as root;
 * - restores the server's secrets.json (cookie and device-pairing keys) too when the backup folder has one, so
 *   paired kiosks and screens keep working on a replacement box (a different existing one is moved aside).
 */

export interface RestoreOptions {
  force?: boolean;
  /** Processes that have `file` open; injectable for tests. */
  openers?: (file: string) => number[];
  now?: Date;
}

export interface RestoreResult {
  target: string;
  movedAside: string[];
  /** Path of the restored secrets.json, or null when the backup folder had none. */
  secrets: string | null;
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'] as const;

/** PIDs whose open file descriptors point at one of `files` (Linux /proc; processes we may not inspect are skipped). */
export function processesUsingFiles(files: readonly string[]): number[] {
  const wanted = new Set(files.map((f) => resolve(f)));
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) {
          pids.push(Number(entry));
          break;
        }
      } catch {}
    }
  }
  return pids;
}

function defaultOpeners(file: string): number[] {
  return processesUsingFiles(SIDE_FILES.map((s) => file + s));
}

function serviceActive(dataDir: string): boolean {
  if (resolve(dataDir) !== '/var/lib/xephang') return false;
  try {
    execFileSync('systemctl', ['is-active', '--quiet', 'xephang.service'], {
      stdio: 'ignore',
      timeout: 5_000,
    });
    return true;
  } catch {
    return false;
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

export function restoreDatabase(
  backupFile: string,
  dataDir: string,
  options: RestoreOptions = {},
): RestoreResult {
  const target = join(resolve(dataDir), 'xephang.db');
  if (!statSync(dataDir).isDirectory()) throw new Error(`${dataDir} is not a directory`);
  verifyDatabase(backupFile);
  const openers = (options.openers ?? defaultOpeners)(target);
  if (openers.length > 0 || serviceActive(dataDir)) {
    const who = openers.length ? ` (PID ${openers.join(', ')})` : '';
    throw new Error(`the database is in use${who}: stop the server first (sudo systemctl stop xephang)`);
  }
  const existing = SIDE_FILES.map((s) => target + s).filter((f) => existsSync(f));
  if (existing.length > 0 && !options.force) {
    throw new Error(`${target} already exists: use --force to move it aside and restore anyway`);
  }
  const aside = `${target}.before-restore-${stamp(options.now ?? new Date())}`;
  const movedAside = SIDE_FILES.filter((s) => existsSync(target + s)).map((s) => {
    renameSync(target + s, aside + s);
    return aside + s;
  });
  const temp = join(resolve(dataDir), `.${basename(target)}.restoring-${process.pid}`);
  try {
    copyFileSync(backupFile, temp);
    const dir = statSync(dataDir);
    if (process.getuid?.() === 0) chownSync(temp, dir.uid, dir.gid);
    fsyncPath(temp);
    renameSync(temp, target);
    fsyncPath(dataDir);
  } catch (err) {
    if (existsSync(temp)) unlinkSync(temp);
    throw err;
  }
  const secrets = restoreSecrets(backupFile, dataDir, aside, movedAside);
  return { target, movedAside, secrets };
}

function restoreSecrets(
  backupFile: string,
  dataDir: string,
  aside: string,
  movedAside: string[],
): string | null {
  const source = join(dirname(resolve(backupFile)), SECRETS_FILE);
  if (!existsSync(source)) return null;
  const target = join(resolve(dataDir), SECRETS_FILE);
  if (existsSync(target)) {
    if (readFileSync(target).equals(readFileSync(source))) return target;
    const moved = target + aside.slice(aside.lastIndexOf('.before-restore-'));
    renameSync(target, moved);
    movedAside.push(moved);
  }
  copyDurably(source, target, { mode: 0o600 });
  const dir = statSync(dataDir);
  if (process.getuid?.() === 0) chownSync(target, dir.uid, dir.gid);
  return target;
}

export function main(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--data-dir');
  const dirIndex = argv.indexOf('--data-dir');
  const dataDir = dirIndex >= 0 ? argv[dirIndex + 1] : env.XEPHANG_DATA_DIR;
  const backupFile = positional[0];
  if (argv.includes('--help') || !backupFile || !dataDir) {
    process.stderr.write(
      'usage: node dist/scripts/restore.js BACKUP_FILE [--data-dir DIR] [--force]\n' +
        '  (DIR defaults to $XEPHANG_DATA_DIR; stop the server first: sudo systemctl stop xephang)\n',
    );
    return argv.includes('--help') ? 0 : 2;
  }
  try {
    const result = restoreDatabase(backupFile, dataDir, { force: argv.includes('--force') });
    const moved = result.movedAside.length ? ` (old database kept as ${result.movedAside[0]})` : '';
    process.stdout.write(`Đã khôi phục / restored ${backupFile} → ${result.target}${moved}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(
      `Khôi phục thất bại / restore failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
}

if (isEntry(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), process.env);
}
