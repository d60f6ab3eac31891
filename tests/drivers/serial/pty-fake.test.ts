import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SerialDevice } from '../../../drivers/serial/port-manager.js';
import { startPtyPair, stopAllPtyPairs } from '../../fakes/pty.js';
import { waitUntil } from './mock-serial.js';

afterAll(() => stopAllPtyPairs());

describe('tests/fakes/pty.ts', () => {
  it('carries bytes both ways, unplugs, replugs and cleans up', async () => {
    const pty = await startPtyPair();
    const device = new SerialDevice({ path: pty.devicePath });
    const got: Buffer[] = [];
    device.onData((c) => got.push(c));
    device.start();
    try {
      await waitUntil(() => device.status().state === 'connected', 5000, 'connect');
      await pty.write(Buffer.from([0x00, 0x0a, 0xff]));
      await waitUntil(() => Buffer.concat(got).length === 3, 5000, 'box → device');
      expect(Buffer.concat(got)).toEqual(Buffer.from([0x00, 0x0a, 0xff]));
      expect(device.write(Buffer.from('12 34\r\n'))).toBe(true);
      let echoed = Buffer.alloc(0);
      await waitUntil(
        () => {
          echoed = Buffer.concat([echoed, pty.readAvailable()]);
          return echoed.length === 7;
        },
        5000,
        'device → box',
      );
      expect(echoed.toString()).toBe('12 34\r\n');

      await pty.unplug();
      expect(pty.plugged).toBe(false);
      expect(existsSync(pty.devicePath)).toBe(false);
      await expect(pty.write('K1\r\n')).rejects.toThrow(/unplugged/);
      await pty.replug();
      expect(existsSync(pty.boxPath)).toBe(true);
      await waitUntil(() => device.status().state === 'connected', 5000, 'reconnect');
    } finally {
      await device.close();
      await pty.close();
    }
    expect(existsSync(pty.dir)).toBe(false);
  });

  it('fails cleanly when socat is missing', async () => {
    await expect(startPtyPair({ socatPath: '/nonexistent/socat', timeoutMs: 500 })).rejects.toThrow(/socat/);
  });
});
