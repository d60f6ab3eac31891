import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

type Body = Record<string, unknown> & { code?: string };
const DAY = 86_400_000;

describe('admin: retention, officials’ data, voice segments, lockout, audit of device changes', () => {
  let s: TestServer;
  let admin: HttpClient;
  const clock = new ManualClock(Date.parse('2026-01-05T09:00:00+07:00'));
  beforeAll(async () => {
    s = await startTestServer({ clock });
    admin = new HttpClient(s.url);
    await admin.login(DEMO.admin.username, DEMO.admin.pin);
  });
  afterAll(async () => {
    await s.close(true);
  });

  const count = (sql: string) => (s.x.db.prepare(sql).get() as { n: number }).n;

  it('retention deletes whole old days of visits and ratings, keeps recent ones and unlinks kept ratings', async () => {
    const lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 1);
    const old = (await new HttpClient(s.url).issue('HT')).body;
    await lan.counter(1, 'call-next');
    await lan.counter(1, 'finish');
    s.x.db
      .prepare(
        "INSERT INTO ratings (site_id, at, level, scale_size, ticket_id, counter, official_id, service, source, device_id) VALUES ('main', ?, 1, 4, ?, 1, 1, 'HT', 'box', 'box-1')",
      )
      .run(clock.now(), old.id);
    clock.advance(40 * DAY);
    await admin.login(DEMO.admin.username, DEMO.admin.pin); // the session expired meanwhile
    const recent = (await new HttpClient(s.url).issue('HT')).body;
    expect(
      (await admin.req('PUT', '/api/admin/settings/retention', { visitsDays: 31, ratingsDays: 60 })).status,
    ).toBe(200);
    expect(
      (await admin.req<Body>('PUT', '/api/admin/settings/retention', { visitsDays: 5, ratingsDays: 60 })).body
        .code,
    ).toBe('VALIDATION_FAILED');
    const run = await admin.req<Body>('POST', '/api/admin/retention/run');
    expect(run.body).toMatchObject({ tickets: 1, ratings: 0 });
    expect(Number(run.body.events)).toBeGreaterThanOrEqual(3);
    expect(count(`SELECT COUNT(*) AS n FROM tickets WHERE id = ${old.id}`)).toBe(0);
    expect(count(`SELECT COUNT(*) AS n FROM tickets WHERE id = ${recent.id}`)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM events WHERE ticket_id = ${old.id}`)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM ratings WHERE ticket_id IS NULL AND level = 1')).toBe(1);
    await admin.req('PUT', '/api/admin/settings/retention', { visitsDays: 31, ratingsDays: 31 });
    expect((await admin.req<Body>('POST', '/api/admin/retention/run')).body).toMatchObject({
      tickets: 0,
      ratings: 1,
    });
    const audit = await admin.req<{ entries: Body[] }>('GET', '/api/admin/audit?limit=5');
    expect(audit.body.entries.find((e) => e.action === 'retention.run')?.officialName).toBeNull();
  });

  it('exports everything about an official (never the PIN hash) and anonymises on request', async () => {
    const made = await admin.req<Body>('POST', '/api/admin/officials', {
      username: 'hoa',
      displayName: 'Trần Thị Hoa',
      agency: 'BHXH',
      role: 'official',
      pin: '8642',
    });
    const id = Number(made.body.id);
    const hoa = new HttpClient(s.url);
    await hoa.login('hoa', '8642', 2);
    const exp = await admin.req<Body & { official: Body; sessions: Body[] }>(
      'GET',
      `/api/admin/officials/${id}/export`,
    );
    expect(exp.body.official).toMatchObject({ username: 'hoa', displayName: 'Trần Thị Hoa' });
    expect(exp.body.sessions).toHaveLength(1);
    expect(JSON.stringify(exp.body)).not.toMatch(/scrypt|pin_hash|8642/);
    const anon = await admin.req<Body>('POST', `/api/admin/officials/${id}/anonymise`);
    expect(anon.body).toMatchObject({ active: false, displayName: `Cán bộ #${id} (đã ẩn danh)` });
    expect((await hoa.req<Body>('GET', '/api/sessions/current')).body.code).toBe('SESSION_EXPIRED');
    expect((await new HttpClient(s.url).login('hoa', '8642', 2)).status).toBe(401);
    const rows = s.x.db
      .prepare(`SELECT before_json, after_json FROM audit WHERE target = 'official:${id}'`)
      .all();
    expect(JSON.stringify(rows)).not.toContain('Trần Thị Hoa');
  });

  it('replaces a voice segment with an upload, serves it in the manifest, and reverts', async () => {
    const ogg = readFileSync(join(import.meta.dirname, '../../voice/segments/vi/chime.ogg'));
    const put = (body: Buffer, type: string) =>
      fetch(`${s.url}/api/admin/voice/segments/chime?durationMs=1300`, {
        method: 'PUT',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': type },
        body: new Uint8Array(body),
      });
    expect((await put(Buffer.from('not audio at all, really not'), 'audio/ogg')).status).toBe(415);
    expect((await put(ogg, 'text/plain')).status).toBe(415);
    const res = await put(ogg, 'audio/ogg');
    expect(res.status).toBe(200);
    const seg = (await res.json()) as { url: string; replaced: boolean };
    expect(seg.replaced).toBe(true);
    const manifest = (await (await fetch(`${s.url}/voice/vi/manifest.json`)).json()) as {
      segments: Record<string, { file: string; durationMs: number }>;
    };
    expect(manifest.segments.chime).toMatchObject({ durationMs: 1300 });
    expect(seg.url).toBe(`/voice/vi/${manifest.segments.chime!.file}`);
    const served = await fetch(s.url + seg.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(ogg)).toBe(true);
    expect((await fetch(`${s.url}/voice/vi/chime.ogg`)).status).toBe(200);
    expect((await admin.req('DELETE', '/api/admin/voice/segments/chime')).status).toBe(204);
    const back = (await (await fetch(`${s.url}/voice/vi/manifest.json`)).json()) as typeof manifest;
    expect(back.segments.chime?.file).toBe('chime.ogg');
  });

  it('the lockout numbers are settings', async () => {
    await admin.req('PUT', '/api/admin/settings/security', { maxFailedLogins: 3, lockMinutes: 2 });
    const c = new HttpClient(s.url);
    for (let i = 0; i < 3; i++)
      await c.req('POST', '/api/sessions', { username: 'thu', pin: '0000', counter: 4 });
    expect(
      (await c.req<Body>('POST', '/api/sessions', { username: 'thu', pin: '4444', counter: 4 })).body,
    ).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { minutes: 2 },
    });
    clock.advance(2 * 60_000 + 1);
    expect((await c.login('thu', '4444', 4)).status).toBe(201);
  });

  it('device changes made through /api/devices are audited too', async () => {
    const body = { kind: 'printer', name: 'Máy in sảnh', config: { uri: 'none' } };
    expect((await admin.req('PUT', '/api/devices/printer', body)).status).toBe(200);
    const audit = await admin.req<{ entries: Body[] }>('GET', '/api/admin/audit?limit=3');
    expect(audit.body.entries[0]).toMatchObject({
      action: 'device.put',
      target: 'device:printer',
      after: body,
    });
  });
});
