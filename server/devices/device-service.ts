import type { DeviceUpsertBody, DeviceView } from '../../core/contracts/devices-config.js';
import type { RatingScale } from '../../core/contracts/rating.js';
import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { SiteCatalog } from '../services/site-catalog.js';
import { iso } from '../services/views.js';
import { checkDevice, type DeviceCheckContext } from './device-config.js';
import type { DeviceManager } from './device-manager.js';
import type { DeviceRepo, DeviceRow } from './device-repo.js';

export interface DeviceServiceDeps {
  repo: DeviceRepo;
  catalog: SiteCatalog;
  writes: WriteQueue;
  clock: Clock;
  scale: () => RatingScale;
}

/**
 * Admin edits of the `devices` table: checked against the site (services, counters, scale),
 * committed, then applied live by the manager. Other modules (printing) may listen for changes.
 */
export class DeviceService {
  private manager: DeviceManager | null = null;
  private readonly listeners = new Set<(row: DeviceRow | null, id: string) => void>();

  constructor(private readonly d: DeviceServiceDeps) {}

  attach(manager: DeviceManager): void {
    this.manager = manager;
  }

  /** What device configs are checked against, now. */
  context(): Required<DeviceCheckContext> {
    const site = this.d.catalog.site;
    return {
      services: new Set(site.services.map((s) => s.code)),
      priorities: new Set(site.categories.map((c) => c.code)),
      counters: new Set(site.counters.map((c) => c.number)),
      scale: this.d.scale(),
    };
  }

  /** Called after a device row changed (`row` null = deleted). Returns an unsubscribe function. */
  onChange(listener: (row: DeviceRow | null, id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): DeviceView[] {
    return this.d.repo.list().map((r) => this.view(r));
  }

  async upsert(id: string, body: DeviceUpsertBody): Promise<DeviceView> {
    const spec = { id, kind: body.kind, counter: body.counter ?? null, config: body.config };
    const problems = checkDevice(spec, this.context());
    if (problems.length)
      throw new DomainError('VALIDATION_FAILED', { detail: problems.join('; ').slice(0, 300) });
    const row = await this.d.writes.run(() =>
      this.d.repo.upsert({ ...spec, name: body.name, active: body.active ?? true }, this.d.clock.now()),
    );
    await this.changed(row, id);
    return this.view(row);
  }

  async remove(id: string): Promise<void> {
    const ok = await this.d.writes.run(() => this.d.repo.remove(id));
    if (!ok) throw new DomainError('NOT_FOUND');
    await this.changed(null, id);
  }

  private async changed(row: DeviceRow | null, id: string): Promise<void> {
    await this.manager?.apply();
    for (const l of this.listeners) {
      try {
        l(row, id);
      } catch {
        // a listener's failure is its own; the change is committed
      }
    }
  }

  private view(r: DeviceRow): DeviceView {
    const status = this.manager?.status(r.id);
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      counter: r.counter,
      config: r.config,
      active: r.active,
      updatedAt: iso(r.updatedAt),
      ...(status ? { status } : {}),
    };
  }
}
