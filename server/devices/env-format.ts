import type { DeviceKind } from '../../core/contracts/devices.js';

/**
 * The environment formats of XEPHANG_RATING_BOXES and XEPHANG_TICKET_BUTTONS (docs/devices.md).
 *
 *   XEPHANG_RATING_BOXES=1=/dev/xephang-box-1,2=/dev/ttyUSB1;framing=byte
 *   XEPHANG_RATING_BOXES=bus=/dev/ttyUSB0;framing=stx-etx;addresses=1:1,2:2,3:5
 *   XEPHANG_TICKET_BUTTONS=/dev/xephang-buttons;map=1:HT,2:CT,3:DD,4:XH,5:HT:NCT
 *
 * Devices are separated by commas; a new device starts at each comma followed by `[name=]/path`,
 * so lists inside an option (`map=1:HT,2:CT`) may use commas too. Options follow the path after
 * `;` as `key=value`. These settings fill the `devices` table on first start only.
 */

export interface DeviceSeed {
  id: string;
  kind: DeviceKind;
  name: string;
  counter: number | null;
  config: Record<string, unknown>;
}

export interface ParsedSeeds {
  seeds: DeviceSeed[];
  errors: string[];
}

const ENTRY_START = /^\s*([A-Za-z0-9_-]+=)?\//;
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const FRAMINGS = new Set(['line', 'byte', 'stx-etx']);

/** Splits a device list on the commas that start a new `[name=]/path` entry. */
export function splitEntries(raw: string): string[] {
  const out: string[] = [];
  for (const piece of raw.split(',')) {
    if (out.length === 0 || ENTRY_START.test(piece)) out.push(piece.trim());
    else out[out.length - 1] += `,${piece.trim()}`;
  }
  return out.filter((e) => e !== '');
}

interface Entry {
  name: string | null;
  path: string;
  options: Map<string, string>;
}

function parseEntry(text: string, where: string, errors: string[]): Entry | null {
  const [head = '', ...opts] = text.split(';');
  const eq = head.indexOf('=');
  const name = eq > 0 && !head.startsWith('/') ? head.slice(0, eq).trim() : null;
  const path = (name === null ? head : head.slice(eq + 1)).trim();
  if (!path.startsWith('/')) {
    errors.push(`${where}: "${text}" must be [name=]/path[;option=value…]`);
    return null;
  }
  const options = new Map<string, string>();
  for (const o of opts) {
    const i = o.indexOf('=');
    if (i <= 0) {
      errors.push(`${where}: option "${o}" must be key=value`);
      continue;
    }
    options.set(o.slice(0, i).trim(), o.slice(i + 1).trim());
  }
  return { name, path, options };
}

/** `a:1,b:2` → { a: 1, b: 2 } with integer values. */
function intMap(value: string, where: string, errors: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of value.split(',')) {
    const [k = '', v = ''] = pair.split(':').map((s) => s.trim());
    const n = Number(v);
    if (k === '' || v === '' || !Number.isInteger(n)) errors.push(`${where}: "${pair}" must be key:number`);
    else out[k] = n;
  }
  return out;
}

function intOption(
  opts: Map<string, string>,
  key: string,
  where: string,
  errors: string[],
): number | undefined {
  const raw = opts.get(key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) errors.push(`${where}: ${key}=${raw} must be a whole number`);
  return n;
}

/** Serial options shared by both kinds: framing, baud, bytes, timeout. */
function serialOptions(e: Entry, where: string, errors: string[]): Record<string, unknown> {
  const config: Record<string, unknown> = { path: e.path };
  const framing = e.options.get('framing');
  if (framing !== undefined) {
    if (!FRAMINGS.has(framing)) errors.push(`${where}: framing=${framing} must be line, byte or stx-etx`);
    config.framing = framing;
  }
  const baud = intOption(e.options, 'baud', where, errors);
  if (baud !== undefined) config.baudRate = baud;
  const timeout = intOption(e.options, 'timeout', where, errors);
  if (timeout !== undefined) config.interByteTimeoutMs = timeout;
  const bytes = e.options.get('bytes');
  if (bytes !== undefined) config.byteMap = intMap(bytes, `${where} bytes`, errors);
  return config;
}

