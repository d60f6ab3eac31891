import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RatingPress } from '../../../core/contracts/rating.js';
import { createRatingBox } from '../../../drivers/rating/create-rating-box.js';
import type { RatingBox } from '../../../drivers/rating/rating-box.js';
import { SerialDevice } from '../../../drivers/serial/port-manager.js';
import { type PtyPair, startPtyPair, stopAllPtyPairs } from '../../fakes/pty.js';
import { waitUntil } from '../serial/mock-serial.js';

/** Real pseudo-terminals through socat: the box end writes, the driver reads the device end. */

let pty: PtyPair;
let box: RatingBox;
let presses: RatingPress[];
const states: string[] = [];

beforeAll(async () => {
  pty = await startPtyPair();
  box = createRatingBox({ id: 'q1', path: pty.devicePath, counter: 1 });
  presses = [];
  box.onPress((p) => presses.push(p));
  box.onStatus((s) => states.push(s.state));
  box.start();
  await waitUntil(() => box.status().state === 'connected', 5000, 'first connect');
});

afterAll(async () => {
  await box?.close();
  await pty?.close();
  stopAllPtyPairs();
});

afterEach(() => {
  presses.length = 0;
});

describe('rating box on a real pty', () => {
  it('box writes K1\\r\\n → a press arrives', async () => {
    await pty.write('K1\r\n');
    await waitUntil(() => presses.length === 1, 5000, 'press');
    expect(presses[0]).toMatchObject({ deviceId: 'q1', counter: 1, key: 1, level: 1 });
  });

  it('unplug → disconnected; replug → connected again and presses flow', async () => {
    await pty.unplug();
    await waitUntil(() => box.status().state === 'disconnected', 5000, 'disconnect');
    const t0 = performance.now();
    await pty.replug();
    await waitUntil(() => box.status().state === 'connected', 5000, 'reconnect');
    // A figure, not an assertion: the missing-device backoff is capped at 1 s (unit-tested).
    console.info(`[figure] pty replug detected in ${Math.round(performance.now() - t0)} ms`);
    await pty.write('K3\r\n');
    await waitUntil(() => presses.length === 1, 5000, 'press after replug');
    expect(presses[0]).toMatchObject({ key: 3, level: 3 });
    expect(states.slice(-2)).toEqual(['disconnected', 'connected']);
  });

  it('1 MB of random bytes: no crash, only the embedded frames come out', async () => {
    const noise = randomBytes(1024 * 1024);
    for (let i = 0; i < noise.length; i++) if (noise[i] === 0x4b) noise[i] = 0x4c; // no 'K': no frame by chance
    const embedded = 25;
    const step = Math.floor(noise.length / embedded);
    const parts: Buffer[] = [];
    for (let i = 0; i < embedded; i++) {
      parts.push(noise.subarray(i * step, (i + 1) * step), Buffer.from(`\nK${(i % 4) + 1}\r\n`));
    }
    const before = box.stats();
    const t0 = performance.now();
    await pty.write(Buffer.concat(parts));
    await pty.write('\nK2\r\n');
    await waitUntil(() => presses.length === embedded + 1, 20_000, 'all embedded presses');
    console.info(
      `[figure] 1 MB of noise through the pty and line framing in ${Math.round(performance.now() - t0)} ms`,
    );
    expect(presses.map((p) => p.key)).toEqual([
      ...Array.from({ length: embedded }, (_, i) => (i % 4) + 1),
      2,
    ]);
    expect(box.stats().dropped).toBeGreaterThan(before.dropped);
    expect(box.status().state).toBe('connected');
  });
});

describe('serial paths that are not there', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xephang-serial-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a path that never existed → disconnected with ENOENT, no crash', async () => {
    const device = new SerialDevice({ path: join(dir, 'never') });
    device.start();
    try {
      await waitUntil(() => device.status().errorCode === 'ENOENT', 5000, 'ENOENT');
      expect(device.status()).toMatchObject({ state: 'disconnected' });
      expect(device.status().lastError).toMatch(/No such file or directory/);
    } finally {
      await device.close();
    }
  });

  it('a regular file is not a tty → error state, no crash', async () => {
    const file = join(dir, 'plain');
    writeFileSync(file, 'K1\r\n');
    const device = new SerialDevice({ path: file });
    device.start();
    try {
      await waitUntil(() => device.status().state === 'error', 5000, 'error state');
      expect(device.status().lastError).toBeTruthy();
    } finally {
      await device.close();
    }
  });

  it('a device that appears later is picked up', async () => {
    const late = await startPtyPair();
    await late.unplug();
    const device = new SerialDevice({ path: late.devicePath });
    device.start();
    try {
      await waitUntil(() => device.status().errorCode === 'ENOENT', 5000, 'absent first');
      await late.replug();
      await waitUntil(() => device.status().state === 'connected', 5000, 'appears');
    } finally {
      await device.close();
      await late.close();
    }
  });
});
