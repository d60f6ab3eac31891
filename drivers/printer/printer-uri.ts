import { PAPER_WIDTHS, type PrinterSettings } from '../../core/contracts/printing.js';

/** Where ticket bytes go, parsed from the printer URI. */
export type PrinterTarget =
  | { kind: 'usblp'; path: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'file'; path: string }
  | { kind: 'simulated'; dir?: string }
  | { kind: 'none' };

/** A printer setting that cannot work. `setting` names it (e.g. `printer.uri`) for the console and logs. */
export class PrinterConfigError extends Error {
  override readonly name = 'PrinterConfigError';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
  }
}

export const PRINTER_URI_FORMS =
  'usblp:/dev/usb/lp0, tcp://192.168.1.50:9100, serial:/dev/ttyUSB0?baud=9600, file:/path, simulated, none';

const BAUD_RATES = [2400, 4800, 9600, 19200, 38400, 57600, 115200];

function absolutePath(rest: string, setting: string, uri: string): string {
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (!path.startsWith('/')) throw new PrinterConfigError(setting, `"${uri}" needs an absolute path`);
  return path;
}

function parseTcp(uri: string, setting: string): PrinterTarget {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new PrinterConfigError(setting, `"${uri}" is not a valid tcp://host:port address`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : 9100;
  if (!host) throw new PrinterConfigError(setting, `"${uri}" has no host`);
  return { kind: 'tcp', host, port };
}

function parseSerial(rest: string, setting: string, uri: string): PrinterTarget {
  const [pathPart = '', query = ''] = rest.split('?', 2);
  const params = new URLSearchParams(query);
  const baudRate = Number(params.get('baud') ?? 9600);
  if (!BAUD_RATES.includes(baudRate)) {
    throw new PrinterConfigError(setting, `baud rate in "${uri}" must be one of ${BAUD_RATES.join(', ')}`);
  }
  return { kind: 'serial', path: absolutePath(pathPart, setting, uri), baudRate };
}

/** Parses a printer URI; throws PrinterConfigError naming `setting` when it cannot work. */
export function parsePrinterUri(uri: string, setting = 'printer.uri'): PrinterTarget {
  const trimmed = uri.trim();
  if (trimmed === 'none' || trimmed === '') return { kind: 'none' };
  if (trimmed === 'simulated') return { kind: 'simulated' };
  const colon = trimmed.indexOf(':');
  const scheme = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : '';
  const rest = trimmed.slice(colon + 1);
  switch (scheme) {
    case 'usblp':
      return { kind: 'usblp', path: absolutePath(rest, setting, uri) };
    case 'tcp':
      return parseTcp(trimmed, setting);
    case 'serial':
      return parseSerial(rest, setting, uri);
    case 'file':
      return { kind: 'file', path: absolutePath(rest, setting, uri) };
    case 'simulated':
      return { kind: 'simulated', dir: absolutePath(rest, setting, uri) };
    default:
      throw new PrinterConfigError(
        setting,
        `unknown printer "${uri}" (scheme "${scheme || trimmed}"); use one of: ${PRINTER_URI_FORMS}`,
      );
  }
}

/** Checks every printer setting; throws PrinterConfigError naming the first bad one. */
export function validatePrinterSettings(settings: PrinterSettings, prefix = 'printer'): PrinterTarget {
  const target = parsePrinterUri(settings.uri, `${prefix}.uri`);
  if (!(PAPER_WIDTHS as readonly number[]).includes(settings.width)) {
    throw new PrinterConfigError(
      `${prefix}.width`,
      `paper width must be ${PAPER_WIDTHS.join(', ')} dots (58 mm = 384, 80 mm = 576), got ${settings.width}`,
    );
  }
  if (!['partial', 'full', 'none'].includes(settings.cut)) {
    throw new PrinterConfigError(`${prefix}.cut`, `cut must be partial, full or none, got ${settings.cut}`);
  }
  if (!['raster', 'column'].includes(settings.mode)) {
    throw new PrinterConfigError(`${prefix}.mode`, `mode must be raster or column, got ${settings.mode}`);
  }
  if (!Number.isInteger(settings.feedLines) || settings.feedLines < 0 || settings.feedLines > 255) {
    throw new PrinterConfigError(
      `${prefix}.feedLines`,
      `feed lines must be 0–255, got ${settings.feedLines}`,
    );
  }
  return target;
}
