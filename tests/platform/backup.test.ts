import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupDatabase,
  backupFileName,
  localDate,
  MIRROR_MARKER,
  mirrorBackup,
  selectBackupsToKeep,
  verifyDatabase,
} from '../../scripts/backup.js';

const run = promisify(execFile);

/** A separate OS process committing one row per transaction (WAL, synchronous=FULL) until killed or capped. */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000');
const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
const pad = 'x'.repeat(200);
const deadline = Date.now() + 60000;
let n = 0;
function burst() {
  for (let i = 0; i < 50; i++) { ins.run(pad + n); n++; }
  if (n === 50) process.stdout.write('STARTED\\n');
  if (Date.now() < deadline && n < 400000) setImmediate(burst); else db.close();
}
burst();
`;

function createDb(path: string, rows: number): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run('y'.repeat(200) + i);
  })();
  db.close();
}

function stats(path: string): { count: number; max: number } {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare('SELECT count(*) AS count, coalesce(max(id), 0) AS max FROM t').get() as {
      count: number;
      max: number;
    };
    return row;
  } finally {
    db.close();
  }
}

function startWriter(dbPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', WRITER, dbPath], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('writer did not start')), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('STARTED')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-backup-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('backupDatabase under a concurrent writer process', () => {
  it('produces a verified copy holding every row committed before it began', async () => {
    const dbPath = join(dir, 'xephang.db');
    const dest = join(dir, 'backups');
    mkdirSync(dest);
    createDb(dbPath, 20_000);
    const writer = await startWriter(dbPath);
    try {
      const before = stats(dbPath);
      const t0 = performance.now();
      const result = await backupDatabase(dbPath, dest, new Date('2026-05-14T03:00:00Z'));
      const ms = performance.now() - t0;
      const after = stats(dbPath);
      expect(writer.exitCode).toBeNull(); // the writer was still running throughout
      expect(after.max).toBeGreaterThan(before.max);

      expect(result.path).toBe(join(dest, 'xephang-2026-05-14.db'));
      verifyDatabase(result.path);
      const copy = stats(result.path);
      expect(copy.max).toBeGreaterThanOrEqual(before.max);
      expect(copy.count).toBe(copy.max); // no holes: a consistent snapshot
      expect(readdirSync(dest)).toEqual(['xephang-2026-05-14.db']); // single file, no -wal/-shm
      console.log(
        `[figure] online backup: ${result.bytes} bytes, ${result.pages} pages in ${ms.toFixed(0)} ms ` +
          `while a writer committed ${after.max - before.max} rows`,
      );
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('works when nobody has the database open (no -shm yet) and replaces the same day', async () => {
    const dbPath = join(dir, 'xephang.db');
    createDb(dbPath, 10);
    const now = new Date('2026-05-14T03:00:00Z');
    await backupDatabase(dbPath, dir, now);
    const db = new Database(dbPath);
    db.prepare('INSERT INTO t (v) VALUES (?)').run('later');
    db.close();
    const second = await backupDatabase(dbPath, dir, now);
    expect(stats(second.path).count).toBe(11);
  });

  it('rejects a corrupt or missing source and leaves no partial file', async () => {
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'this is not a database'.repeat(500));
    await expect(backupDatabase(bad, dir, new Date())).rejects.toThrow();
    await expect(backupDatabase(join(dir, 'missing.db'), dir, new Date())).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['bad.db']);
  });
});

describe('names and rotation', () => {
  it('names backups by local date in Vietnam (UTC+7)', () => {
    const lateEveningUtc = new Date('2026-05-14T18:30:00Z'); // 01:30 on the 15th in Hà Nội
    expect(localDate(lateEveningUtc)).toBe('2026-05-15');
    expect(backupFileName(lateEveningUtc, 'UTC')).toBe('xephang-2026-05-14.db');
  });

  it('keeps 14 daily and the newest backup of each of 12 months', () => {
    const names: string[] = ['notes.txt', 'xephang-2026-05-14.db.partial-1'];
    for (let d = 0; d < 500; d++) {
      names.push(backupFileName(new Date(Date.UTC(2026, 4, 14) - d * 86_400_000), 'UTC'));
    }
    const keep = [...selectBackupsToKeep(names, 14, 12)].sort();
    const daily = keep.filter((n) => n >= 'xephang-2026-05-01');
    expect(daily).toHaveLength(14);
    expect(keep.filter((n) => n < 'xephang-2026-05-01')).toEqual([
      'xephang-2025-06-30.db',
      'xephang-2025-07-31.db',
      'xephang-2025-08-31.db',
      'xephang-2025-09-30.db',
      'xephang-2025-10-31.db',
      'xephang-2025-11-30.db',
      'xephang-2025-12-31.db',
      'xephang-2026-01-31.db',
      'xephang-2026-02-28.db',
      'xephang-2026-03-31.db',
      'xephang-2026-04-30.db',
    ]);
  });

  it('rotation deletes only dated backups beyond the policy', async () => {
    const dbPath = join(dir, 'xephang.db');
    const dest = join(dir, 'b');
    mkdirSync(dest);
    createDb(dbPath, 1);
    writeFileSync(join(dest, 'keep-me.txt'), '');
    for (let d = 1; d <= 5; d++) writeFileSync(join(dest, `xephang-2026-05-0${d}.db`), '');
    const result = await backupDatabase(dbPath, dest, new Date('2026-05-06T03:00:00Z'), {
      keepDaily: 2,
      keepMonthly: 1,
    });
    expect(result.removed.sort()).toEqual([1, 2, 3, 4].map((d) => `xephang-2026-05-0${d}.db`));
    expect(readdirSync(dest).sort()).toEqual([
      'keep-me.txt',
      'xephang-2026-05-05.db',
      'xephang-2026-05-06.db',
    ]);
  });
});

describe('CLI: node scripts/backup.ts', () => {
  it('uses XEPHANG_DATA_DIR and XEPHANG_BACKUP_DIR, exits 0 and 1', async () => {
    createDb(join(dir, 'xephang.db'), 3);
    const env = { ...process.env, XEPHANG_DATA_DIR: dir, XEPHANG_BACKUP_DIR: join(dir, 'out') };
    mkdirSync(join(dir, 'out'));
    const ok = await run(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
      env,
      timeout: 30_000,
    });
    expect(ok.stdout).toMatch(/integrity ok/);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(1);
    const failed = run(
      process.execPath,
      ['--import', 'tsx', 'scripts/backup.ts', '--db', join(dir, 'nope.db')],
      {
        env,
        timeout: 30_000,
      },
    );
    await expect(failed).rejects.toMatchObject({ code: 1 });
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
  });
});

describe('mirror to a USB stick', () => {
  it('copies and verifies only when the stick carries the marker file', async () => {
    const dbPath = join(dir, 'xephang.db');
    createDb(dbPath, 5);
    writeFileSync(join(dir, 'secrets.json'), '{}');
    const local = await backupDatabase(dbPath, join(dir, 'local'), new Date('2026-05-14T03:00:00Z'));
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    expect(mirrorBackup(local.path, stick)).toBeNull(); // only the empty mount point: write nothing
    expect(readdirSync(stick)).toEqual([]);
    writeFileSync(join(stick, MIRROR_MARKER), '');
    const mirrored = mirrorBackup(local.path, stick);
    expect(mirrored?.path).toBe(join(stick, 'xephang-2026-05-14.db'));
    expect(readdirSync(stick).sort()).toEqual([MIRROR_MARKER, 'secrets.json', 'xephang-2026-05-14.db']);
    expect(stats(mirrored!.path).count).toBe(5);
  });

  it('the CLI reports a missing stick but keeps the local backup (exit 0)', async () => {
    createDb(join(dir, 'xephang.db'), 1);
    mkdirSync(join(dir, 'stick'));
    const env = { ...process.env, XEPHANG_DATA_DIR: dir, XEPHANG_BACKUP_MIRROR_DIR: join(dir, 'stick') };
    const result = await run(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
      env,
      timeout: 30_000,
    });
    expect(result.stderr).toMatch(/backup stick not present/);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });
});
