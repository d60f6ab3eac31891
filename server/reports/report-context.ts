import type { RatingScale } from '../../core/contracts/rating.js';
import type { ReportGroup } from '../../core/contracts/reports.js';
import { WAIT_TARGET_SETTING, waitTarget } from '../../core/domain/metrics-live.js';
import type { Db } from '../db/open.js';
import { loadSite, type SiteData } from '../db/site-repo.js';
import { mergeRatingSettings } from '../services/rating-settings.js';

export interface OfficialInfo {
  name: string;
  agency: string;
  role: string;
}

/** What a report needs besides the figures: names, the rating scale and the wait target. */
export interface ReportContext {
  site: SiteData;
  zone: string;
  officials: Map<number, OfficialInfo>;
  scale: RatingScale;
  targetWaitMinutes: number;
}

type Row = Record<string, unknown>;

function setting(db: Db, siteId: string, key: string): unknown {
  const r = db.prepare('SELECT value_json FROM settings WHERE site_id = ? AND key = ?').get(siteId, key) as
    | Row
    | undefined;
  if (!r) return null;
  try {
    return JSON.parse(String(r.value_json));
  } catch {
    return null;
  }
}

/** Reads the context fresh for every report (names and settings may have changed since). */
export function loadContext(db: Db, zone: string): ReportContext {
  const site = loadSite(db);
  if (!site) throw new Error('no site in the database');
  const officials = new Map<number, OfficialInfo>();
  for (const r of db.prepare('SELECT id, display_name, agency, role FROM officials').all() as Row[]) {
    officials.set(Number(r.id), {
      name: String(r.display_name),
      agency: String(r.agency),
      role: String(r.role),
    });
  }
  const rating = mergeRatingSettings(setting(db, site.siteId, 'rating'));
  return {
    site,
    zone,
    officials,
    scale: { levels: rating.levels, satisfied: rating.satisfied },
    targetWaitMinutes: waitTarget(setting(db, site.siteId, WAIT_TARGET_SETTING)),
  };
}

export const NO_AGENCY = '(Chưa ghi cơ quan)';

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The Vietnamese name of a row (names are data; the app translates only its own words). */
export function rowLabel(ctx: ReportContext, group: ReportGroup, key: string): string {
  switch (group) {
    case 'official':
      return ctx.officials.get(Number(key))?.name ?? `Cán bộ #${key}`;
    case 'counter':
      return ctx.site.counters.find((c) => String(c.number) === key)?.name ?? `Quầy ${key}`;
    case 'service':
      return ctx.site.services.find((s) => s.code === key)?.name ?? key;
    case 'agency':
      return key === '' ? NO_AGENCY : key;
    case 'day':
      return dmy(key);
    case 'hour':
      return `${key}:00–${String(Number(key) + 1).padStart(2, '0')}:00`;
  }
}
