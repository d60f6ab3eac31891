import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { SOCKET_RECONNECT } from '../../core/contracts/events.js';
import type { QueueSnapshot } from '../../core/contracts/queue.js';
import { HttpClient } from '../fakes/http-client.js';
import { freePort, startTestServer, tempDataDir } from '../fakes/test-server.js';

/** Issue 11: 80 clients reconnecting at once after a server restart all resync within 5 s. */
describe('clients after a server restart', () => {
  it('80 Socket.IO clients all get a fresh snapshot within 5 s, showing the true state', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    let s = await startTestServer({ dataDir, port });
    const snapshots = new Map<number, QueueSnapshot[]>();
    const clients: Socket[] = [];
    for (let i = 0; i < 80; i++) {
      const c = io(`${s.url}/display`, { ...SOCKET_RECONNECT, transports: ['websocket'], forceNew: true });
      snapshots.set(i, []);
      c.on('queue:snapshot', (snap: QueueSnapshot) => snapshots.get(i)!.push(snap));
      clients.push(c);
    }
    await waitFor(() => [...snapshots.values()].every((l) => l.length === 1), 5000);

    await s.close();
    // the state changes while every screen is disconnected
    s = await startTestServer({ dataDir, port });
    const restartedAt = Date.now();
    const k = new HttpClient(s.url);
    await k.issue('HT');
    const lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 1);
    await lan.counter(1, 'call-next');
    await waitFor(() => [...snapshots.values()].every((l) => l.length >= 2), 5000);
    const resyncMs = Date.now() - restartedAt;
    console.log(`80 clients resynced ${resyncMs} ms after the restart`);
    expect(resyncMs).toBeLessThan(5000);
    for (const c of clients) c.close();
    await s.close(true);
  }, 30_000);
});

describe('a display that missed events (network cut)', () => {
  it('shows the true state after it reconnects', async () => {
    const s = await startTestServer();
    const c = io(`${s.url}/display`, { ...SOCKET_RECONNECT, transports: ['websocket'], forceNew: true });
    const snaps: QueueSnapshot[] = [];
    c.on('queue:snapshot', (snap: QueueSnapshot) => snaps.push(snap));
    await waitFor(() => snaps.length === 1, 5000);
    c.disconnect(); // the cable is pulled
    const k = new HttpClient(s.url);
    await k.issue('HT');
    await k.issue('CT');
    const lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 1);
    await lan.counter(1, 'call-next');
    c.connect(); // and plugged back
    await waitFor(() => snaps.length === 2, 5000);
    const truth = snaps[1]!;
    expect(truth.counters.find((x) => x.number === 1)?.current?.label).toBe('A001');
    expect(truth.services.find((x) => x.code === 'CT')?.waiting).toBe(1);
    expect(truth.recentCalls[0]).toMatchObject({ label: 'A001', counter: 1 });
    c.close();
    await s.close(true);
  });
});

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
