import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startPtyPair } from '../fakes/pty.js';
import {
  allRatings,
  deviceStates,
  officialsAtCounters,
  press,
  type RatingRig,
  serve,
  startRatingRig,
  waitFor,
} from './rating-harness.js';

/**
 * Rating boxes over real pseudo-terminals: a press rates the ticket just finished and its
 * official; an unplugged box shows in /api/health while the queue keeps working; a replugged
 * box is counted again; a megabyte of line noise crashes nothing and rates nothing.
 */

let rig: RatingRig;
let officials: HttpClient[];

beforeAll(async () => {
  rig = await startRatingRig({ counters: 2 });
  officials = await officialsAtCounters(rig, 2);
});

afterAll(async () => {
  await rig?.close();
});

describe('rating boxes on real ptys', () => {
  it('call, finish, press → the rating is on that ticket and official', async () => {
    const ticket = await serve(rig, officials[0]!, 1);
    rig.clock.advance(4_000);
    await press(rig, [[1, 1]]);
    const ratings = await allRatings(rig);
    expect(ratings).toEqual([
      expect.objectContaining({
        level: 1,
        ticketId: ticket.id,
        ticketLabel: ticket.label,
        counter: 1,
        officialName: 'Nguyễn Thị Lan',
        source: 'box',
        deviceId: 'box-1',
      }),
    ]);
  });

  it('unplug → health shows the box disconnected, issuing and calling still work; replug → counted again', async () => {
    await rig.boxes[0]!.unplug();
    await waitFor(
      async () => (await deviceStates(rig.server.url, ['box-1']))[0] === 'disconnected',
      5000,
      'disconnect',
    );
    const health = (await (await fetch(`${rig.server.url}/api/health`)).json()) as {
      status: string;
      devices: Array<{ id: string; state: string; lastError?: string }>;
    };
    expect(health.status).toBe('degraded');
    expect(health.devices.find((d) => d.id === 'box-1')?.lastError).toBeTruthy();
    expect(health.devices.find((d) => d.id === 'box-2')?.state).toBe('connected');
    const during = await serve(rig, officials[0]!, 1);
    expect(during.label).toMatch(/^A\d{3}$/);

    const t0 = performance.now();
    await rig.boxes[0]!.replug();
    await waitFor(
      async () => (await deviceStates(rig.server.url, ['box-1']))[0] === 'connected',
      5000,
      'reconnect',
    );
    console.info(
      `[figure] replugged box back to "connected" in /api/health after ${Math.round(performance.now() - t0)} ms`,
    );
    const after = await serve(rig, officials[0]!, 1);
    rig.clock.advance(3_000);
    await press(rig, [[1, 2]]);
    const last = (await allRatings(rig)).at(-1);
    expect(last).toMatchObject({ ticketId: after.id, level: 2, officialName: 'Nguyễn Thị Lan' });
    expect((await allRatings(rig)).some((r) => r.ticketId === during.id)).toBe(false);
  });

  it('1 MB of random bytes: no crash, no rating recorded', async () => {
    const before = await allRatings(rig);
    const noise = randomBytes(1024 * 1024);
    for (let i = 0; i < noise.length; i++) if (noise[i] === 0x4b) noise[i] = 0x4c; // no 'K', no frame by chance
    rig.clock.advance(60_000); // past the window: the sentinel below is general feedback
    const t0 = performance.now();
    await rig.boxes[1]!.write(Buffer.concat([noise, Buffer.from('\n')]));
    await press(rig, [[2, 3]]); // a good frame after the noise: proves the noise was all read
    console.info(
      `[figure] 1 MB of noise read, framed and dropped in ${Math.round(performance.now() - t0)} ms`,
    );
    const after = await allRatings(rig);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ counter: 2, level: 3, ticketId: null, officialId: null });
    expect((await new HttpClient(rig.server.url).issue('HT')).status).toBe(201);
    await waitFor(
      async () => {
        const h = (await (await fetch(`${rig.server.url}/api/health`)).json()) as {
          devices: Array<{ id: string; counters?: Record<string, number> }>;
        };
        return (h.devices.find((d) => d.id === 'box-2')?.counters?.dropped ?? 0) > 1000;
      },
      10_000,
      'dropped noise counted in health',
    );
  });
});

describe('live reconfiguration over real ptys', () => {
  it('an admin moves box-2 to another port: no restart, presses from the new port are counted', async () => {
    const fresh = await startPtyPair();
    try {
      const admin = new HttpClient(rig.server.url);
      await admin.login(DEMO.admin.username, DEMO.admin.pin);
      const r = await admin.req('PUT', '/api/devices/box-2', {
        kind: 'ratingBox',
        name: 'Hộp đánh giá quầy 2',
        counter: 2,
        config: { path: fresh.devicePath },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      await waitFor(
        async () => (await deviceStates(rig.server.url, ['box-2']))[0] === 'connected',
        5000,
        'new port',
      );
      const ratings = rig.server.x.features.ratings;
      const before = ratings.processed;
      rig.clock.advance(60_000);
      await fresh.write('K4\r\n');
      await waitFor(() => ratings.processed === before + 1, 5000, 'press from the new port');
      expect((await allRatings(rig)).at(-1)).toMatchObject({ counter: 2, level: 4, deviceId: 'box-2' });
      await rig.boxes[1]!.write('K1\r\n'); // the old port is no longer read
      await new Promise((res) => setTimeout(res, 300));
      expect(ratings.processed).toBe(before + 1);
    } finally {
      await fresh.close();
    }
  });
});
