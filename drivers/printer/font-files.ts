import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ticket fonts shipped in the repository (`fonts/`, SIL OFL 1.1, full Vietnamese coverage). */
export interface TicketFonts {
  family: string;
  regular: string;
  bold: string;
}

export const TICKET_FONT_FAMILY = 'Noto Sans';
const REGULAR = 'NotoSans-Regular.ttf';
const BOLD = 'NotoSans-Bold.ttf';

/**
 * Finds the repository's `fonts/` directory by walking up from this module, so the same code works
 * from `drivers/printer/` (tsx, vitest) and from `dist/drivers/printer/` (compiled).
 */
export function findFontDir(startDir = dirname(fileURLToPath(import.meta.url))): string {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, 'fonts');
    if (existsSync(join(candidate, REGULAR)) && existsSync(join(candidate, BOLD))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Ticket fonts (${REGULAR}, ${BOLD}) not found above ${startDir}`);
    dir = parent;
  }
}

let cached: TicketFonts | undefined;

/** Paths of the shipped ticket fonts (resolved once). */
export function ticketFonts(): TicketFonts {
  if (!cached) {
    const dir = findFontDir();
    cached = { family: TICKET_FONT_FAMILY, regular: join(dir, REGULAR), bold: join(dir, BOLD) };
  }
  return cached;
}
