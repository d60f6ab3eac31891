import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { HttpClient } from '../fakes/http-client.js';
import { ServerProcess } from '../fakes/server-process.js';
import { freePort, startTestServer, tempDataDir } from '../fakes/test-server.js';

describe('numbering across local midnight (Asia/Ho_Chi_Minh)', () => {
  it('a ticket just before and one just after midnight get different days and restart at 001', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T23:59:58+07:00'));
    const s = await startTestServer({ clock });
    const k = new HttpClient(s.url);
    expect((await k.issue('HT')).body.label).toBe('A001');
    expect((await k.issue('HT')).body.label).toBe('A002');
    clock.set(Date.parse('2026-11-24T00:00:00+07:00'));
    expect((await k.issue('HT')).body.label).toBe('A001');
    const days = s.x.db.prepare('SELECT label, day FROM tickets ORDER BY id').all();
    expect(days).toEqual([
      { label: 'A001', day: '2026-11-23' },
      { label: 'A002', day: '2026-11-23' },
      { label: 'A001', day: '2026-11-24' },
    ]);
    // a clock set back across midnight continues that day's sequence: never a duplicate label
    clock.set(Date.parse('2026-11-23T23:59:59+07:00'));
    expect((await k.issue('HT')).body.label).toBe('A003');
    await s.close(true);
  });
});

describe('restart', () => {
  it('numbering continues, history and sessions survive a restart', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    let s = await startTestServer({ dataDir, port });
    const k = new HttpClient(s.url);
    const lan = new HttpClient(s.url);
    await k.issue('HT');
    await k.issue('HT');
    await lan.login('lan', '1111', 1);
    expect((await lan.counter(1, 'call-next')).body.ticket.label).toBe('A001');
    await s.close();

    s = await startTestServer({ dataDir, port });
    await new Promise((r) => setTimeout(r, 50)); // let the client pool see the old sockets close
    expect((await new HttpClient(s.url).issue('HT')).body.label).toBe('A003');
    // same cookie, still logged in at counter 1, still serving A001
    const again = Object.assign(new HttpClient(s.url), { cookie: lan.cookie, csrf: lan.csrf });
    expect((await again.counter(1, 'finish')).body.ticket.label).toBe('A001');
    const types = s.x.db.prepare('SELECT type FROM events WHERE ticket_id = 1 ORDER BY id').all() as {
      type: string;
    }[];
    expect(types.map((t) => t.type)).toEqual(['issued', 'called', 'started', 'finished']);
    await s.close(true);
  });
});

describe('kill -9', () => {
  const procs: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of procs) await p.kill9();
  });

  it('every acknowledged ticket survives SIGKILL and no label is ever duplicated', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const acked: string[] = [];
    for (let round = 0; round < 3; round++) {
      const p = new ServerProcess(port, dataDir, {}, 'dist');
      procs.push(p);
      await p.start();
      const k = new HttpClient(p.url);
      // fire requests continuously and kill the process once some have been acknowledged
      const inflight: Promise<void>[] = [];
      let ackedThisRound = 0;
      for (let i = 0; i < 200 && p.child?.exitCode === null && p.child.signalCode === null; i++) {
        inflight.push(
          k.issue(i % 2 ? 'HT' : 'CT').then(
            (r) => {
              if (r.status === 201) {
                acked.push(r.body.label);
                ackedThisRound++;
              }
            },
            () => undefined,
          ),
        );
        if (ackedThisRound >= 5) void p.kill9();
        await new Promise((r) => setTimeout(r, 2));
      }
      await Promise.all(inflight);
      await p.kill9();
    }
    const db = new Database(join(dataDir, 'xephang.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT label, seq, service FROM tickets ORDER BY id').all() as {
      label: string;
      seq: number;
      service: string;
    }[];
    const labels = rows.map((r) => r.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const a of acked) expect(labels).toContain(a);
    for (const svc of ['HT', 'CT']) {
      const seqs = rows.filter((r) => r.service === svc).map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // gapless
    }
    expect(acked.length).toBeGreaterThan(0);
    db.close();
  }, 120_000);
});

describe('graceful shutdown (SIGTERM)', () => {
  it('finishes in-flight requests, exits 0 and closes the database cleanly', async () => {
    const dataDir = tempDataDir();
    const p = new ServerProcess(await freePort(), dataDir, {}, 'dist');
    await p.start();
    const k = new HttpClient(p.url);
    const results = Array.from({ length: 30 }, () =>
      k.issue('HT').then(
        (r) => r.status,
        () => 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise<number | null>((resolve) => p.child!.once('exit', (code) => resolve(code)));
    p.child!.kill('SIGTERM');
    expect(await exited, p.output.slice(-2000)).toBe(0);
    const statuses = await Promise.all(results);
    expect(statuses.every((st) => st === 201 || st === 503 || st === 0)).toBe(true);
    const wal = join(dataDir, 'xephang.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(join(dataDir, 'xephang.db'), { readonly: true });
    const n = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    expect(n).toBe(statuses.filter((st) => st === 201).length);
    db.close();
  }, 60_000);
});
