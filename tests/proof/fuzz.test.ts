import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/domain/errors.js';
import { HttpClient } from '../fakes/http-client.js';
import { type Prng, prng } from '../fakes/prng.js';
import { connectSocket } from '../fakes/socket-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * A bounded, deterministic fuzzer over every /api route (issue 11): malformed JSON, wrong types,
 * huge bodies, deep nesting, invalid Unicode, SQL and HTML payloads, odd path parameters, as an
 * anonymous client, an official and an admin. Zero 5xx, zero crashes, every refusal carries a stable
 * code, and nothing invalid reaches the database. XEPHANG_FUZZ_REQUESTS raises the count (long run).
 */
const SEED = Number(process.env.XEPHANG_FUZZ_SEED ?? 20261122);
const COUNT = Number(process.env.XEPHANG_FUZZ_REQUESTS ?? 10_000);

const NASTY = [
  "'; DROP TABLE tickets; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\uD800',
  'Ủy ban nhân dân xã Đông Hòa',
  '../../etc/passwd',
  '%00%ff',
  '{{7*7}}',
  'A001',
  'HT',
  '   ',
  '',
  'x'.repeat(5000),
];

function value(r: Prng, depth = 0): unknown {
  switch (r.int(depth > 3 ? 6 : 9)) {
    case 0:
      return r.pick(NASTY);
    case 1:
      return r.pick([0, -1, 1, 2, 1e308, -1e308, 2 ** 53, 3.14, Number.MAX_SAFE_INTEGER]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return r.pick(['HT', 'CT', 'DD', 'XH', 'elderly', 'break', 'lan', '1111', 'A001']);
    case 4:
      return r.int(1000);
    case 5:
      return String.fromCharCode(...Array.from({ length: r.int(40) }, () => r.int(0xffff)));
    case 6:
      return Array.from({ length: r.int(5) }, () => value(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(5) }, () => [
          r.pick([
            'service',
            'priority',
            'requestId',
            'reason',
            'ticket',
            'counter',
            'username',
            'pin',
            'dossierCode',
            '__proto__',
            'constructor',
            'level',
            'code',
          ]),
          value(r, depth + 1),
        ]),
      );
  }
}

function body(r: Prng): { payload?: string | Buffer; contentType?: string } {
  switch (r.int(10)) {
    case 0:
      return {};
    case 1:
      return { payload: '{"service": "HT", ', contentType: 'application/json' };
    case 2:
      return { payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' };
    case 3:
      return { payload: JSON.stringify({ service: 'x'.repeat(70_000) }), contentType: 'application/json' };
    case 4:
      return {
        payload: Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        contentType: 'application/json',
      };
    case 5:
      return { payload: 'service=HT', contentType: 'application/x-www-form-urlencoded' };
    case 6:
      return { payload: '<xml/>', contentType: 'text/plain' };
    default:
      return { payload: JSON.stringify(value(r)), contentType: 'application/json' };
  }
}

/** Percent-encodes, or sends invalid UTF-8 percent escapes when the text has a lone surrogate. */
function enc(v: unknown): string {
  try {
    return encodeURIComponent(String(v));
  } catch {
    return '%ED%A0%80';
  }
}

function fillPath(url: string, r: Prng): string {
  return url.replace(/:(\w+)/g, () =>
    enc(
      r.pick([
        1,
        2,
        3,
        4,
        0,
        -1,
        99999,
        '1e3',
        'abc',
        "1' OR 1=1",
        '%',
        'A001',
        'ÿ',
        '\uD800',
        'x'.repeat(300),
      ]),
    ),
  );
}

describe('fuzzing the API', () => {
  let s: TestServer;
  const users: Array<{ cookie: string; csrf: string }> = [{ cookie: '', csrf: '' }];
  beforeAll(async () => {
    s = await startTestServer();
    for (const [u, pin, counter] of [
      ['lan', '1111', 1],
      ['admin', '9999', undefined],
      ['chutich', '5555', undefined],
    ] as const) {
      const c = new HttpClient(s.url);
      await c.login(u, pin, counter);
      users.push({ cookie: c.cookie, csrf: c.csrf });
    }
  });
  afterAll(async () => {
    await s.close(true);
  });

  it(`${COUNT} random requests: no 5xx, every refusal has a stable code`, async () => {
    const r = prng(SEED);
    const routes = s.x.routes.filter((x) => x.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(10);
    const codes = new Set<string>(ERROR_CODES);
    const problems: string[] = [];
    const byStatus = new Map<number, number>();
    for (let i = 0; i < COUNT; i++) {
      const route = r.pick(routes);
      const user = r.pick(users);
      const { payload, contentType } = body(r);
      const headers: Record<string, string> = {};
      if (contentType) headers['content-type'] = contentType;
      if (user.cookie) headers.cookie = user.cookie;
      if (user.csrf && r.int(4) > 0) headers['x-csrf-token'] = user.csrf;
      if (r.int(5) === 0) headers['accept-language'] = 'en';
      const url = fillPath(route.url, r) + (r.int(6) === 0 ? `?from=${enc(value(r))}&x=<b>` : '');
      const res: LightMyRequestResponse = await s.x.app.inject({
        method: route.method as 'GET',
        url,
        headers,
        ...(payload !== undefined && route.method !== 'GET' ? { payload } : {}),
      });
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500)
        problems.push(`${res.statusCode} ${route.method} ${url}: ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400 && String(res.headers['content-type'] ?? '').includes('json')) {
        const code = (JSON.parse(res.body) as { code?: string }).code;
        if (!code || !codes.has(code))
          problems.push(
            `no stable code: ${res.statusCode} ${route.method} ${url}: ${res.body.slice(0, 200)}`,
          );
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect([...byStatus.keys()].every((st) => st < 500)).toBe(true);
  });

  it('random socket events do not hurt the server', async () => {
    const r = prng(SEED + 1);
    const sock = connectSocket(s.url, '/display');
    await sock.next('queue:snapshot');
    for (let i = 0; i < 500; i++) {
      (sock.socket as unknown as { emit: (n: string, v: unknown) => void }).emit(
        r.pick(['ticket:called', 'x', '__proto__', 'queue:snapshot', 'a'.repeat(100)]),
        value(r),
      );
    }
    sock.socket.close();
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });

  it('nothing invalid reached the database', () => {
    const db = s.x.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const services = new Set(
      (db.prepare('SELECT code FROM services').all() as { code: string }[]).map((x) => x.code),
    );
    const tickets = db.prepare('SELECT label, service, priority FROM tickets').all() as Array<{
      label: string;
      service: string;
      priority: string | null;
    }>;
    for (const t of tickets) {
      expect(t.label).toMatch(/^[A-Z]{1,2}\d{3,4}$/);
      expect(services.has(t.service)).toBe(true);
    }
    const reasons = db
      .prepare("SELECT data_json FROM events WHERE type IN ('cancelled','paused','transferred')")
      .all() as { data_json: string }[];
    for (const e of reasons) expect(() => JSON.parse(e.data_json)).not.toThrow();
  });
});
