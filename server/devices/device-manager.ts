import type { DeviceStatus } from '../../core/contracts/devices.js';
import type { TicketButtonsSettings } from '../../core/contracts/devices-config.js';
import type { RatingPress, SerialDeviceConfig } from '../../core/contracts/rating.js';
import type { Clock } from '../../core/domain/clock.js';
import type { Logger } from '../../drivers/logger.js';
import type { EventBus } from '../event-bus.js';
import { iso } from '../services/views.js';
import { checkDevice, type DeviceCheckContext, ratingBoxConfigOf } from './device-config.js';
import type { DeviceRepo, DeviceRow } from './device-repo.js';
import type { DeviceDriverFactory, KeypadDriver, RatingBoxDriver } from './drivers.js';
import { type IssueFn, TicketButtonPad } from './ticket-buttons.js';

export interface DeviceManagerDeps {
  repo: DeviceRepo;
  drivers: DeviceDriverFactory;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  /** services, priorities, counters and the rating scale devices are checked against */
  context: () => Required<DeviceCheckContext>;
  onRatingPress: (press: RatingPress) => void;
  issue: IssueFn;
  /** how often changed press/drop counters are republished (ms); 0 = only on changes of state */
  refreshMs?: number;
}

interface Running {
  row: DeviceRow;
  fingerprint: string;
  driver: RatingBoxDriver | KeypadDriver | null;
  pad: TicketButtonPad | null;
  /** a config the driver refused: shown as state `error` until the row changes */
  error: string | null;
  since: number;
  published: string;
}

const SERIAL_KINDS = new Set(['ratingBox', 'ticketButtons']);

/**
 * Runs the serial devices configured in the `devices` table: one driver per active rating box or
 * ticket-button row. `apply()` reconciles with the table (after an admin edit, a site change or a
 * scale change): unchanged devices keep running, changed ones restart, removed ones stop. Every
 * state change is published as `deviceStatus`. Nothing here throws into the process.
 */
export class DeviceManager {
  private readonly running = new Map<string, Running>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly timer: ReturnType<typeof setInterval> | null;

  constructor(private readonly d: DeviceManagerDeps) {
    const refresh = d.refreshMs ?? 5000;
    this.timer = refresh > 0 ? setInterval(() => this.refresh(), refresh) : null;
    this.timer?.unref();
  }

  /** Reconciles running drivers with the table; calls are serialised. Never rejects. */
  apply(): Promise<void> {
    this.chain = this.chain
      .then(() => this.reconcile())
      .catch((err) => this.d.log.error({ err }, 'device apply failed'));
    return this.chain;
  }

  /** The live status of a device (running, failed or disabled), or undefined when unknown. */
  status(id: string): DeviceStatus | undefined {
    const r = this.running.get(id);
    if (r) return this.statusOf(r);
    const row = this.d.repo.get(id);
    return row && SERIAL_KINDS.has(row.kind) ? this.disabled(row) : undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain;
    await Promise.all([...this.running.values()].map((r) => r.driver?.close()));
    this.running.clear();
  }

  private async reconcile(): Promise<void> {
    if (this.closed) return;
    const rows = this.d.repo.list().filter((r) => SERIAL_KINDS.has(r.kind));
    const ctx = this.d.context();
    const wanted = new Map(rows.filter((r) => r.active).map((r) => [r.id, r]));
    for (const [id, r] of this.running) {
      const row = wanted.get(id);
      if (row && this.fingerprint(row, ctx) === r.fingerprint) continue;
      this.running.delete(id);
      await r.driver?.close();
      if (!row) this.d.bus.emit('deviceStatus', this.disabled(rows.find((x) => x.id === id) ?? r.row));
    }
    for (const row of rows) {
      if (!row.active) this.d.bus.emit('deviceStatus', this.disabled(row));
      else if (!this.running.has(row.id) && !this.closed) this.start(row, ctx);
    }
  }

  private fingerprint(row: DeviceRow, ctx: Required<DeviceCheckContext>): string {
    const site = row.kind === 'ratingBox' ? { scale: ctx.scale } : { services: [...ctx.services] };
    return JSON.stringify({ kind: row.kind, name: row.name, counter: row.counter, config: row.config, site });
  }

  private start(row: DeviceRow, ctx: Required<DeviceCheckContext>): void {
    const r: Running = {
      row,
      fingerprint: this.fingerprint(row, ctx),
      driver: null,
      pad: null,
      error: null,
      since: this.d.clock.now(),
      published: '',
    };
    this.running.set(row.id, r);
    const problems = checkDevice(row, ctx);
    try {
      if (problems.length) throw new Error(problems.join('; '));
      r.driver = row.kind === 'ratingBox' ? this.startBox(row, r, ctx) : this.startButtons(row, r);
      r.driver.onStatus(() => this.publish(r));
      r.driver.start();
    } catch (err) {
      r.error = err instanceof Error ? err.message : String(err);
      r.driver = null;
      this.d.log.error({ device: row.id, err: r.error }, 'device not started: invalid configuration');
    }
    this.publish(r);
  }

  private startBox(row: DeviceRow, r: Running, ctx: Required<DeviceCheckContext>): RatingBoxDriver {
    const box = this.d.drivers.ratingBox(ratingBoxConfigOf(row), ctx.scale);
    box.onPress((p) => {
      this.d.onRatingPress(p);
      this.publish(r);
    });
    return box;
  }

  private startButtons(row: DeviceRow, r: Running): KeypadDriver {
    const settings = row.config as TicketButtonsSettings;
    const pad = new TicketButtonPad(row.id, settings, this.d.issue, this.d.log);
    const keypad = this.d.drivers.keypad(row.id, row.config as unknown as SerialDeviceConfig);
    keypad.onKey((k) => {
      void pad.press(k).then(() => this.publish(r));
    });
    r.pad = pad;
    return keypad;
  }

  private statusOf(r: Running): DeviceStatus {
    const base = { id: r.row.id, kind: r.row.kind, name: r.row.name };
    if (!r.driver)
      return { ...base, state: 'error', lastError: r.error ?? 'not started', since: iso(r.since) };
    const s = r.driver.status();
    const counters = { ...r.driver.stats(), ...(r.pad ? r.pad.stats() : {}) };
    return {
      ...base,
      state: s.state,
      ...(s.lastError ? { lastError: s.lastError } : {}),
      since: iso(s.since),
      counters,
    };
  }

  private disabled(row: DeviceRow): DeviceStatus {
    return { id: row.id, kind: row.kind, name: row.name, state: 'disabled', since: iso(row.updatedAt) };
  }

  private publish(r: Running): void {
    if (this.running.get(r.row.id) !== r) return;
    const status = this.statusOf(r);
    r.published = JSON.stringify(status);
    this.d.bus.emit('deviceStatus', status);
  }

  /** Republishes devices whose counters changed (presses, dropped garbage) since the last publish. */
  private refresh(): void {
    for (const r of this.running.values()) {
      if (JSON.stringify(this.statusOf(r)) !== r.published) this.publish(r);
    }
  }
}
