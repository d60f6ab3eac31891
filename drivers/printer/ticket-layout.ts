import type { TicketLayout, TicketPrintData } from '../../core/contracts/printing.js';
import { QR_QUIET_MODULES, type QrMatrix, qrMatrix, qrSide } from './qr-draw.js';
import { type FlowFonts, LINE_HEIGHT, SvgFlow, type SvgSegment } from './svg-flow.js';
import { cleanText, escapeXml } from './text-wrap.js';
import { formatIssuedAt, TICKET_TEXT } from './ticket-text.js';

/** The ticket as SVG plus where the QR goes (drawn straight into the bitmap, module-exact). */
type QrPlace = { x: number; y: number; modulePx: number; matrix: QrMatrix };

export interface TicketScene {
  width: number;
  height: number;
  /** Horizontal slices rendered separately; static ones are cached as bitmaps. */
  segments: SvgSegment[];
  /** The whole ticket as one SVG (previews, tests). */
  svg: string;
  qr?: QrPlace;
  /** Rows of the big queue number (its cap height), for previews and tests. */
  label: { top: number; height: number };
}

export interface SceneOptions {
  /** Draw the QR into the image (default). False when the printer prints it natively after the image. */
  qrInImage: boolean;
}

/** Sizes for 80 mm paper (576 dots); other widths scale them. Body text ≥ 3.4 mm for older eyes. */
const BASE = {
  margin: 16,
  top: 14,
  bottom: 18,
  header: 26,
  centre: 28,
  service: 40,
  serviceLong: 32,
  caption: 26,
  labelCap: 200,
  priority: 30,
  ahead: 32,
  time: 30,
  notice: 30,
  scan: 26,
  footer: 26,
  rule: 3,
} as const;

interface Scale {
  /** structural scale (paper width) */
  k: number;
  /** text scale: shrinks less than the paper so 58 mm tickets stay readable */
  t: number;
}

const px = (v: number): number => Math.round(v);

function header(flow: SvgFlow, data: TicketPrintData, layout: TicketLayout, s: Scale): void {
  for (const line of layout.headerText ?? []) flow.text(line, { size: px(BASE.header * s.t), maxLines: 2 });
  if (layout.showProvince) {
    for (const line of data.centreLines)
      flow.text(line, { size: px(BASE.centre * s.t), bold: true, maxLines: 2 });
  }
  flow.rule(px(BASE.rule * s.k), px(8 * s.k));
  if (layout.showService) serviceName(flow, data.serviceName, s);
}

/** The service in big bold type; a long name gets a smaller size rather than a third line. */
function serviceName(flow: SvgFlow, name: string, s: Scale): void {
  const big = { size: px(BASE.service * s.t), bold: true };
  const lines = flow.wrap(name, big);
  if (lines.length <= 2) flow.lines(lines, big);
  else flow.text(name, { size: px(BASE.serviceLong * s.t), bold: true, maxLines: 3 });
}

/** The queue number: as tall as the paper allows, squeezed horizontally before it is shrunk. */
function bigLabel(flow: SvgFlow, label: string, s: Scale): TicketScene['label'] {
  flow.gap(px(6 * s.k));
  flow.lines([TICKET_TEXT.numberCaption], { size: px(BASE.caption * s.t) });
  const text = cleanText(label);
  let size = (BASE.labelCap * s.k) / (flow.capHeight(true, 1) || 0.714);
  const natural = flow.measure(true)(text, size);
  let sx = Math.min(1, flow.contentWidth / natural);
  if (sx < 0.72) {
    size *= sx / 0.72;
    sx = 0.72;
  }
  const cap = flow.capHeight(true, size);
  flow.gap(px(10 * s.k));
  const baseline = Math.round(flow.y + cap);
  flow.raw(
    `<text transform="translate(${flow.width / 2} ${baseline}) scale(${sx.toFixed(4)} 1)" ` +
      `font-size="${size.toFixed(1)}" font-weight="700" text-anchor="middle">${escapeXml(text)}</text>`,
  );
  flow.y = baseline + px(18 * s.k);
  return { top: flow.toAbsolute(baseline - Math.round(cap)), height: Math.round(cap) };
}

/** Priority category in white on a black band: seen at a glance by staff and citizen. */
function priorityBand(flow: SvgFlow, name: string, s: Scale): void {
  const style = { size: px(BASE.priority * s.t), bold: true, fill: '#fff' as const, maxLines: 2 };
  const pad = px(10 * s.k);
  const lines = flow.wrap(`${TICKET_TEXT.priority}: ${name}`, style, flow.contentWidth - 2 * pad);
  const lineH = Math.round(style.size * 1.3);
  const top = Math.round(flow.y);
  flow.rect(flow.margin, top, flow.contentWidth, lines.length * lineH + 2 * pad, px(8 * s.k));
  flow.y = top + pad;
  flow.lines(lines, style);
  flow.y += pad + px(12 * s.k);
}

