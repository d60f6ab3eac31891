import { existsSync, mkdirSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import {
  backupFileName,
  copyDurably,
  fsyncPath,
  rotateBackups,
  SECRETS_FILE,
} from '../server/platform/backup-files.js';
import { diskSpace } from '../server/platform/disk.js';

/**
 * Online backup of the live SQLite database (WAL mode) with better-sqlite3's backup API, verified with
 * `PRAGMA integrity_check`, named by local date, rotated 14 daily + 12 monthly by default.
 *
 * CLI: `node dist/scripts/backup.js [--db FILE] [--dest DIR]`
 * Env: XEPHANG_DATA_DIR (db = $XEPHANG_DATA_DIR/xephang.db), XEPHANG_BACKUP_DIR (default $XEPHANG_DATA_DIR/backups),
 *      XEPHANG_BACKUP_KEEP_DAILY (14), XEPHANG_BACKUP_KEEP_MONTHLY (12), XEPHANG_TZ (Asia/Ho_Chi_Minh),
 *      XEPHANG_BACKUP_MIRROR_DIR (optional second copy, e.g. a USB stick; used only if it holds `.xephang-backup`).
 *
 * The copy is taken in ONE backup step: a single read transaction, so it is a consistent snapshot even while
 * the server writes (a WAL reader never blocks the writer), and it cannot be restarted forever by a busy writer
 * as a paged backup would be. It blocks the calling thread for the copy (~1 s per 100 MB): from the server,
 * run it in a worker or a child process (`node dist/scripts/backup.js`), or leave it to xephang-backup.timer.
 */

export {
  BACKUP_PREFIX,
  backupFileName,
  localDate,
  rotateBackups,
  SECRETS_FILE,
  selectBackupsToKeep,
} from '../server/platform/backup-files.js';

export interface BackupOptions {
  timeZone?: string;
  keepDaily?: number;
  keepMonthly?: number;
  /** Apply rotation after a successful backup (default true). */
  rotate?: boolean;
}

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
  removed: string[];
  /** Copy of the server's secrets.json (cookie and device-pairing keys) beside the backups, if it exists. */
  secrets: string | null;
}

/** Throws unless `PRAGMA integrity_check` answers exactly "ok". */
export function verifyDatabase(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (rows.length === 0 || problems.length > 0) {
      throw new Error(`integrity_check failed for ${file}: ${problems.slice(0, 5).join('; ')}`);
    }
  } finally {
    db.close();
  }
}

async function assertRoomFor(dbPath: string, destDir: string): Promise<void> {
  const needed = statSync(dbPath).size * 1.2 + 50_000_000;
  const { freeBytes } = await diskSpace(destDir);
  if (freeBytes < needed) {
    throw new Error(`not enough space in ${destDir}: ${freeBytes} bytes free, ~${Math.ceil(needed)} needed`);
  }
}

export const MIRROR_MARKER = '.xephang-backup';

/**
 * Copies a finished backup to a second disk (USB stick) and rotates there. The disk must carry the marker file
 * `.xephang-backup`: without it (stick not plugged, only the empty mount point) nothing is written and null is
 * returned, so backups never silently fill the system disk.
 */
export function mirrorBackup(
  file: string,
  mirrorDir: string,
  keepDaily = 14,
  keepMonthly = 12,
): { path: string; removed: string[] } | null {
  if (!existsSync(join(mirrorDir, MIRROR_MARKER))) return null;
  const dest = join(mirrorDir, basename(file));
  copyDurably(file, dest, { check: verifyDatabase });
  const secrets = join(dirname(file), SECRETS_FILE);
  if (existsSync(secrets)) copyDurably(secrets, join(mirrorDir, SECRETS_FILE), { mode: 0o600 });
  return { path: dest, removed: rotateBackups(mirrorDir, keepDaily, keepMonthly) };
}

/**
 * Copies `dbPath` (live, WAL) into `destDir/xephang-<local date>.db` (replacing today's), verifies it, copies
 * the server's secrets.json beside it (one current copy, mode 0600), then rotates.
 */
