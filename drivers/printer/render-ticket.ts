import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { PAPER_WIDTHS, type TicketLayout, type TicketPrintData } from '../../core/contracts/printing.js';
import { ticketFonts } from './font-files.js';
import { loadFontMetrics } from './font-metrics.js';
import { type MonoBitmap, thresholdRgba } from './mono-bitmap.js';
import { drawQr } from './qr-draw.js';
import type { FlowFonts } from './svg-flow.js';
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

/** Rasterises an SVG of `width`×`height` to 1 bit with our fonts. */
export function rasterizeSvg(svg: string): MonoBitmap {
  const image = new Resvg(svg, getRenderer().options).render();
  return thresholdRgba(image.pixels, image.width, image.height);
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
  const bitmap = rasterizeSvg(scene.svg);
  if (scene.qr) drawQr(bitmap, scene.qr.matrix, scene.qr.x, scene.qr.y, scene.qr.modulePx);
  return bitmap;
}
