import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeConsoleApi, refusal } from '../../test/fake-console-api.js';
import { fakeConsole, MemoryStore } from '../../test/helpers.js';
import { COUNTER_KEY } from '../rules/counter-memory.js';
import { vi as vi_ } from '../../i18n/vi.js';
import { ServerClock } from './clock.svelte.js';
import type { ConsoleApp } from './console-app.svelte.js';
import { DeskState } from './desk.svelte.js';
import { NoticeState } from './notices.svelte.js';

let running: ConsoleApp | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

async function loggedIn(api = new FakeConsoleApi()) {
  const c = fakeConsole({ api });
  running = c.app;
  await c.app.start();
  expect(c.app.session.phase).toBe('loggedOut');
  expect(await c.app.session.login('lan', '1111', 2)).toBe(true);
  await vi.waitFor(() => expect(c.app.desk?.loaded).toBe(true));
  return { ...c, desk: c.app.desk! };
}

describe('console state: a morning at counter 2', () => {
  it('logged out → logged in → calling → serving → finished (rating prompt) with a dossier code', async () => {
    const { app, api, desk, store } = await loggedIn();
    expect(store.getItem(COUNTER_KEY)).toBe('2');
    expect(desk.phase).toBe('idle');
    expect(desk.waiting.map((w) => w.label)).toEqual(['A001', 'B001', 'A002']);
    expect(desk.can('callNext') && !desk.can('finish')).toBe(true);

    expect(await desk.callNext()).toBe(true);
    expect(desk.phase).toBe('called');
    expect(desk.current?.label).toBe('A001');
    expect(app.notices.last).toMatchObject({ kind: 'ok', text: 'Đã gọi số A001.' });
    expect(desk.focusRequest?.action).toBe('start');
    expect(await desk.recall()).toBe(true);
    expect(desk.current?.recalls).toBe(1);

    expect(await desk.start()).toBe(true);
    expect(desk.phase).toBe('serving');
    expect(desk.can('recall') || desk.can('noShow') || desk.can('callNext')).toBe(false);

    desk.dossierCode = '  HS-2026-001 ';
    expect(await desk.finish()).toBe(true);
    expect(api.finishedBodies).toEqual([{ dossierCode: 'HS-2026-001' }]);
    expect(desk.phase).toBe('idle');
    expect(desk.ratingPrompt).toBe('A001');
    expect(desk.dossierCode).toBe('');
    expect(desk.today?.served).toBe(1);
    expect(app.notices.last?.text).toContain('Mời công dân đánh giá');
    expect(desk.focusRequest?.action).toBe('callNext');

    await desk.callNext();
    expect(desk.ratingPrompt).toBeNull();
  });

  it('a double click never calls two tickets', async () => {
    const { api, desk } = await loggedIn();
    api.hold();
    const first = desk.callNext();
    const second = desk.callNext();
    expect(desk.busy).toBe('callNext');
    expect(desk.can('callNext')).toBe(false);
    api.release();
    expect(await second).toBe(false);
    expect(await first).toBe(true);
    expect(api.log.filter((l) => l.startsWith('command'))).toEqual(['command call-next']);
    expect(desk.current?.label).toBe('A001');
  });

  it('says "done" only when the desk can act again, so a key pressed on reading it is not dropped', async () => {
    const { app, desk } = await loggedIn();
    const seen: Array<{ text: string; busy: string | null }> = [];
    const ok = app.notices.ok.bind(app.notices);
    app.notices.ok = (text: string) => {
      seen.push({ text, busy: desk.busy });
      ok(text);
    };
    await desk.callNext();
    expect(await desk.recall()).toBe(true);
    expect(seen.map((s) => s.busy)).toEqual([null, null]);
    expect(await desk.noShow()).toBe(true);
    expect(desk.noShows.map((n) => n.label)).toEqual(['A001']);
  });

  it("shows the server's Vietnamese refusal and keeps working", async () => {
    const api = new FakeConsoleApi();
    api.waitingQueue = [];
    const { app, desk } = await loggedIn(api);
    expect(await desk.callNext()).toBe(false);
    expect(app.notices.last).toMatchObject({
      kind: 'error',
      code: 'QUEUE_EMPTY',
      text: 'Chưa có công dân chờ.',
    });
    expect(desk.busy).toBeNull();
    expect(app.session.phase).toBe('loggedIn');
  });

  it('an expired session sends the official back to the login screen with the reason', async () => {
    const { app, api, desk } = await loggedIn();
    api.failNext.command = refusal('SESSION_EXPIRED', 401);
    expect(await desk.callNext()).toBe(false);
    expect(app.session.phase).toBe('loggedOut');
    expect(app.session.exitReason?.message).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    expect(app.desk).toBeNull();
  });

  it('pause with a reason blocks calling until resume', async () => {
    const { api, desk } = await loggedIn();
    expect(await desk.pause('Họp')).toBe(true);
    expect(api.log).toContain('pause Họp');
    expect(desk.phase).toBe('paused');
    expect(desk.can('callNext')).toBe(false);
    expect(await desk.callNext()).toBe(false);
    expect(api.log.filter((l) => l.startsWith('command'))).toEqual([]);
    expect(desk.focusRequest?.action).toBe('resume');
    expect(await desk.resume()).toBe(true);
    expect(desk.phase).toBe('idle');
  });

  it('no-show goes to the list and can be returned to the queue; transfer frees the counter', async () => {
    const { app, desk } = await loggedIn();
    await desk.callNext();
    expect(await desk.noShow()).toBe(true);
    expect(desk.noShows.map((n) => n.label)).toEqual(['A001']);
    expect(await desk.returnTicket(desk.noShows[0]!.id)).toBe(true);
    expect(app.notices.last?.text).toBe('Số A001 đã được đưa lại vào hàng chờ.');
    expect(desk.waiting.map((w) => w.label)).toContain('A001');
    await desk.callNext();
    expect(await desk.transfer({ service: 'CT' }, 'Hồ sơ thuộc lĩnh vực khác', 'Chứng thực')).toBe(true);
    expect(app.notices.last?.text).toBe('Đã chuyển số B001 đến Chứng thực.');
    expect(desk.phase).toBe('idle');
  });
});

