import type { DeviceStatus } from '../../core/contracts/devices.js';
import type { Clock } from '../../core/domain/clock.js';
import type { Db } from '../db/open.js';
import type { EventBus } from '../event-bus.js';
import { iso } from './views.js';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  mode: string;
  time: string;
  timeZone: string;
  uptimeS: number;
  db: { state: 'ok' | 'error'; error?: string };
  devices: DeviceStatus[];
  checks: Record<string, unknown>;
}

/**
 * /api/health: 200 whenever tickets can be issued. Device faults are reported in the body
 * (`status: degraded`), never as a failing HTTP status, so screens and systemd keep working.
 */
export class HealthService {
  private readonly devices = new Map<string, DeviceStatus>();
  private readonly extra = new Map<string, () => unknown>();
  private readonly startedAt: number;

  constructor(
    private readonly d: {
      db: Db;
      bus: EventBus;
      clock: Clock;
      version: string;
      mode: string;
      timeZone: string;
    },
  ) {
    this.startedAt = d.clock.now();
    d.bus.on('deviceStatus', (s) => this.devices.set(s.id, s));
  }

  /** Other parts (disk space, clock sanity) add a named check. */
  addCheck(name: string, fn: () => unknown): void {
    this.extra.set(name, fn);
  }

  report(): HealthReport {
    let db: HealthReport['db'] = { state: 'ok' };
    try {
      this.d.db.prepare('SELECT 1').get();
    } catch (e) {
      db = { state: 'error', error: (e as Error).message };
    }
    const devices = [...this.devices.values()];
    const faulty = devices.some((x) => !['ok', 'connected', 'disabled', 'unknown'].includes(x.state));
    const checks: Record<string, unknown> = {};
    for (const [k, fn] of this.extra) {
      try {
        checks[k] = fn();
      } catch (e) {
        checks[k] = { error: (e as Error).message };
      }
    }
    return {
      status: db.state === 'ok' && !faulty ? 'ok' : 'degraded',
      version: this.d.version,
      mode: this.d.mode,
      time: iso(this.d.clock.now()),
      timeZone: this.d.timeZone,
      uptimeS: Math.round((this.d.clock.now() - this.startedAt) / 1000),
      db,
      devices,
      checks,
    };
  }
}
