import { existsSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
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

  it('a device whose path vanishes while the port stays silent is reported disconnected, then found again', async () => {
    // What udev does on a USB unplug: the /dev link goes. Here the pty itself stays open and says
    // nothing (no read error, no close event), so only the presence check can notice.
    const pty = await startPtyPair();
    const device = new SerialDevice({ path: pty.devicePath, presenceCheckMs: 100 });
    const got: Buffer[] = [];
    device.onData((c) => got.push(c));
    device.start();
    try {
      await waitUntil(() => device.status().state === 'connected', 5000, 'connect');
      const target = readlinkSync(pty.devicePath);
      unlinkSync(pty.devicePath);
      await waitUntil(() => device.status().state === 'disconnected', 5000, 'path vanished');
      expect(device.status().errorCode).toBe('ENOENT');
      symlinkSync(target, pty.devicePath);
      await waitUntil(() => device.status().state === 'connected', 5000, 'path back');
      await pty.write('K1\r\n');
      await waitUntil(() => Buffer.concat(got).toString() === 'K1\r\n', 5000, 'bytes after the path is back');
    } finally {
      await device.close();
      await pty.close();
    }
  });

  it('fails cleanly when socat is missing', async () => {
    await expect(startPtyPair({ socatPath: '/nonexistent/socat', timeoutMs: 500 })).rejects.toThrow(/socat/);
  });
});
