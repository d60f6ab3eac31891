import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/open.js';

/**
 * A consistent online copy of the live database for download: SQLite's backup API on the server's
 * own connection (better-sqlite3 `db.backup`, copied in steps between which the event loop runs;
 * writes made meanwhile by this connection are carried into the copy, so it is one consistent
 * snapshot at its end). The copy is a single self-contained file (journal mode DELETE).
 */
export async function backupToTempFile(db: Db, dataDir: string): Promise<string> {
  const dir = join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `download-${randomBytes(6).toString('hex')}.db`);
  try {
    await db.backup(file);
    const copy = new Database(file, { fileMustExist: true });
    try {
      // no integrity check here: it would hold the event loop ~2 ms per MB (the nightly backup
      // script checks its copies in its own process)
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return file;
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
}

/** File name of a download: xephang-backup-2026-11-23-1745.db (local time). */
export function backupDownloadName(now: number, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(now))
      .map((x) => [x.type, x.value]),
  );
  return `xephang-backup-${p.year}-${p.month}-${p.day}-${p.hour}${p.minute}.db`;
}
