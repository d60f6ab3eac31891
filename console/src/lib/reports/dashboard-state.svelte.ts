import type { Dashboard } from '../../../../core/contracts/reports.js';
import type { ReportsApi } from './reports-api.js';

export const DASHBOARD_REFRESH_MS = 10_000;

/** The live overview, read every 10 s while the page is open (and at once when it comes back into view). */
export class DashboardState {
  data = $state<Dashboard | null>(null);
  error = $state<string | null>(null);
  private timer: ReturnType<typeof setInterval> | null = null;
  private busy = false;

  constructor(
    private readonly api: ReportsApi,
    private readonly everyMs = DASHBOARD_REFRESH_MS,
  ) {}

  async refresh(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.data = await this.api.dashboard();
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
    }
  }

  start(): () => void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.everyMs);
    const onVisible = () => {
      if (typeof document !== 'undefined' && document.visibilityState === 'visible') void this.refresh();
    };
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
    return () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    };
  }
}
