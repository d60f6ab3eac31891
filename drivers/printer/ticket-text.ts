import { localParts } from '../../core/domain/local-time.js';

/**
 * Fixed wording printed on tickets (Vietnamese, NFC). The site-specific lines (centre, notice,
 * header/footer) come from TicketLayout and TicketPrintData instead.
 */
export const TICKET_TEXT = {
  numberCaption: 'SỐ THỨ TỰ',
  priority: 'Ưu tiên',
  ahead: (n: number): string => (n === 0 ? 'Không có người chờ trước bạn' : `Số người chờ trước bạn: ${n}`),
  scanQr: 'Quét mã QR để xem lượt gọi số',
} as const;

const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** '08:05 — Thứ Hai, 23/11/2026' in the given IANA zone. Unparseable input is printed as given. */
export function formatIssuedAt(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const { day, weekday, minutes } = localParts(ms, timeZone);
  const [y, m, d] = day.split('-');
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${hhmm} — ${WEEKDAYS_VI[weekday]}, ${d}/${m}/${y}`;
}
