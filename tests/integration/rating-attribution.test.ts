import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket } from '../fakes/socket-client.js';
import type { HttpClient } from '../fakes/http-client.js';
import {
  allRatings,
  OFFICIALS,
  officialsAtCounters,
  press,
  type RatingRig,
  serve,
  startRatingRig,
} from './rating-harness.js';

/** Attribution edge cases end to end: box (pty) → serial driver → attribution → SQLite → API. */

let rig: RatingRig;
let officials: HttpClient[];

const newest = async () => (await allRatings(rig)).at(-1);

beforeAll(async () => {
  rig = await startRatingRig({ counters: 3 });
  officials = await officialsAtCounters(rig, 3);
});

afterAll(async () => {
  await rig?.close();
});

/** Counters 1 and 2 each call and finish a ticket at the same moment. */
async function serveBoth() {
  await officials[0]!.issue('HT');
  await officials[0]!.issue('CT');
  const a = await officials[0]!.counter(1, 'call-next');
  const b = await officials[1]!.counter(2, 'call-next');
  rig.clock.advance(120_000);
  const done = await Promise.all([officials[0]!.counter(1, 'finish'), officials[1]!.counter(2, 'finish')]);
  expect(done.map((r) => r.status)).toEqual([200, 200]);
  return [a.body.ticket, b.body.ticket] as const;
}

describe('attribution over real ptys', () => {
  it('a press before any ticket is general feedback with no official', async () => {
    await press(rig, [[3, 2]]);
    expect(await newest()).toMatchObject({
      counter: 3,
      level: 2,
      ticketId: null,
      officialId: null,
      service: null,
    });
  });

  it('a press after the window (and nobody at the counter) is general feedback', async () => {
    await serve(rig, officials[0]!, 1);
    rig.clock.advance(46_000);
    await press(rig, [[1, 1]]);
    expect(await newest()).toMatchObject({ counter: 1, ticketId: null, officialId: null });
  });

  it('a press inside the window rates the finished ticket even after the next call (not the next citizen)', async () => {
    const first = await serve(rig, officials[0]!, 1);
    await officials[0]!.issue('HT');
    const next = await officials[0]!.counter(1, 'call-next');
    expect(next.body.ticket.id).not.toBe(first.id);
    rig.clock.advance(10_000);
    await press(rig, [[1, 3]]);
    expect(await newest()).toMatchObject({ ticketId: first.id, level: 3 });
    rig.clock.advance(5_000);
    await press(rig, [[1, 1]]); // the same citizen again: a duplicate, never overwrites, never the next ticket
    expect(await newest()).toMatchObject({ ticketId: first.id, level: 3 });
    expect((await officials[0]!.counter(1, 'finish')).status).toBe(200);
  });

  it('two counters at once: each press goes to its own counter’s ticket and official', async () => {
    const display = connectSocket(rig.server.url, '/display');
    await display.next('queue:snapshot');
    const [a, b] = await serveBoth();
    const asked = [await display.next('rating:requested'), await display.next('rating:requested')];
    expect(asked.map((x) => (x as { counter: number }).counter).sort()).toEqual([1, 2]);
    rig.clock.advance(3_000);
    await press(rig, [
      [1, 4],
      [2, 2],
    ]);
    const ratings = await allRatings(rig);
    expect(ratings.find((r) => r.ticketId === a!.id)).toMatchObject({
      counter: 1,
      level: 4,
      officialName: 'Nguyễn Thị Lan',
    });
    expect(ratings.find((r) => r.ticketId === b!.id)).toMatchObject({
      counter: 2,
      level: 2,
      officialName: 'Trần Văn Minh',
    });
    const received = [await display.next('rating:received'), await display.next('rating:received')];
    expect(received).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ counter: 1, level: 4, label: a!.label }),
        expect.objectContaining({ counter: 2, level: 2, label: b!.label }),
      ]),
    );
    expect(JSON.stringify([...asked, ...received])).not.toMatch(/official|Lan|Minh/i);
    display.socket.close();
  });

  it('the official logs out between finish and press: still credited to that official', async () => {
    const t = await serve(rig, officials[2]!, 3, 'DD');
    expect((await officials[2]!.req('DELETE', '/api/sessions/current')).status).toBe(204);
    rig.clock.advance(20_000);
    await press(rig, [[3, 1]]);
    expect(await newest()).toMatchObject({ ticketId: t.id, officialName: 'Lê Quốc Hùng', level: 1 });
    const again = await officials[2]!.login(OFFICIALS[2].username, OFFICIALS[2].pin, 3);
    expect(again.status).toBe(201);
  });

  it('a press while being served rates the current ticket; a bounce within 3 s is ignored', async () => {
    await officials[1]!.issue('HT');
    const called = await officials[1]!.counter(2, 'call-next');
    rig.clock.advance(30_000);
    await press(rig, [[2, 1]]);
    rig.clock.advance(1_000);
    const before = (await allRatings(rig)).length;
    await press(rig, [[2, 4]]);
    expect(await allRatings(rig)).toHaveLength(before);
    expect(await newest()).toMatchObject({
      ticketId: called.body.ticket.id,
      level: 1,
      officialName: 'Trần Văn Minh',
    });
  });
});
