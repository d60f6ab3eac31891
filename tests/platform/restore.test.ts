import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../scripts/backup.js';
import { main, processesUsingFiles, restoreDatabase } from '../../scripts/restore.js';

let dir: string;
let backupFile: string;

function makeDb(path: string, values: string[]): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  for (const v of values) db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
  db.close();
}

function values(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT v FROM t ORDER BY id').all() as { v: string }[]).map((r) => r.v);
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-restore-'));
  mkdirSync(join(dir, 'live'));
  mkdirSync(join(dir, 'backups'));
  makeDb(join(dir, 'live', 'xephang.db'), ['Nguyễn Văn A', 'Trần Thị B']);
  backupFile = (await backupDatabase(join(dir, 'live', 'xephang.db'), join(dir, 'backups'), new Date())).path;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('restoreDatabase', () => {
  it('restores into a fresh data directory; the server can open it in WAL mode', () => {
    const fresh = join(dir, 'fresh');
    mkdirSync(fresh);
    const result = restoreDatabase(backupFile, fresh);
    expect(result).toEqual({ target: join(fresh, 'xephang.db'), movedAside: [], secrets: null });
    const db = new Database(result.target);
    expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
    db.close();
    expect(values(result.target)).toEqual(['Nguyễn Văn A', 'Trần Thị B']);
    expect(readdirSync(fresh).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('refuses to overwrite an existing database without force, and moves it aside with force', () => {
    const target = join(dir, 'target');
    mkdirSync(target);
    makeDb(join(target, 'xephang.db'), ['newer']);
    writeFileSync(join(target, 'xephang.db-wal'), ''); // a stale WAL must not be paired with the restored db
    expect(() => restoreDatabase(backupFile, target)).toThrow(/--force/);
    expect(values(join(target, 'xephang.db'))).toEqual(['newer']);

    const now = new Date('2026-05-14T03:04:05Z');
    const result = restoreDatabase(backupFile, target, { force: true, now });
    const aside = join(target, 'xephang.db.before-restore-20260514T030405');
    expect(result.movedAside[0]).toBe(aside);
    expect(result.movedAside).toContain(`${aside}-wal`);
    expect(existsSync(join(target, 'xephang.db-wal'))).toBe(false);
    expect(values(join(target, 'xephang.db'))).toEqual(['Nguyễn Văn A', 'Trần Thị B']);
    expect(values(aside)).toEqual(['newer']);
  });

  it('refuses a corrupt backup before touching the target', () => {
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'garbage'.repeat(1000));
    const target = join(dir, 'target');
    mkdirSync(target);
    expect(() => restoreDatabase(bad, target, { force: true })).toThrow();
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses, even with --force, while another process holds the database open', async () => {
    const live = join(dir, 'live', 'xephang.db');
    const holder = spawn(
      'python3',
      ['-c', 'import sys,time; f=open(sys.argv[1],"rb"); print("OPEN",flush=True); time.sleep(30)', live],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('holder did not start')), 10_000);
        holder.stdout.on('data', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      expect(processesUsingFiles([live])).toContain(holder.pid);
      expect(() => restoreDatabase(backupFile, join(dir, 'live'), { force: true })).toThrow(
        /in use.*stop the server/,
      );
      expect(values(live)).toEqual(['Nguyễn Văn A', 'Trần Thị B']);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('the server secrets travel with the backup', () => {
  it('backup copies secrets.json (0600); restore brings it back and moves a different one aside', async () => {
    const live = join(dir, 'live');
    writeFileSync(join(live, 'secrets.json'), '{"cookieSecret":"old-box"}');
    const result = await backupDatabase(join(live, 'xephang.db'), join(dir, 'backups'), new Date());
    expect(result.secrets).toBe(join(dir, 'backups', 'secrets.json'));
    expect(statSync(result.secrets!).mode & 0o777).toBe(0o600);

    const newBox = join(dir, 'new-box');
    mkdirSync(newBox);
    makeDb(join(newBox, 'xephang.db'), []);
    writeFileSync(join(newBox, 'secrets.json'), '{"cookieSecret":"new-box"}');
    const now = new Date('2026-05-14T03:04:05Z');
    const restored = restoreDatabase(result.path, newBox, { force: true, now });
    expect(restored.secrets).toBe(join(newBox, 'secrets.json'));
    expect(readFileSync(join(newBox, 'secrets.json'), 'utf8')).toBe('{"cookieSecret":"old-box"}');
    expect(readFileSync(join(newBox, 'secrets.json.before-restore-20260514T030405'), 'utf8')).toContain(
      'new-box',
    );
    expect(restored.movedAside).toContain(join(newBox, 'secrets.json.before-restore-20260514T030405'));
  });
});

describe('restore CLI main()', () => {
  it('exits 2 on bad usage, 1 on refusal, 0 on success', () => {
    const target = join(dir, 'cli');
    mkdirSync(target);
    expect(main([], {})).toBe(2);
    expect(main([backupFile, '--data-dir', target], {})).toBe(0);
    expect(main([backupFile], { XEPHANG_DATA_DIR: target })).toBe(1);
    expect(main([backupFile, '--force'], { XEPHANG_DATA_DIR: target })).toBe(0);
  });
});
