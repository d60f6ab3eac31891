import { cpus } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Prints `name value unit  (target …)` and collects it for the results file. */
export class Figures {
  readonly all: Figure[] = [];
  add(name: string, value: number, unit: string, target?: string): void {
    const f: Figure = { name, value: round(value, 2), unit, ...(target ? { target } : {}) };
    this.all.push(f);
    process.stdout.write(`${name} ${f.value} ${unit}${target ? `   (target ${target})` : ''}\n`);
  }
  save(file: string): void {
    const dir = join(import.meta.dirname);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, file),
      JSON.stringify({ machine: machine(), at: new Date().toISOString(), figures: this.all }, null, 2),
    );
  }
}

export function machine() {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: process.platform,
  };
}

export function readResults(file: string): { figures: Figure[] } | null {
  const p = join(import.meta.dirname, file);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { figures: Figure[] }) : null;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** One Socket.IO client on `ns` over WebSocket, resolved once connected (a cookie for /console). */
export function socketClient(url: string, ns: string, cookie?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(url + ns, {
      transports: ['websocket'],
      forceNew: true,
      ...(cookie ? { extraHeaders: { cookie } } : {}),
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}
