import type { IssuedTicket } from '../../../../core/contracts/api.js';
import type { Strings } from '../../i18n/vi.js';

export type Tone = 'ok' | 'info' | 'warn';

export interface PrintNotice {
  /** the printer line, or null when the server said nothing about printing */
  line: { tone: Tone; text: string } | null;
  /** the closing instruction: keep the ticket, or remember the number when there is none */
  instruction: string;
  /** a failed or absent print keeps the number on screen longer */
  paperless: boolean;
}

/** The citizen leaves without paper: the printer failed or this kiosk has none. */
export function isPaperless(print: IssuedTicket['print']): boolean {
  return print?.state === 'failed' || print?.state === 'disabled';
}

/** What the confirmation says about the printed ticket. `print` absent = no printer information. */
export function printNotice(
  ticket: Pick<IssuedTicket, 'label' | 'print'>,
  t: Strings['ticket'],
): PrintNotice {
  const p = ticket.print;
  if (!p) return { line: null, instruction: t.keep, paperless: false };
  switch (p.state) {
    case 'printed':
      return { line: { tone: 'ok', text: t.printed }, instruction: t.keep, paperless: false };
    case 'queued':
      return { line: { tone: 'info', text: t.printing }, instruction: t.keep, paperless: false };
    case 'disabled':
      return {
        line: { tone: 'info', text: t.noPrinter(ticket.label) },
        instruction: t.remember,
        paperless: true,
      };
    case 'failed': {
      const text = p.reason === 'paperOut' ? t.paperOut(ticket.label) : t.printFailed(ticket.label);
      return { line: { tone: 'warn', text }, instruction: t.remember, paperless: true };
    }
  }
}
