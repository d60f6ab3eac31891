import type { Centre } from '../../../../core/contracts/site.js';
import type { QueueSnapshot, ServiceState, WaitingCounts } from '../../../../core/contracts/queue.js';

export interface Category {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface ServicesAnswer {
  services: ServiceState[];
  priorityCategories: Category[];
}

/** `connecting` before the first snapshot, `online` while the socket is up, `offline` otherwise. */
export type Link = 'connecting' | 'online' | 'offline';

/**
 * What the kiosk knows about the queue, only ever from the server: the snapshot sent on every
 * (re)connect, waiting counts pushed after each commit, and a periodic /api/services refresh.
 * While the link is down nothing here is shown (the kiosk shows its offline screen instead).
 */
export class LiveQueue {
  link = $state<Link>('connecting');
  services = $state<ServiceState[]>([]);
  categories = $state<Category[]>([]);
  centre = $state<Centre | null>(null);
  timeZone = $state('Asia/Ho_Chi_Minh');
  /** server clock minus this device's clock, from the last snapshot */
  offsetMs = 0;
  version: string | null = null;

  /** Applies a snapshot; returns true when the server runs a different build than the first one seen. */
  applySnapshot(s: QueueSnapshot, receivedAt: number): boolean {
    this.services = s.services;
    this.centre = s.centre;
    this.timeZone = s.timeZone;
    this.offsetMs = Date.parse(s.at) - receivedAt;
    this.link = 'online';
    const changed = this.version !== null && this.version !== s.version;
    this.version ??= s.version;
    return changed;
  }

  applyWaiting(w: WaitingCounts): void {
    this.services = this.services.map((s) => ({ ...s, waiting: w.services[s.code] ?? 0 }));
  }

  applyServices(a: ServicesAnswer): void {
    this.services = a.services;
    this.categories = a.priorityCategories;
  }

  /** A DAILY_CAP_REACHED refusal: say so on the button at once, before the next refresh. */
  markCapReached(code: string): void {
    this.services = this.services.map((s) => (s.code === code ? { ...s, capReached: true } : s));
  }

  disconnected(): void {
    this.link = 'offline';
  }

  /** The server's "now", for closing times and opening hours. */
  now(deviceNow: number = Date.now()): number {
    return deviceNow + this.offsetMs;
  }
}
