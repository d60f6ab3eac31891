import type {
  CounterState,
  QueueSnapshot,
  ServiceState,
  WaitingCounts,
} from '../../../../core/contracts/queue.js';
import type { ConsoleApi } from '../api/console-api.js';

/** The site as the console sees it: services, counters (who holds them), the centre's name and zone. */
export class SiteState {
  services = $state<ServiceState[]>([]);
  counters = $state<CounterState[]>([]);
  centreName = $state<string | null>(null);
  timeZone = $state('Asia/Ho_Chi_Minh');

  constructor(private readonly api: ConsoleApi) {}

  applySnapshot(s: QueueSnapshot): void {
    this.services = s.services;
    this.counters = s.counters;
    this.centreName = s.centre.name;
    this.timeZone = s.timeZone;
  }

  applyCounter(c: CounterState): void {
    const i = this.counters.findIndex((x) => x.number === c.number);
    if (i === -1) this.counters = [...this.counters, c].sort((a, b) => a.number - b.number);
    else this.counters[i] = c;
  }

  applyWaiting(w: WaitingCounts): void {
    this.services = this.services.map((s) => ({ ...s, waiting: w.services[s.code] ?? 0 }));
  }

  /** The full snapshot when this device may read it, else just the counter list (login screen). */
  async load(): Promise<void> {
    try {
      this.applySnapshot(await this.api.snapshot());
    } catch {
      try {
        this.counters = await this.api.counters();
      } catch {
        // offline: keep what we have; the socket resyncs later
      }
    }
  }

  serviceName(code: string): string {
    return this.services.find((s) => s.code === code)?.name ?? code;
  }

  counter(n: number | null): CounterState | undefined {
    return n === null ? undefined : this.counters.find((c) => c.number === n);
  }
}