function details(flow: SvgFlow, data: TicketPrintData, layout: TicketLayout, s: Scale): void {
  if (layout.showPriority && data.priorityName?.trim()) priorityBand(flow, data.priorityName, s);
  if (layout.showAhead) flow.text(TICKET_TEXT.ahead(data.ahead), { size: px(BASE.ahead * s.t), bold: true });
  if (layout.showTime) flow.text(formatIssuedAt(data.issuedAt, data.timeZone), { size: px(BASE.time * s.t) });
}

function notice(flow: SvgFlow, layout: TicketLayout, s: Scale): void {
  flow.rule(px(BASE.rule * s.k), px(8 * s.k));
  if (layout.notice.trim())
    flow.text(layout.notice, { size: px(BASE.notice * s.t), bold: true, maxLines: 3 });
}

/**
 * QR on the left; on its right the caption and, when they fit beside it, the site's footer lines
 * (saves paper: a ticket must stay under ~70 KB of raster).
 */
function qrRow(
  flow: SvgFlow,
  url: string,
  s: Scale,
  footer: readonly string[],
): { qr: QrPlace; footerDone: boolean } {
  const matrix = qrMatrix(url);
  const modulePx = 4;
  const side = qrSide(matrix, modulePx);
  const quiet = QR_QUIET_MODULES * modulePx;
  const top = Math.round(flow.y - quiet / 2);
  const qr = { x: Math.max(0, flow.margin - quiet), y: flow.toAbsolute(top), modulePx, matrix };
  const textX = qr.x + side + px(4 * s.k);
  const textWidth = flow.width - flow.margin - textX;
  const scanStyle = { size: px(BASE.scan * s.t) };
  const footStyle = { size: px(BASE.footer * s.t), maxLines: 2 };
  const scan = flow.wrap(TICKET_TEXT.scanQr, scanStyle, textWidth);
  const foot = footer.flatMap((line) => flow.wrap(line, footStyle, textWidth));
  const lineH = (size: number): number => Math.round(size * LINE_HEIGHT);
  const gap = px(10 * s.k);
  const footH = foot.length > 0 ? gap + foot.length * lineH(footStyle.size) : 0;
  const footerDone = scan.length * lineH(scanStyle.size) + footH <= side;
  const blockH = scan.length * lineH(scanStyle.size) + (footerDone ? footH : 0);
  flow.y = top + (side - blockH) / 2;
  flow.lines(scan, scanStyle, textX, 'start');
  if (footerDone && foot.length > 0) {
    flow.gap(gap);
    flow.lines(foot, footStyle, textX, 'start');
  }
  flow.y = top + side - quiet / 2;
  return { qr, footerDone };
}

function footerLines(data: TicketPrintData, layout: TicketLayout): string[] {
  return [...(layout.footerText ?? []), ...data.footerLines].filter((l) => l.trim());
}

function footer(flow: SvgFlow, lines: readonly string[], s: Scale): void {
  if (lines.length > 0) flow.gap(px(6 * s.k));
  for (const line of lines) flow.text(line, { size: px(BASE.footer * s.t), maxLines: 2 });
}

export function layoutTicket(
  data: TicketPrintData,
  layout: TicketLayout,
  width: number,
  fonts: FlowFonts,
  options: SceneOptions = { qrInImage: true },
): TicketScene {
  const k = width / 576;
  const s: Scale = { k, t: Math.max(0.85, k) };
  const flow = new SvgFlow(width, px(BASE.margin * k), fonts, px(BASE.top * k));
  header(flow, data, layout, s);
  flow.segment(false); // number, priority, people ahead, time: different on every ticket
  const label = bigLabel(flow, data.label, s);
  details(flow, data, layout, s);
  flow.segment(true); // notice, QR caption, footer: the same on every ticket (the QR is drawn later)
  notice(flow, layout, s);
  const foot = footerLines(data, layout);
  const row = layout.showQr && options.qrInImage ? qrRow(flow, data.statusUrl, s, foot) : undefined;
  if (!row?.footerDone) footer(flow, foot, s);
  const qr = row?.qr;
  const height = Math.ceil(flow.toAbsolute(flow.y) + BASE.bottom * k);
  const segments = flow.toSegments(height);
  return { width, height, segments, svg: flow.toSvg(height), label, ...(qr ? { qr } : {}) };
}