describe('console state: answers out of order', () => {
  it("an action's own refresh applies even when a live refresh started after it", async () => {
    const api = new FakeConsoleApi();
    await api.login({ username: 'lan', pin: '1111', counter: 2 });
    const gates: Array<() => void> = [];
    let gating = false;
    const real = api.current.bind(api);
    api.current = async (n) => {
      const answer = await real(n);
      if (gating) await new Promise<void>((r) => gates.push(r));
      return answer;
    };
    const desk = new DeskState(2, {
      api,
      notices: new NoticeState(),
      clock: new ServerClock(),
      t: () => vi_,
      onSessionLost: () => {},
    });
    await desk.refresh();
    gating = true;
    const action = desk.callNext(); // its refresh waits at gate 0
    await vi.waitFor(() => expect(gates.length).toBe(1));
    const live = desk.refresh(); // a socket event's refresh, asked later, waits at gate 1
    await vi.waitFor(() => expect(gates.length).toBe(2));
    gates[0]!();
    expect(await action).toBe(true);
    expect(desk.current?.label).toBe('A001');
    expect(desk.focusRequest?.action).toBe('start');
    gates[1]!();
    await live;
    expect(desk.current?.label).toBe('A001');
  });

  it('an older answer arriving last is dropped', async () => {
    const api = new FakeConsoleApi();
    await api.login({ username: 'lan', pin: '1111', counter: 2 });
    const gates: Array<() => void> = [];
    let gateNext = false;
    const real = api.current.bind(api);
    api.current = async (n) => {
      const answer = await real(n);
      if (gateNext) {
        gateNext = false;
        await new Promise<void>((r) => gates.push(r));
      }
      return answer;
    };
    const desk = new DeskState(2, {
      api,
      notices: new NoticeState(),
      clock: new ServerClock(),
      t: () => vi_,
      onSessionLost: () => {},
    });
    gateNext = true;
    const stale = desk.refresh(); // asked while idle, answers last
    expect(await desk.callNext()).toBe(true);
    gates[0]!();
    await stale;
    expect(desk.current?.label).toBe('A001');
  });
});

describe('console state: session and live connection', () => {
  it('finds the session again after a reload (no login form)', async () => {
    const api = new FakeConsoleApi();
    await api.login({ username: 'lan', pin: '1111', counter: 2 });
    const { app } = fakeConsole({ api });
    running = app;
    await app.start();
    expect(app.session.phase).toBe('loggedIn');
    await vi.waitFor(() => expect(app.desk?.loaded).toBe(true));
  });

  it('remembers the counter per device and explains an occupied counter', async () => {
    const store = new MemoryStore();
    store.setItem(COUNTER_KEY, '2');
    const { app, api } = fakeConsole({ store });
    running = app;
    await app.start();
    expect(app.session.remembered).toBe(2);
    expect(await app.session.login('lan', '1111', 1)).toBe(false);
    expect(app.session.loginError?.code).toBe('COUNTER_OCCUPIED');
    expect(app.session.loginError?.message).toContain('Trần Văn Minh');
    expect(await app.session.login('lan', '1111', 1, true)).toBe(true);
    expect(api.log).toContain('login lan 1 takeover');
  });

  it('refuses an empty form without asking the server', async () => {
    const { app, api } = fakeConsole();
    running = app;
    await app.start();
    expect(await app.session.login(' ', '', 2)).toBe(false);
    expect(app.session.loginError?.code).toBe('MISSING_FIELDS');
    expect(api.log.some((l) => l.startsWith('login'))).toBe(false);
  });

  it('goes offline on disconnect and resyncs on reconnect', async () => {
    const { app, api, socket, desk } = await loggedIn();
    socket().emit('connect');
    expect(app.live.online).toBe(true);
    socket().emit('disconnect');
    expect(app.live.online).toBe(false);
    api.waitingQueue = api.waitingQueue.slice(1);
    socket().emit('connect');
    expect(app.notices.last?.text).toBe('Đã kết nối lại. Dữ liệu đã được cập nhật.');
    await vi.waitFor(() => expect(desk.waiting.map((w) => w.label)).toEqual(['B001', 'A002']));
  });

  it('refreshes on live events and notices when an admin takes the counter over', async () => {
    const { app, api, socket, desk } = await loggedIn();
    api.waitingQueue = [];
    socket().emit('queue:waiting', { services: {} });
    await vi.waitFor(() => expect(desk.waiting).toEqual([]));
    api.session = null;
    socket().emit('counter:changed', {
      number: 2,
      name: 'Quầy 2',
      services: [],
      official: { id: 1, displayName: 'Quản trị viên' },
      paused: null,
      current: null,
    });
    await vi.waitFor(() => expect(app.session.phase).toBe('loggedOut'));
  });

  it('logs out', async () => {
    const { app, api } = await loggedIn();
    await app.session.logout();
    expect(api.log).toContain('logout');
    expect(app.session.phase).toBe('loggedOut');
    expect(app.session.exitReason?.code).toBe('LOGGED_OUT');
  });
});