function unknownOptions(e: Entry, allowed: readonly string[], where: string, errors: string[]): void {
  for (const k of e.options.keys()) if (!allowed.includes(k)) errors.push(`${where}: unknown option "${k}"`);
}

const SERIAL_OPTIONS = ['framing', 'baud', 'timeout', 'bytes', 'name'];

/** XEPHANG_RATING_BOXES → `ratingBox` rows. A numeric name is the counter (id `box-<n>`). */
export function parseRatingBoxes(raw: string | undefined, key = 'XEPHANG_RATING_BOXES'): ParsedSeeds {
  const seeds: DeviceSeed[] = [];
  const errors: string[] = [];
  splitEntries(raw ?? '').forEach((text, i) => {
    const where = `${key} #${i + 1}`;
    const e = parseEntry(text, where, errors);
    if (!e) return;
    unknownOptions(e, [...SERIAL_OPTIONS, 'keys', 'addresses', 'counter'], where, errors);
    const numeric = e.name !== null && /^[0-9]{1,3}$/.test(e.name);
    const counter = numeric ? Number(e.name) : (intOption(e.options, 'counter', where, errors) ?? null);
    const id = numeric ? `box-${e.name}` : (e.name ?? `box-${i + 1}`);
    if (!ID.test(id)) errors.push(`${where}: name "${id}" may use only letters, digits, _ and -`);
    const config = serialOptions(e, where, errors);
    const keys = e.options.get('keys');
    if (keys !== undefined) config.keyMap = intMap(keys, `${where} keys`, errors);
    const addresses = e.options.get('addresses');
    if (addresses !== undefined) config.addressMap = intMap(addresses, `${where} addresses`, errors);
    const name =
      e.options.get('name') ?? (counter !== null ? `Hộp đánh giá quầy ${counter}` : `Hộp đánh giá ${id}`);
    seeds.push({ id, kind: 'ratingBox', name, counter, config });
  });
  return { seeds, errors: [...errors, ...duplicateIds(seeds, key)] };
}

/** XEPHANG_TICKET_BUTTONS → `ticketButtons` rows; `map=key:SERVICE[:PRIORITY],…` is required. */
export function parseTicketButtons(raw: string | undefined, key = 'XEPHANG_TICKET_BUTTONS'): ParsedSeeds {
  const seeds: DeviceSeed[] = [];
  const errors: string[] = [];
  splitEntries(raw ?? '').forEach((text, i) => {
    const where = `${key} #${i + 1}`;
    const e = parseEntry(text, where, errors);
    if (!e) return;
    unknownOptions(e, [...SERIAL_OPTIONS, 'map', 'interval', 'perMinute'], where, errors);
    const id = e.name ?? (i === 0 ? 'buttons' : `buttons-${i + 1}`);
    if (!ID.test(id)) errors.push(`${where}: name "${id}" may use only letters, digits, _ and -`);
    const config = serialOptions(e, where, errors);
    const map = e.options.get('map');
    if (!map) errors.push(`${where}: map=key:SERVICE,… is required (e.g. map=1:HT,2:CT)`);
    const keys: Record<string, { service: string; priority?: string }> = {};
    for (const pair of (map ?? '').split(',').filter(Boolean)) {
      const [k = '', service = '', priority] = pair.split(':').map((s) => s.trim());
      if (!/^[0-9]{1,2}$/.test(k) || service === '')
        errors.push(`${where} map: "${pair}" must be key:SERVICE[:PRIORITY]`);
      else keys[k] = priority ? { service, priority } : { service };
    }
    config.keys = keys;
    const interval = intOption(e.options, 'interval', where, errors);
    if (interval !== undefined) config.minIntervalMs = interval;
    const perMinute = intOption(e.options, 'perMinute', where, errors);
    if (perMinute !== undefined) config.maxPerMinute = perMinute;
    seeds.push({
      id,
      kind: 'ticketButtons',
      name: e.options.get('name') ?? 'Nút lấy số',
      counter: null,
      config,
    });
  });
  return { seeds, errors: [...errors, ...duplicateIds(seeds, key)] };
}

function duplicateIds(seeds: readonly DeviceSeed[], key: string): string[] {
  const ids = seeds.map((s) => s.id);
  return ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${key}: device "${id}" appears twice`);
}
