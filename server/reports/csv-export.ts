import type { Report } from '../../core/contracts/reports.js';
import { reportColumns } from './report-columns.js';

/** UTF-8 byte order mark: without it Excel opens the file as ANSI and garbles Vietnamese. */
export const BOM = '\uFEFF';

function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // neutralise spreadsheet formulas in names typed by people (=, +, -, @ at the start)
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The grouped table as CSV: one heading line, one line per row, the total last; CRLF line ends. */
export function csvReport(report: Report): string {
  const cols = reportColumns(report);
  const heading = cols.map((c) => (c.numFmt?.includes('%') ? `${c.header} (%)` : c.header));
  const line = (r: Report['total']) =>
    cols
      .map((c) => {
        const v = c.value(r);
        return cell(typeof v === 'number' && c.numFmt?.includes('%') ? Math.round(v * 1000) / 10 : v);
      })
      .join(',');
  return `${BOM}${[heading.map(cell).join(','), ...report.rows.map(line), line(report.total)].join('\r\n')}\r\n`;
}
