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
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** '08:05 — Thứ Hai, 23/11/2026' in the given IANA zone. Unparseable input is printed as given. */
export function formatIssuedAt(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) p[part.type] = part.value;
  const weekday = WEEKDAYS_VI[WEEKDAY_INDEX[p.weekday ?? ''] ?? 0];
  return `${p.hour}:${p.minute} — ${weekday}, ${p.day}/${p.month}/${p.year}`;
}
