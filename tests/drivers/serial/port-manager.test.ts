import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/domain/clock.js';
import {
  type SerialDevice as Device,
  SerialDevice,
  type SerialStatus,
} from '../../../drivers/serial/port-manager.js';
import { nextDelay, serialErrorCode } from '../../../drivers/serial/reconnect.js';
import { ManualTimers, MockSerial, waitUntil } from './mock-serial.js';

let n = 0;
const devices: Device[] = [];

function setup(opts: { absent?: boolean; refuse?: boolean; exists?: (path: string) => boolean } = {}) {
  const mock = new MockSerial(`/dev/mock-${++n}`);
  if (opts.absent) mock.absent();
  if (opts.refuse) mock.refuse();
  const timers = new ManualTimers();
  const clock = new ManualClock(1_000);
  const presence = opts.exists ? { exists: opts.exists, presenceCheckMs: 1000 } : {};
  const device = new SerialDevice({ path: mock.path, binding: mock.binding, timers, clock, ...presence });
  devices.push(device);
  const statuses: SerialStatus[] = [];
  const chunks: Buffer[] = [];
  device.onStatus((s) => statuses.push(s));
  device.onData((c) => chunks.push(c));
  return { mock, timers, clock, device, statuses, chunks };
}

afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
  SerialPortMock.binding.reset();
});

describe('SerialDevice with the mock binding', () => {
  it('opens, reports connected and delivers raw chunks', async () => {
    const { mock, device, statuses, chunks } = setup();
    expect(device.status().state).toBe('disconnected');
    device.start();
    await waitUntil(() => device.status().state === 'connected');
    mock.emit('K1\r');
    mock.emit('\n');
    await waitUntil(() => Buffer.concat(chunks).toString() === 'K1\r\n');
    expect(statuses.map((s) => s.state)).toEqual(['connected']);
  });

  it('after an unplug reports disconnected, retries on its backoff, and reconnects on replug', async () => {
    const { mock, timers, device, statuses, clock } = setup();
    device.start();
    await waitUntil(() => mock.isOpen);
    clock.advance(5_000);
    mock.unplug();
    await waitUntil(() => device.status().state === 'disconnected');
    expect(device.status()).toMatchObject({ errorCode: 'DISCONNECTED', since: 6_000 });
    for (let i = 0; i < 5; i++) {
      const opens = mock.opens;
      timers.fire();
      await waitUntil(() => mock.opens === opens + 1 && timers.size === 1, 3000, `retry ${i}`);
    }
    expect(device.status()).toMatchObject({ state: 'disconnected', errorCode: 'ENOENT' });
    expect(timers.delays).toEqual([200, 400, 800, 1000, 1000, 1000]);
    mock.replug();
    timers.fire();
    await waitUntil(() => device.status().state === 'connected');
    expect(statuses.map((s) => [s.state, s.errorCode])).toEqual([
      ['connected', undefined],
      ['disconnected', 'DISCONNECTED'],
      ['disconnected', 'ENOENT'],
      ['connected', undefined],
    ]);
  });

  it('a silent unplug (the port says nothing, its path is gone) is found by the presence check', async () => {
    let present = true;
    const { mock, timers, device, statuses } = setup({ exists: () => present });
    device.start();
    await waitUntil(() => device.status().state === 'connected');
    timers.fire(); // still there: checked again a second later
    expect(device.status().state).toBe('connected');
    expect(timers.delays).toEqual([1000, 1000]);
    present = false;
    mock.absent();
    timers.fire();
    expect(device.status()).toMatchObject({ state: 'disconnected', errorCode: 'ENOENT' });
    await waitUntil(() => !mock.isOpen);
    present = true;
    mock.replug();
    timers.fire();
    await waitUntil(() => device.status().state === 'connected');
    expect(statuses.map((s) => s.state)).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('a path that does not exist is disconnected with ENOENT, never throws', async () => {
    const { device, timers } = setup({ absent: true });
    device.start();
    await waitUntil(() => device.status().errorCode === 'ENOENT');
    expect(device.status()).toMatchObject({ state: 'disconnected' });
    expect(device.status().lastError).toMatch(/No such file or directory/);
    expect(timers.size).toBe(1);
  });

  it('EACCES is an error state, retried with the long backoff', async () => {
    const { mock, device, timers } = setup({ refuse: true });
    device.start();
    await waitUntil(() => timers.size === 1);
    for (let i = 0; i < 6; i++) {
      const opens = mock.opens;
      timers.fire();
      await waitUntil(() => mock.opens === opens + 1 && timers.size === 1, 3000, `retry ${i}`);
    }
    expect(device.status()).toMatchObject({ state: 'error', errorCode: 'EACCES' });
    expect(timers.delays.slice(0, 7)).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('a listener that throws does not stop the others', async () => {
    const { mock, device, chunks } = setup();
    device.onData(() => {
      throw new Error('consumer bug');
    });
    const later: Buffer[] = [];
    device.onData((c) => later.push(c));
    device.start();
    await waitUntil(() => mock.isOpen);
    mock.emit('x');
    await waitUntil(() => later.length === 1 && chunks.length === 1);
  });

  it('close() stops reconnecting, closes the port and is idempotent', async () => {
    const { mock, device, timers } = setup();
    device.start();
    await waitUntil(() => mock.isOpen);
    await device.close();
    expect(mock.isOpen).toBe(false);
    expect(device.write(Buffer.from('x'))).toBe(false);
    await device.close();
    timers.fire();
    expect(mock.opens).toBe(1);
  });

  it('close() while opening closes the port once it opens', async () => {
    const { mock, device } = setup();
    device.start();
    await device.close();
    await waitUntil(() => mock.opens === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(mock.isOpen).toBe(false);
  });

  it('write() sends when connected', async () => {
    const { mock, device } = setup();
    device.start();
    await waitUntil(() => mock.isOpen);
    expect(device.write(Buffer.from('hi'))).toBe(true);
  });
});

describe('reconnect helpers', () => {
  it.each<[string, Error, string | undefined]>([
    ['native ENOENT text', new Error('Error: No such file or directory, cannot open /dev/x'), 'ENOENT'],
    ['native EACCES text', new Error('Error: Permission denied, cannot open /dev/x'), 'EACCES'],
    ['lock', new Error('Error Resource temporarily unavailable Cannot lock port'), 'EBUSY'],
    ['ENXIO', new Error('No such device or address'), 'ENXIO'],
    ['code wins', Object.assign(new Error('x'), { code: 'EIO' }), 'EIO'],
    [
      'disconnect flag',
      Object.assign(new Error('bad file descriptor'), { disconnected: true }),
      'DISCONNECTED',
    ],
    ['unknown', new Error('weird'), undefined],
  ])('%s → %s', (_name, err, code) => {
    expect(serialErrorCode(err)).toBe(code);
  });

  it('caps missing-device retries at 1 s and other errors at 5 s', () => {
    const p = { initialMs: 200, maxMs: 5000, missingMaxMs: 1000 };
    expect([0, 1, 2, 3, 10, 1000].map((a) => nextDelay(p, a, 'ENOENT'))).toEqual([
      200, 400, 800, 1000, 1000, 1000,
    ]);
    expect([0, 4, 5, 1000].map((a) => nextDelay(p, a, 'EACCES'))).toEqual([200, 3200, 5000, 5000]);
  });
});
