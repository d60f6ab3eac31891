import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import {
  defaultTicketLayout,
  PAPER_WIDTHS,
  type TicketLayout,
  type TicketPrintData,
} from '../../core/contracts/printing.js';
import { ticketFonts } from './font-files.js';
import { loadFontMetrics } from './font-metrics.js';
import { bytesPerRow, createBitmap, type MonoBitmap, thresholdRgba } from './mono-bitmap.js';
import { drawQr } from './qr-draw.js';
import type { FlowFonts, SvgSegment } from './svg-flow.js';
import { layoutTicket, type SceneOptions, type TicketScene } from './ticket-layout.js';

/**
 * Ticket → 1-bit bitmap: layout as SVG with our own fonts (never system fonts, so every machine
 * prints the same) → resvg → threshold → the QR drawn module-exact into the bitmap.
 */

interface Renderer {
  fonts: FlowFonts;
  options: ResvgRenderOptions;
}

let renderer: Renderer | undefined;

/** Font metrics and resvg options, set up once per process. */
function getRenderer(): Renderer {
  if (!renderer) {
    const files = ticketFonts();
    renderer = {
      fonts: { regular: loadFontMetrics(files.regular), bold: loadFontMetrics(files.bold) },
      options: {
        font: {
          loadSystemFonts: false,
          fontFiles: [files.regular, files.bold],
          defaultFontFamily: files.family,
          sansSerifFamily: files.family,
        },
        background: '#ffffff',
        shapeRendering: 2,
        textRendering: 2,
      },
    };
  }
  return renderer;
}

/** The ticket's SVG and QR placement, without rasterising (for previews and tests). */
export function layoutTicketScene(
  data: TicketPrintData,
  layout: TicketLayout,
  width: number,
  options?: SceneOptions,
): TicketScene {
  if (!(PAPER_WIDTHS as readonly number[]).includes(width)) {
    throw new RangeError(`ticket width must be one of ${PAPER_WIDTHS.join(', ')} dots, got ${width}`);
  }
  return layoutTicket(data, layout, width, getRenderer().fonts, options);
}

/** Rasterises an SVG to 1 bit with our fonts. */
export function rasterizeSvg(svg: string): MonoBitmap {
  const image = new Resvg(svg, getRenderer().options).render();
  return thresholdRgba(image.pixels, image.width, image.height);
}

/** Bitmaps of static slices (header per service, notice/footer), keyed by their SVG text. */
const segmentCache = new Map<string, MonoBitmap>();
const SEGMENT_CACHE_SIZE = 48;

function rasterizeSegment(segment: SvgSegment): MonoBitmap {
  if (!segment.cacheable) return rasterizeSvg(segment.svg);
  const hit = segmentCache.get(segment.svg);
  if (hit) {
    segmentCache.delete(segment.svg); // refresh: least recently used goes first
    segmentCache.set(segment.svg, hit);
    return hit;
  }
  const bitmap = rasterizeSvg(segment.svg);
  if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.delete(segmentCache.keys().next().value!);
  segmentCache.set(segment.svg, bitmap);
  return bitmap;
}

/** Renders each slice (cached ones are copied) and stacks them into one bitmap. */
function rasterizeScene(scene: TicketScene): MonoBitmap {
  const out = createBitmap(scene.width, scene.height);
  const stride = bytesPerRow(out);
  for (const segment of scene.segments) {
    const slice = rasterizeSegment(segment);
    out.data.set(slice.data.subarray(0, segment.height * stride), segment.top * stride);
  }
  return out;
}

/**
 * Renders a ticket to a 1-bit bitmap `width` dots wide (384, 512 or 576).
 * With `{ qrInImage: false }` the QR is left out (the printer prints it natively after the image).
 */
export function renderTicket(
  data: TicketPrintData,
  layout: TicketLayout,
  width: number,
  options?: SceneOptions,
): MonoBitmap {
  const scene = layoutTicketScene(data, layout, width, options);
  const bitmap = rasterizeScene(scene);
  if (scene.qr) drawQr(bitmap, scene.qr.matrix, scene.qr.x, scene.qr.y, scene.qr.modulePx);
  return bitmap;
}

/** Loads the fonts and warms resvg so the first real ticket is as fast as the rest (call at start-up). */
export function warmUpRenderer(): void {
  renderTicket(
    {
      centreLines: ['Xếp Hàng'],
      serviceName: 'Hộ tịch',
      label: 'A000',
      ahead: 0,
      issuedAt: '2026-01-01T00:00:00.000Z',
      timeZone: 'UTC',
      statusUrl: 'http://localhost/',
      footerLines: [],
    },
    defaultTicketLayout,
    576,
  );
}
