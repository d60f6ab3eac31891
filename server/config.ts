import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPrinterSettings, type PrinterSettings } from '../core/contracts/printing.js';
import { validatePrinterSettings } from '../drivers/printer/printer-uri.js';
import { deviceSeedsFromEnv } from './devices/device-env.js';
import type { DeviceSeed } from './devices/env-format.js';

/** Deployment settings, from the environment only (systemd EnvironmentFile=). Business data lives in the DB. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  siteFile: string;
  timeZone: string;
  mode: 'demo' | 'production';
  publicUrl: string;
  /** printer settings from XEPHANG_PRINTER* (seed the devices table on first start); null = none given */
  printer: PrinterSettings | null;
  /** XEPHANG_RATING_BOXES / XEPHANG_TICKET_BUTTONS: fill the devices table on first start (docs/devices.md) */
  ratingBoxes: DeviceSeed[];
  ticketButtons: DeviceSeed[];
  /** requests per minute per client for ticket issuing; 0 = off (benchmarks) */
  issueRateLimit: number;
  /** IPs/CIDRs allowed to issue tickets and open display feeds without a paired device token; empty = anyone */
  deviceAllow: string[];
  sessionHours: number;
  logLevel: string;
  appsDir: string;
}

export const ROOT_DIR = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
  return dir;
}

function firstLanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function intIn(env: NodeJS.ProcessEnv, key: string, def: number, min: number, max: number, errs: string[]) {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    errs.push(`${key}: must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}

/**
 * XEPHANG_PRINTER (URI) with XEPHANG_PRINTER_WIDTH (384|512|576), XEPHANG_PRINTER_CUT
 * (partial|full|none) and XEPHANG_PRINTER_MODE (raster|column). The demo prints to PNG files
 * (`simulated`) when no printer is given.
 */
function printerFromEnv(env: NodeJS.ProcessEnv, mode: string, errs: string[]): PrinterSettings | null {
  const uri = env.XEPHANG_PRINTER ?? (mode === 'demo' ? 'simulated' : undefined);
  if (uri === undefined) return null;
  const settings: PrinterSettings = {
    ...defaultPrinterSettings,
    uri,
    width: intIn(env, 'XEPHANG_PRINTER_WIDTH', 576, 1, 10_000, errs) as PrinterSettings['width'],
    cut: (env.XEPHANG_PRINTER_CUT ?? 'partial') as PrinterSettings['cut'],
    mode: (env.XEPHANG_PRINTER_MODE ?? 'raster') as PrinterSettings['mode'],
  };
  try {
    validatePrinterSettings(settings, 'XEPHANG_PRINTER');
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    errs.push(
      m
        .replace('XEPHANG_PRINTER.uri', 'XEPHANG_PRINTER')
        .replace(/XEPHANG_PRINTER\.(\w+)/, (_x, k: string) => `XEPHANG_PRINTER_${k.toUpperCase()}`),
    );
  }
  return settings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates every XEPHANG_* variable; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const errs: string[] = [];
  const port = intIn(env, 'XEPHANG_PORT', 8080, 0, 65535, errs);
  const mode = env.XEPHANG_MODE ?? 'demo';
  if (mode !== 'demo' && mode !== 'production')
    errs.push(`XEPHANG_MODE: must be "demo" or "production" (got "${mode}")`);
  const timeZone = env.XEPHANG_TZ ?? 'Asia/Ho_Chi_Minh';
  if (!validZone(timeZone)) errs.push(`XEPHANG_TZ: unknown time zone "${timeZone}" (e.g. Asia/Ho_Chi_Minh)`);
  const siteFile = resolve(env.XEPHANG_SITE ?? join(ROOT_DIR, 'sites', 'demo.json'));
  if (!existsSync(siteFile)) errs.push(`XEPHANG_SITE: file not found: ${siteFile}`);
  const publicUrl = (env.XEPHANG_PUBLIC_URL ?? `http://${firstLanAddress()}:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl))
    errs.push(`XEPHANG_PUBLIC_URL: must start with http:// or https:// (got "${publicUrl}")`);
  const issueRateLimit = intIn(env, 'XEPHANG_ISSUE_RATE_LIMIT', 20, 0, 100000, errs);
  const sessionHours = intIn(env, 'XEPHANG_SESSION_HOURS', 12, 1, 24 * 30, errs);
  const deviceAllow = (env.XEPHANG_DEVICE_ALLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of deviceAllow) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))
      errs.push(`XEPHANG_DEVICE_ALLOW: "${a}" is not an IP address or CIDR`);
  }
  const devices = deviceSeedsFromEnv(env, errs);
  const printer = printerFromEnv(env, mode, errs);
  if (errs.length) throw new ConfigError(errs);
  return {
    port,
    host: env.XEPHANG_HOST ?? '0.0.0.0',
    dataDir: resolve(env.XEPHANG_DATA_DIR ?? join(ROOT_DIR, 'data')),
    siteFile,
    timeZone,
    mode: mode as Config['mode'],
    publicUrl,
    printer,
    ratingBoxes: devices.ratingBoxes,
    ticketButtons: devices.ticketButtons,
    issueRateLimit,
    deviceAllow,
    sessionHours,
    logLevel: env.XEPHANG_LOG_LEVEL ?? 'info',
    appsDir: resolve(env.XEPHANG_APPS_DIR ?? join(ROOT_DIR, 'dist', 'apps')),
  };
}
