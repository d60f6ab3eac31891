/** GET /api/display/settings: defaults, stored values merged field by field, bad fields ignored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY_SETTINGS, type DisplaySettings } from '../../core/contracts/display.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { storeDisplaySettings } from './display-helpers.js';

let srv: TestServer;
let http: HttpClient;

beforeAll(async () => {
  srv = await startTestServer();
  http = new HttpClient(srv.url);
});
afterAll(async () => {
  await srv?.close(true);
});

describe('GET /api/display/settings', () => {
  it('answers the defaults, with "4 xin, 4 luôn", when nothing is stored', async () => {
    const r = await http.req<DisplaySettings>('GET', '/api/display/settings');
    expect(r.status).toBe(200);
    expect(r.body).toEqual(DEFAULT_DISPLAY_SETTINGS);
    expect(r.body.sloganLists[0]?.items).toContain('Luôn lắng nghe');
    expect(r.body.highlightSeconds).toBe(20);
  });

  it('merges stored values over the defaults and ignores invalid fields', async () => {
    storeDisplaySettings(srv, {
      highlightSeconds: 15,
      announcements: [{ text: 'Nghỉ lễ 2/9', from: '2026-09-01', to: '2026-09-02' }],
      recentCount: 500, // out of range → default
      sloganLists: 'not a list', // wrong type → default
      unknownField: true, // ignored
    });
    const r = await http.req<DisplaySettings & { unknownField?: boolean }>('GET', '/api/display/settings');
    expect(r.body.highlightSeconds).toBe(15);
    expect(r.body.announcements).toEqual([{ text: 'Nghỉ lễ 2/9', from: '2026-09-01', to: '2026-09-02' }]);
    expect(r.body.recentCount).toBe(DEFAULT_DISPLAY_SETTINGS.recentCount);
    expect(r.body.sloganLists).toEqual(DEFAULT_DISPLAY_SETTINGS.sloganLists);
    expect(r.body.unknownField).toBeUndefined();
  });

  it('a stored value that is not an object gives the defaults', async () => {
    storeDisplaySettings(srv, [1, 2, 3]);
    expect((await http.req('GET', '/api/display/settings')).body).toEqual(DEFAULT_DISPLAY_SETTINGS);
  });
});

describe('GET /api/display/voice', () => {
  it('answers the default voice settings, then stored valid fields', async () => {
    const first = await http.req<Record<string, unknown>>('GET', '/api/display/voice');
    expect(first.status).toBe(200);
    expect(first.body.template).toBe('Xin mời công dân có số thứ tự {số} đến quầy số {quầy}');
    const siteId = srv.x.deps.catalog.siteId;
    srv.x.db
      .prepare('INSERT OR REPLACE INTO settings (site_id, key, value_json) VALUES (?, ?, ?)')
      .run(siteId, 'voice', JSON.stringify({ repeat: 1, numberStyle: 'le', chime: 'loud' }));
    srv.x.deps.catalog.reload();
    const r = await http.req<Record<string, unknown>>('GET', '/api/display/voice');
    expect(r.body).toMatchObject({ repeat: 1, numberStyle: 'le', chime: true });
  });
});
