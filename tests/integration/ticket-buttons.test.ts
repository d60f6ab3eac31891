import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket } from '../fakes/socket-client.js';
import { deviceStates, type RatingRig, startRatingRig, waitFor } from './rating-harness.js';

/**
 * Issue 5's physical ticket buttons over a real pty: a key press issues a ticket exactly like the
 * kiosk (numbering, events, screens); a stuck key does not flood the queue; unplug/replug recovers.
 */

let rig: RatingRig;

const tickets = () =>
  rig.server.x.db
    .prepare('SELECT label, service, priority, request_id FROM tickets ORDER BY id')
    .all() as Array<{
    label: string;
    service: string;
    priority: string | null;
    request_id: string;
  }>;

const buttonCounters = async () => {
  const h = (await (await fetch(`${rig.server.url}/api/health`)).json()) as {
    devices: Array<{ id: string; counters?: Record<string, number> }>;
  };
  return h.devices.find((d) => d.id === 'buttons')?.counters ?? {};
};

beforeAll(async () => {
  rig = await startRatingRig({ counters: 1, buttonsMap: '1:HT,2:DD,3:HT:elderly' });
});

afterAll(async () => {
  await rig?.close();
});

describe('ticket buttons on a real pty', () => {
  it('a key press issues a ticket like the kiosk, and the screens hear of it', async () => {
    const display = connectSocket(rig.server.url, '/display');
    await display.next('queue:snapshot');
    await rig.buttons!.write('K1\r\n');
    await waitFor(() => tickets().length === 1, 5000, 'first ticket');
    expect(tickets()[0]).toMatchObject({ label: 'A001', service: 'HT', priority: null });
    expect(tickets()[0]?.request_id).toMatch(/^btn-buttons-\d+-k1$/);
    expect(await display.next('queue:waiting')).toMatchObject({ services: { HT: 1 } });
    rig.clock.advance(2_000);
    await rig.buttons!.write('K3\r\n');
    await waitFor(() => tickets().length === 2, 5000, 'priority ticket');
    expect(tickets()[1]).toMatchObject({ label: 'A002', priority: 'elderly' });
    display.socket.close();
  });

  it('a stuck key (40 frames at once) issues one ticket; the rest are counted as limited', async () => {
    rig.clock.advance(2_000);
    const before = tickets().length;
    await rig.buttons!.write('K2\r\n'.repeat(40));
    await waitFor(async () => (await buttonCounters()).limited === 39, 10_000, 'limited presses in health');
    expect(tickets().slice(before)).toEqual([expect.objectContaining({ label: 'C001', service: 'DD' })]);
    expect(await buttonCounters()).toMatchObject({ issued: 3, limited: 39, refused: 0 });
  });

  it('unplug → disconnected in health; replug → presses issue tickets again', async () => {
    await rig.buttons!.unplug();
    await waitFor(
      async () => (await deviceStates(rig.server.url, ['buttons']))[0] === 'disconnected',
      5000,
      'unplug',
    );
    await rig.buttons!.replug();
    await waitFor(
      async () => (await deviceStates(rig.server.url, ['buttons']))[0] === 'connected',
      5000,
      'replug',
    );
    rig.clock.advance(2_000);
    const before = tickets().length;
    await rig.buttons!.write('K1\r\n');
    await waitFor(() => tickets().length === before + 1, 5000, 'ticket after replug');
    expect(tickets().at(-1)).toMatchObject({ label: 'A003' });
  });
});
