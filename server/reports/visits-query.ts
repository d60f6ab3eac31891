import type { RatingScale } from '../../core/contracts/rating.js';
import type { Period } from '../../core/domain/metrics-period.js';
import type { Db } from '../db/open.js';
import type { ReportContext } from './report-context.js';
import { LocalClock } from './stamp.js';

/** One row per ticket issued in the period (the raw visits sheet), in each ticket's latest state. */
export const VISIT_HEADERS = [
  'Ngày',
  'Số phiếu',
  'Lĩnh vực',
  'Ưu tiên',
  'Giờ lấy số',
  'Giờ gọi lần đầu',
  'Chờ (phút)',
  'Giờ hoàn thành',
  'Phục vụ (phút)',
  'Quầy',
  'Cán bộ',
  'Trạng thái',
  'Mã hồ sơ',
  'Đánh giá',
];
export const VISIT_WIDTHS = [11, 9, 26, 16, 11, 11, 9, 11, 9, 7, 24, 13, 14, 16];

const STATUS: Record<string, string> = {
  waiting: 'Đang chờ',
  called: 'Đã gọi',
  serving: 'Đang phục vụ',
  finished: 'Đã phục vụ',
  no_show: 'Vắng mặt',
  cancelled: 'Đã hủy',
};

type Cell = string | number | null;
type VisitRaw = [
  day: string,
  label: string,
  service: string,
  original: string,
  priority: string | null,
  status: string,
  issued: number,
  called: number | null,
  started: number | null,
  finished: number | null,
  counter: number | null,
  official: string | null,
  dossier: string | null,
  level: number | null,
  size: number | null,
];

const minutes = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.round(((b - a) / 60_000) * 10) / 10;

function ratingLabel(level: number | null, size: number | null, scale: RatingScale): string | null {
  if (level === null) return null;
  if (size === scale.levels.length)
    return scale.levels.find((l) => l.level === level)?.label ?? String(level);
  return `Mức ${level}/${size}`;
}

/** Streams the visit rows of a period, oldest first (the tickets (site_id, day) index, no sort). */
export function* visitRows(db: Db, ctx: ReportContext, p: Period): Generator<Cell[]> {
  const services = new Map(ctx.site.services.map((s) => [s.code, s.name]));
  const categories = new Map(ctx.site.categories.map((c) => [c.code, c.name]));
  const local = new LocalClock(ctx.zone);
  const stmt = db
    .prepare(`SELECT t.day, t.label, t.service, t.original_service, t.priority, t.status, t.issued_at,
      t.first_called_at, t.started_at, t.finished_at, t.counter, o.display_name, t.dossier_code,
      r.level, r.scale_size FROM tickets t LEFT JOIN officials o ON o.id = t.official_id
      LEFT JOIN ratings r ON r.ticket_id = t.id
      WHERE t.site_id = ? AND t.day BETWEEN ? AND ? ORDER BY t.day, t.id`)
    .raw(true);
  let lastDay = '';
  let shown = '';
  for (const row of stmt.iterate(ctx.site.siteId, p.from, p.to) as Iterable<VisitRaw>) {
    const [day, label, service, original, priority, status, issued, called, started, finished] = row;
    if (day !== lastDay) {
      lastDay = day;
      shown = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
    }
    const name = services.get(service) ?? service;
    yield [
      shown,
      label,
      original === service ? name : `${name} (chuyển từ ${services.get(original) ?? original})`,
      priority === null ? null : (categories.get(priority) ?? priority),
      local.time(issued, day),
      called === null ? null : local.time(called, day),
      minutes(issued, called),
      finished === null ? null : local.time(finished, day),
      minutes(started, finished),
      row[10],
      row[11],
      STATUS[status] ?? status,
      row[12],
      ratingLabel(row[13], row[14], ctx.scale),
    ];
  }
}
