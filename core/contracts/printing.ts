import { type Static, Type } from 'typebox';

/**
 * Ticket printing contracts: what a ticket says (data), how it is laid out (layout, edited in the
 * console) and how the printer is driven (settings, edited in the console; the URI comes from
 * XEPHANG_PRINTER on first start). All text is Vietnamese, normalised to NFC by the renderer.
 */

/** Everything printed on one ticket. Built by the server from the committed ticket. */
export const TicketPrintDataSchema = Type.Object({
  /** Province/commune and centre name, one printed line each (wrapped if long). */
  centreLines: Type.Array(Type.String()),
  serviceName: Type.String(),
  /** The queue number, e.g. 'A023'. Printed very large. */
  label: Type.String({ minLength: 1 }),
  /** Priority category name, e.g. 'Người cao tuổi (từ 75 tuổi)'. */
  priorityName: Type.Optional(Type.String()),
  /** People waiting ahead of this ticket when it was issued. */
  ahead: Type.Integer({ minimum: 0 }),
  /** ISO 8601 instant of issue. */
  issuedAt: Type.String(),
  /** IANA zone the date/time is printed in, e.g. 'Asia/Ho_Chi_Minh'. */
  timeZone: Type.String(),
  /** Live status page of this ticket, printed as a QR code. */
  statusUrl: Type.String(),
  /** Site lines at the bottom (hotline, slogan…). */
  footerLines: Type.Array(Type.String()),
});
export type TicketPrintData = Static<typeof TicketPrintDataSchema>;

export const DEFAULT_TICKET_NOTICE = 'Vui lòng giữ phiếu và chờ gọi số';

/** Which blocks a site prints, plus its own extra lines. */
export const TicketLayoutSchema = Type.Object({
  showProvince: Type.Boolean({ default: true }),
  showService: Type.Boolean({ default: true }),
  showPriority: Type.Boolean({ default: true }),
  showAhead: Type.Boolean({ default: true }),
  showTime: Type.Boolean({ default: true }),
  showQr: Type.Boolean({ default: true }),
  /** Extra lines printed above the centre lines. */
  headerText: Type.Optional(Type.Array(Type.String())),
  /** Extra lines printed above the site footer lines. */
  footerText: Type.Optional(Type.Array(Type.String())),
  notice: Type.String({ default: DEFAULT_TICKET_NOTICE }),
});
export type TicketLayout = Static<typeof TicketLayoutSchema>;

export const defaultTicketLayout: TicketLayout = {
  showProvince: true,
  showService: true,
  showPriority: true,
  showAhead: true,
  showTime: true,
  showQr: true,
  notice: DEFAULT_TICKET_NOTICE,
};

/** Printable widths in dots: 58 mm paper = 384, Epson 80 mm at 180 dpi = 512, 80 mm at 203 dpi = 576. */
export const PAPER_WIDTHS = [384, 512, 576] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

export const PrinterSettingsSchema = Type.Object({
  /** usblp:/dev/usb/lp0 · tcp://host:9100 · serial:/dev/ttyUSB0?baud=9600 · file:/path · simulated · none */
  uri: Type.String({ minLength: 1 }),
  width: Type.Union([Type.Literal(384), Type.Literal(512), Type.Literal(576)]),
  cut: Type.Union([Type.Literal('partial'), Type.Literal('full'), Type.Literal('none')]),
  /** 'raster' = GS v 0 (most printers); 'column' = ESC * 24-dot strips for very cheap printers. */
  mode: Type.Union([Type.Literal('raster'), Type.Literal('column')]),
  /** Print the QR with the printer's own GS ( k command instead of drawing it into the image. */
  nativeQr: Type.Boolean(),
  /** Blank lines fed before the cut. */
  feedLines: Type.Integer({ minimum: 0, maximum: 255 }),
});
export type PrinterSettings = Static<typeof PrinterSettingsSchema>;

export const defaultPrinterSettings: PrinterSettings = {
  uri: 'none',
  width: 576,
  cut: 'partial',
  mode: 'raster',
  nativeQr: false,
  feedLines: 3,
};

/** Why a print attempt failed; also used in job events and health. */
export const PrintFailReasonSchema = Type.Union([
  Type.Literal('paperOut'),
  Type.Literal('coverOpen'),
  Type.Literal('offline'),
  Type.Literal('timeout'),
  Type.Literal('io'),
  Type.Literal('closed'),
]);
export type PrintFailReason = Static<typeof PrintFailReasonSchema>;

/** The answer to one print request: quick enough for a kiosk to tell the citizen. */
export const PrintOutcomeSchema = Type.Union([
  Type.Object({ status: Type.Literal('printed'), attempts: Type.Integer() }),
  Type.Object({
    status: Type.Literal('failed'),
    reason: PrintFailReasonSchema,
    /** The job stays queued and is retried with backoff in the background. */
    willRetry: Type.Boolean(),
    attempts: Type.Integer(),
  }),
  /** No printer configured (URI `none`): nothing to print, show the number on screen. */
  Type.Object({ status: Type.Literal('disabled') }),
]);
export type PrintOutcome = Static<typeof PrintOutcomeSchema>;
