import type { AdminSite, OfficialView } from '../../../../core/contracts/admin.js';
import type { AdminSettings } from '../../../../core/contracts/admin-ops.js';
import { type AdminApi, ApiError } from './admin-api.js';
import type { AdminStrings } from './i18n/vi.js';

export const SECTIONS = [
  'centre',
  'services',
  'counters',
  'officials',
  'priority',
  'calendar',
  'rating',
  'screens',
  'voice',
  'ticket',
  'devices',
  'day',
  'data',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

export function sectionOf(hash: string): Section {
  const s = hash.replace(/^#/, '');
  return (SECTIONS as readonly string[]).includes(s) ? (s as Section) : 'centre';
}

/** What to load again after a change. */
export type Reload = 'site' | 'settings' | 'officials';

export interface Confirmation {
  message: string;
  action: string;
  run: () => Promise<unknown>;
}

/**
 * The admin page: the site, settings and officials as the server has them, the open section, and
 * one way to run a change (busy flag, the server's refusal shown as it is, a "saved" notice, reload).
 */
export class AdminState {
  section = $state<Section>('centre');
  site = $state<AdminSite | null>(null);
  settings = $state<AdminSettings | null>(null);
  officials = $state<OfficialView[]>([]);
  loadError = $state<string | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  confirmation = $state<Confirmation | null>(null);
  /** how many changes ran (tests wait for the next one) */
  runs = $state(0);

  constructor(
    readonly api: AdminApi,
    private readonly strings: () => AdminStrings,
  ) {}

  get t(): AdminStrings {
    return this.strings();
  }

  async load(what: readonly Reload[] = ['site', 'settings', 'officials']): Promise<void> {
    try {
      const [site, settings, officials] = await Promise.all([
        what.includes('site') ? this.api.site() : this.site,
        what.includes('settings') ? this.api.settings() : this.settings,
        what.includes('officials') ? this.api.officials() : this.officials,
      ]);
      this.site = site;
      this.settings = settings;
      this.officials = officials;
      this.loadError = null;
    } catch (e) {
      this.loadError = messageOf(e);
    }
  }

  go(section: Section): void {
    this.section = section;
    this.error = null;
    this.notice = null;
    if (typeof window !== 'undefined' && window.location.hash !== `#${section}`) {
      window.history.replaceState(null, '', `#${section}`);
    }
  }

  /** Runs one change; true when it succeeded. The server's message is shown on refusal. */
  async run<T>(
    fn: () => Promise<T>,
    opts: { reload?: Reload[]; done?: string | ((v: T) => string) } = {},
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      const v = await fn();
      if (opts.reload?.length) await this.load(opts.reload);
      this.notice = typeof opts.done === 'function' ? opts.done(v) : (opts.done ?? this.t.saved);
      return true;
    } catch (e) {
      this.error = messageOf(e);
      return false;
    } finally {
      this.busy = false;
      this.runs++;
    }
  }

  /** A form's own check failed: show it like a refusal. */
  invalid(message: string): void {
    this.notice = null;
    this.error = message;
    this.runs++;
  }

  /** Destructive actions ask first. */
  ask(message: string, action: string, run: () => Promise<unknown>): void {
    this.confirmation = { message, action, run };
  }

  async confirmed(): Promise<void> {
    const c = this.confirmation;
    this.confirmation = null;
    if (c) await c.run();
  }
}

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
