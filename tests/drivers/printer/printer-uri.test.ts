import { describe, expect, it } from 'vitest';
import { defaultPrinterSettings, type PrinterSettings } from '../../../core/contracts/printing.js';
import { createTransport } from '../../../drivers/printer/create-transport.js';
import { createPrinter } from '../../../drivers/printer/index.js';
import {
  PrinterConfigError,
  parsePrinterUri,
  validatePrinterSettings,
} from '../../../drivers/printer/printer-uri.js';
import { silentLogger } from '../../../drivers/logger.js';

describe('parsePrinterUri', () => {
  it.each([
    ['usblp:/dev/usb/lp0', { kind: 'usblp', path: '/dev/usb/lp0' }],
    ['usblp:///dev/usb/lp1', { kind: 'usblp', path: '/dev/usb/lp1' }],
    ['tcp://192.168.1.50:9100', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['tcp://printer.local', { kind: 'tcp', host: 'printer.local', port: 9100 }],
    ['tcp://[fe80::1]:9101', { kind: 'tcp', host: 'fe80::1', port: 9101 }],
    ['serial:/dev/ttyUSB0?baud=9600', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }],
    ['serial:/dev/ttyACM0', { kind: 'serial', path: '/dev/ttyACM0', baudRate: 9600 }],
    ['serial:/dev/ttyUSB1?baud=115200', { kind: 'serial', path: '/dev/ttyUSB1', baudRate: 115200 }],
    ['file:/tmp/out.bin', { kind: 'file', path: '/tmp/out.bin' }],
    ['simulated', { kind: 'simulated' }],
    ['simulated:/var/tmp/tickets', { kind: 'simulated', dir: '/var/tmp/tickets' }],
    ['none', { kind: 'none' }],
    ['  none ', { kind: 'none' }],
  ])('%s', (uri, target) => {
    expect(parsePrinterUri(uri)).toEqual(target);
  });

  it.each([
    ['lpt:/dev/lp0', /unknown printer "lpt:\/dev\/lp0"/],
    ['/dev/usb/lp0', /unknown printer/],
    ['usblp:dev/usb/lp0', /absolute path/],
    ['serial:/dev/ttyUSB0?baud=12345', /baud rate/],
    ['tcp://', /not a valid|no host/],
  ])('%s is refused with a message naming the setting', (uri, message) => {
    const err = (() => {
      try {
        parsePrinterUri(uri, 'XEPHANG_PRINTER');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PrinterConfigError);
    expect((err as PrinterConfigError).setting).toBe('XEPHANG_PRINTER');
    expect((err as Error).message).toMatch(/^XEPHANG_PRINTER: /);
    expect((err as Error).message).toMatch(message);
  });
});

describe('validatePrinterSettings', () => {
  const ok: PrinterSettings = { ...defaultPrinterSettings, uri: 'simulated' };

  it('accepts the three paper widths', () => {
    for (const width of [384, 512, 576] as const)
      expect(validatePrinterSettings({ ...ok, width })).toBeTruthy();
  });

  it.each([
    [{ width: 580 }, 'printer.width', /384, 512, 576/],
    [{ width: 0 }, 'printer.width', /got 0/],
    [{ cut: 'half' }, 'printer.cut', /partial, full or none/],
    [{ mode: 'graphic' }, 'printer.mode', /raster or column/],
    [{ feedLines: 300 }, 'printer.feedLines', /0–255/],
    [{ uri: 'foo:bar' }, 'printer.uri', /unknown printer/],
  ])('%j → error on %s', (patch, setting, message) => {
    const bad = { ...ok, ...patch } as unknown as PrinterSettings;
    expect(() => validatePrinterSettings(bad)).toThrow(PrinterConfigError);
    expect(() => validatePrinterSettings(bad)).toThrow(message);
    try {
      validatePrinterSettings(bad);
    } catch (e) {
      expect((e as PrinterConfigError).setting).toBe(setting);
    }
  });

  it('createPrinter and createTransport refuse bad settings before touching anything', () => {
    expect(() => createPrinter({ ...ok, width: 600 as 576 }, silentLogger)).toThrow(/printer\.width/);
    expect(() => createTransport('ftp://x', silentLogger)).toThrow(PrinterConfigError);
  });

  it('creates the transport the URI names', async () => {
    const kinds = [
      'usblp:/dev/usb/lp9',
      'tcp://127.0.0.1:9',
      'serial:/dev/ttyUSB9',
      'file:/tmp/x',
      'simulated',
      'none',
    ];
    for (const uri of kinds) {
      const t = createTransport(uri, silentLogger);
      expect(t.kind).toBe(parsePrinterUri(uri).kind);
      await t.close();
    }
  });
});
