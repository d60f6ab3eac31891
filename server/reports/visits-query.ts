import type { RatingScale } from '../../core/contracts/rating.js';
import { zoneOffsetMs } from '../../core/domain/local-time.js';
import type { Period } from '../../core/domain/metrics-period.js';
import type { Db } from '../db/open.js';
import type { ReportContext } from './report-context.js';

/** One row per ticket issued in the period (the raw visits sheet), newest state of each ticket. */
export const VISIT_HEADERS = [
  'Ngày',
  'Số phiếu',
  'Lĩnh vực',
  'Lĩnh vực lúc lấy số',
  'Ưu tiên',
  'Giờ lấy số',
  'Giờ gọi lần đầu',
  'Chờ (phút)',
  'Giờ bắt đầu phục vụ',
  'Giờ hoàn thành',
  'Phục vụ (phút)',
  'Quầy',
  'Cán bộ',
  'Trạng thái',
  'Số lần gọi lại',
  'Mã hồ sơ',
  'Đánh giá',
];
export const VISIT_WIDTHS = [11, 9, 22, 22, 16, 11, 11, 9, 11, 11, 9, 7, 24, 13, 8, 14, 16];

const STATUS: Record<string, string> = {
  waiting: 'Đang chờ',
  called: 'Đã gọi',
  serving: 'Đang phục vụ',
  finished: 'Đã phục vụ',
  no_show: 'Vắng mặt',
  cancelled: 'Đã hủy',
};

type Cell = string | number | null;
type Raw = [
  string,
  string,
  string,
  string,
  string | null,
  string,
  number,
  number | null,
  number | null,
  number | null,
];
type Raw2 = [number | null, string | null, number, string | null, number | null, number | null];

const p2 = (n: number) => String(n).padStart(2, '0');

/** Local "HH:MM:SS", with the date in front when it is not the ticket's day. */
function clock(at: number | null, day: string, zone: string): string | null {
  if (at === null) return null;
  const d = new Date(at + zoneOffsetMs(at, zone));
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const local = d.toISOString().slice(0, 10);
  return local === day ? hms : `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${hms}`;
}

const minutes = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.round(((b - a) / 60_000) * 10) / 10;

function ratingLabel(level: number | null, size: number | null, scale: RatingScale): string | null {
  if (level === null) return null;
  if (size === scale.levels.length)
    return scale.levels.find((l) => l.level === level)?.label ?? String(level);
  return `Mức ${level}/${size}`;
}

/** Streams the visit rows of a period, oldest first (uses the tickets (site_id, day) index). */
export function* visitRows(db: Db, ctx: ReportContext, p: Period): Generator<Cell[]> {
  const services = new Map(ctx.site.services.map((s) => [s.code, s.name]));
  const categories = new Map(ctx.site.categories.map((c) => [c.code, c.name]));
  const stmt = db
    .prepare(`SELECT t.day, t.label, t.service, t.original_service, t.priority, t.status, t.issued_at,
      t.first_called_at, t.started_at, t.finished_at, t.counter, o.display_name, t.recalls, t.dossier_code,
      r.level, r.scale_size FROM tickets t LEFT JOIN officials o ON o.id = t.official_id
      LEFT JOIN ratings r ON r.ticket_id = t.id
      WHERE t.site_id = ? AND t.day BETWEEN ? AND ? ORDER BY t.day, t.id`)
    .raw(true);
  for (const row of stmt.iterate(ctx.site.siteId, p.from, p.to) as Iterable<[...Raw, ...Raw2]>) {
    const [day, label, service, original, priority, status, issued, called, started, finished] = row;
    const [counter, official, recalls, dossier, level, size] = row.slice(10) as Raw2;
    yield [
      `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`,
      label,
      services.get(service) ?? service,
      original === service ? null : (services.get(original) ?? original),
      priority === null ? null : (categories.get(priority) ?? priority),
      clock(issued, day, ctx.zone),
      clock(called, day, ctx.zone),
      minutes(issued, called),
      clock(started, day, ctx.zone),
      clock(finished, day, ctx.zone),
      minutes(started, finished),
      counter,
      official,
      STATUS[status] ?? status,
      recalls,
      dossier,
      ratingLabel(level, size, ctx.scale),
    ];
  }
}
