import type { DeviceKind } from '../../core/contracts/devices.js';
import type { Db } from '../db/open.js';
import type { DeviceSeed } from './env-format.js';

/** One row of the `devices` table, mapped. */
export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  counter: number | null;
  config: Record<string, unknown>;
  active: boolean;
  updatedAt: number;
}

type Row = Record<string, unknown>;

function toRow(r: Row): DeviceRow {
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(String(r.config_json)) as Record<string, unknown>;
  } catch {
    // a hand-edited row with bad JSON: shown as empty config, reported invalid by the manager
  }
  return {
    id: String(r.id),
    kind: r.kind as DeviceKind,
    name: String(r.name),
    counter: r.counter === null ? null : Number(r.counter),
    config,
    active: r.active === 1,
    updatedAt: Number(r.updated_at),
  };
}

/** SQL for the `devices` table (printers, rating boxes, ticket-button pads). */
export class DeviceRepo {
  constructor(private readonly db: Db) {}

  list(): DeviceRow[] {
    return (this.db.prepare('SELECT * FROM devices ORDER BY kind, id').all() as Row[]).map(toRow);
  }

  get(id: string): DeviceRow | null {
    const r = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as Row | undefined;
    return r ? toRow(r) : null;
  }

  upsert(d: Omit<DeviceRow, 'updatedAt'>, now: number): DeviceRow {
    this.db
      .prepare(
        `INSERT INTO devices (id, kind, name, counter, config_json, active, updated_at) VALUES (?,?,?,?,?,?,?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, counter = excluded.counter,
         config_json = excluded.config_json, active = excluded.active, updated_at = excluded.updated_at`,
      )
      .run(d.id, d.kind, d.name.normalize('NFC'), d.counter, JSON.stringify(d.config), d.active ? 1 : 0, now);
    return this.get(d.id)!;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM devices WHERE id = ?').run(id).changes > 0;
  }

  hasKind(kind: DeviceKind): boolean {
    return this.db.prepare('SELECT 1 FROM devices WHERE kind = ? LIMIT 1').get(kind) !== undefined;
  }

  /**
   * First start: devices from the environment fill the table, per kind, only while no row of that
   * kind exists (so console edits win; deactivate a device rather than delete it).
   */
  seed(seeds: readonly DeviceSeed[], now: number): DeviceSeed[] {
    const kinds = new Set(seeds.map((s) => s.kind));
    const empty = new Set([...kinds].filter((k) => !this.hasKind(k)));
    const added = seeds.filter((s) => empty.has(s.kind));
    this.db.transaction(() => {
      for (const s of added) this.upsert({ ...s, active: true }, now);
    })();
    return added;
  }
}
