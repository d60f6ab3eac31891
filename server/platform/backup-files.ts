import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * File-level helpers for database backups: names by local date, rotation (daily + monthly), durable copies.
 * Used by scripts/backup.ts and scripts/restore.ts; no SQLite here.
 */

export const BACKUP_PREFIX = 'xephang-';
const BACKUP_NAME = /^xephang-(\d{4})-(\d{2})-(\d{2})\.db$/;

/** The server's generated keys (cookie signing, device pairing), kept beside the database. */
export const SECRETS_FILE = 'secrets.json';

/** YYYY-MM-DD of `now` in `timeZone`. */
export function localDate(now: Date, timeZone = 'Asia/Ho_Chi_Minh'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function backupFileName(now: Date, timeZone?: string): string {
  return `${BACKUP_PREFIX}${localDate(now, timeZone)}.db`;
}

/**
 * Names to keep among backup file names: the newest `keepDaily` dates, plus the newest backup of each of the
 * newest `keepMonthly` months. Names that are not `xephang-YYYY-MM-DD.db` are never touched.
 */
export function selectBackupsToKeep(
  names: readonly string[],
  keepDaily: number,
  keepMonthly: number,
): Set<string> {
  const dated = names.filter((n) => BACKUP_NAME.test(n)).sort((a, b) => b.localeCompare(a));
  const keep = new Set(dated.slice(0, Math.max(0, keepDaily)));
  const months = new Set<string>();
  for (const name of dated) {
    const month = name.slice(BACKUP_PREFIX.length, BACKUP_PREFIX.length + 7);
    if (months.has(month) || months.size >= keepMonthly) continue;
    months.add(month);
    keep.add(name);
  }
  return keep;
}

/** Deletes the dated backups in `dir` that the policy does not keep; returns their names. */
export function rotateBackups(dir: string, keepDaily: number, keepMonthly: number): string[] {
  const names = readdirSync(dir);
  const keep = selectBackupsToKeep(names, keepDaily, keepMonthly);
  const removed = names.filter((n) => BACKUP_NAME.test(n) && !keep.has(n));
  for (const name of removed) unlinkSync(join(dir, name));
  return removed;
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies `from` to `to` so that a crash leaves either the old `to` or the complete new one: temporary file,
 * optional check (throws to abort), fsync, rename, fsync of the directory.
 */
export function copyDurably(
  from: string,
  to: string,
  options: { mode?: number; check?: (tmp: string) => void } = {},
) {
  const partial = `${to}.partial-${process.pid}`;
  try {
    copyFileSync(from, partial);
    if (options.mode !== undefined) chmodSync(partial, options.mode);
    options.check?.(partial);
    fsyncPath(partial);
    renameSync(partial, to);
    fsyncPath(dirname(to));
  } catch (err) {
    if (existsSync(partial)) unlinkSync(partial);
    throw err;
  }
}
