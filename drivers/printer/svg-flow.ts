import type { FontMetrics } from './font-metrics.js';
import { escapeXml, type Measure, wrapText } from './text-wrap.js';

export interface FlowFonts {
  regular: FontMetrics;
  bold: FontMetrics;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  maxLines?: number;
  /** Text colour; white is used on black boxes. */
  fill?: '#000' | '#fff';
}

/** Line box as a multiple of the font size: room for stacked Vietnamese marks above and dots below. */
export const LINE_HEIGHT = 1.3;
/** Baseline offset from the top of a line box, as a multiple of the font size. */
const BASELINE = 1.0;

/** A horizontal slice of the ticket, rasterised on its own (and cached when `cacheable`). */
export interface SvgSegment {
  top: number;
  height: number;
  svg: string;
  /** Same SVG text → same pixels: static slices (header, notice) are rendered once. */
  cacheable: boolean;
}

/**
 * A top-to-bottom flow of SVG elements: the ticket layout appends blocks and the flow tracks the
 * current y. Text is measured with the font's own advance widths and wrapped to fit. The flow is
 * cut into segments so that slices identical from ticket to ticket can be cached as bitmaps.
 */
export class SvgFlow {
  y: number;
  private parts: string[] = [];
  private readonly done: Array<Omit<SvgSegment, 'svg'> & { parts: string[] }> = [];
  /** Absolute top of the current segment. */
  private origin = 0;
  private cacheable = true;

  constructor(
    readonly width: number,
    readonly margin: number,
    private readonly fonts: FlowFonts,
    top: number,
  ) {
    this.y = top;
  }

  measure(bold: boolean): Measure {
    const m = bold ? this.fonts.bold : this.fonts.regular;
    return (text, size) => m.measure(text, size);
  }

  capHeight(bold: boolean, size: number): number {
    const m = bold ? this.fonts.bold : this.fonts.regular;
    return (m.capHeight / m.unitsPerEm) * size;
  }

  get contentWidth(): number {
    return this.width - 2 * this.margin;
  }

  gap(px: number): void {
    this.y += px;
  }

  /** Wrapped lines centred between x0 and x0 + width (default: the content box). */
  wrap(text: string, style: TextStyle, width = this.contentWidth): string[] {
    return wrapText(text, width, style.size, this.measure(style.bold ?? false), style.maxLines);
  }

  /** Draws already-wrapped lines centred on `cx`, starting at the current y. */
  lines(lines: readonly string[], style: TextStyle, cx = this.width / 2, anchor = 'middle'): void {
    const weight = style.bold ? ' font-weight="700"' : '';
    const fill = style.fill === '#fff' ? ' fill="#fff"' : '';
    for (const line of lines) {
      const baseline = Math.round(this.y + style.size * BASELINE);
      this.parts.push(
        `<text x="${cx}" y="${baseline}" font-size="${style.size}"${weight}${fill} text-anchor="${anchor}">${escapeXml(line)}</text>`,
      );
      this.y += Math.round(style.size * LINE_HEIGHT);
    }
  }

  /** Wraps and draws a paragraph centred in the content box. */
  text(text: string, style: TextStyle): void {
    this.lines(this.wrap(text, style), style);
  }

  rect(x: number, y: number, w: number, h: number, radius = 0): void {
    const rx = radius > 0 ? ` rx="${radius}"` : '';
    this.parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}"${rx}/>`);
  }

  /** A horizontal rule across the content box. */
  rule(thickness: number, spacing: number): void {
    this.y += spacing;
    this.rect(this.margin, Math.round(this.y), this.contentWidth, thickness);
    this.y += thickness + spacing;
  }

  /** Raw, already escaped SVG. */
  raw(svg: string): void {
    this.parts.push(svg);
  }

  /** Absolute y on the ticket of a y local to the current segment. */
  toAbsolute(localY: number): number {
    return this.origin + localY;
  }

  /**
   * Ends the current segment at the current whole-pixel y and starts a new one whose coordinates
   * start again at 0, so a static block renders to the same SVG wherever it lands on the ticket.
   */
  segment(cacheable: boolean): void {
    const height = Math.round(this.y);
    if (height > 0) {
      this.done.push({ top: this.origin, height, cacheable: this.cacheable, parts: this.parts });
      this.parts = [];
      this.origin += height;
    }
    this.y = 0;
    this.cacheable = cacheable;
  }

  /** The whole ticket as SVG slices covering rows 0 … height. */
  toSegments(height: number): SvgSegment[] {
    const last = {
      top: this.origin,
      height: height - this.origin,
      cacheable: this.cacheable,
      parts: this.parts,
    };
    return [...this.done, last]
      .filter((seg) => seg.height > 0)
      .map((seg) => ({ ...seg, svg: this.svg(seg.height, seg.parts.join('')) }));
  }

  private svg(height: number, body: string): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${height}" ` +
      `viewBox="0 0 ${this.width} ${height}" font-family="Noto Sans">` +
      `<rect width="${this.width}" height="${height}" fill="#fff"/>${body}</svg>`
    );
  }

  /** The whole ticket as one SVG (previews, tests): the segments stacked. */
  toSvg(height: number): string {
    const all = [...this.done, { top: this.origin, parts: this.parts }];
    return this.svg(
      height,
      all.map((seg) => `<g transform="translate(0 ${seg.top})">${seg.parts.join('')}</g>`).join(''),
    );
  }
}