export async function backupDatabase(
  dbPath: string,
  destDir: string,
  now: Date = new Date(),
  options: BackupOptions = {},
): Promise<BackupResult> {
  if (!existsSync(destDir)) mkdirSync(destDir); // not recursive: a missing parent (unmounted disk) is an error
  await assertRoomFor(dbPath, destDir);
  const finalPath = join(destDir, backupFileName(now, options.timeZone));
  const partial = `${finalPath}.partial-${process.pid}`;
  const source = new Database(dbPath, { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    const meta = await source.backup(partial, { progress: () => 0x7fffffff });
    pages = meta.totalPages;
  } catch (err) {
    try {
      unlinkSync(partial);
    } catch {}
    throw err;
  } finally {
    source.close();
  }
  try {
    // A self-contained single file: no -wal/-shm beside it, safe to copy to a USB stick.
    const copy = new Database(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    verifyDatabase(partial);
    fsyncPath(partial);
    renameSync(partial, finalPath);
    fsyncPath(destDir);
  } catch (err) {
    try {
      unlinkSync(partial);
    } catch {}
    throw err;
  }
  const secretsSource = join(dirname(dbPath), SECRETS_FILE);
  const secrets = existsSync(secretsSource) ? join(destDir, SECRETS_FILE) : null;
  if (secrets) copyDurably(secretsSource, secrets, { mode: 0o600 });
  const removed =
    options.rotate === false
      ? []
      : rotateBackups(destDir, options.keepDaily ?? 14, options.keepMonthly ?? 12);
  return { path: finalPath, bytes: statSync(finalPath).size, pages, removed, secrets };
}

function argValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('usage: node dist/scripts/backup.js [--db FILE] [--dest DIR]\n');
    return 0;
  }
  const dataDir = resolve(env.XEPHANG_DATA_DIR ?? 'data');
  const dbPath = resolve(argValue(argv, '--db') ?? join(dataDir, 'xephang.db'));
  const destDir = resolve(argValue(argv, '--dest') ?? env.XEPHANG_BACKUP_DIR ?? join(dataDir, 'backups'));
  let keepDaily: number;
  let keepMonthly: number;
  let result: BackupResult;
  try {
    keepDaily = positiveInt(env.XEPHANG_BACKUP_KEEP_DAILY, 14, 'XEPHANG_BACKUP_KEEP_DAILY');
    keepMonthly = positiveInt(env.XEPHANG_BACKUP_KEEP_MONTHLY, 12, 'XEPHANG_BACKUP_KEEP_MONTHLY');
    const timeZone = env.XEPHANG_TZ || 'Asia/Ho_Chi_Minh';
    result = await backupDatabase(dbPath, destDir, new Date(), { timeZone, keepDaily, keepMonthly });
  } catch (err) {
    process.stderr.write(`Sao lưu thất bại / backup failed: ${errorText(err)}\n`);
    return 1;
  }
  const rotated = result.removed.length ? `; rotated out: ${result.removed.join(', ')}` : '';
  process.stdout.write(
    `Đã sao lưu / backed up ${dbPath} → ${result.path} (${result.bytes} bytes, integrity ok)${rotated}\n`,
  );
  const mirrorDir = env.XEPHANG_BACKUP_MIRROR_DIR;
  if (!mirrorDir) return 0;
  try {
    const mirrored = mirrorBackup(result.path, resolve(mirrorDir), keepDaily, keepMonthly);
    if (mirrored) {
      process.stdout.write(`Đã chép sang USB / copied to ${mirrored.path}\n`);
    } else {
      process.stderr.write(
        `Không thấy USB sao lưu / backup stick not present: ${join(mirrorDir, MIRROR_MARKER)} missing; ` +
          'the local backup is fine\n',
      );
    }
    return 0;
  } catch (err) {
    process.stderr.write(`Chép sang USB thất bại / copy to the backup stick failed: ${errorText(err)}\n`);
    return 1;
  }
}

/** True when this module is the process entry (argv[1] may be a symlinked path such as /opt/xephang/current/...). */
export function isEntry(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return metaUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntry(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
