import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { REPORT_GROUPS, type Report, type ReportGroup } from '../../core/contracts/reports.js';
import { METRIC_DEFINITIONS, METRIC_IDS } from '../../core/domain/metrics-definitions.js';
import type { Db } from '../db/open.js';
import { GROUP_TITLES, headerLines, reportColumns } from './report-columns.js';
import type { ReportContext } from './report-context.js';
import { localStamp } from './stamp.js';
import { VISIT_HEADERS, VISIT_WIDTHS, visitRows } from './visits-query.js';
import type { ExportArgs } from './worker-protocol.js';

type Sheet = ExcelJS.Worksheet;
type Book = ExcelJS.stream.xlsx.WorkbookWriter;
const BOLD = { bold: true } as const;
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const THIN = { style: 'thin', color: { argb: 'FF9AA5B1' } } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Centre, title, period, date, legal basis and formula above a table, then a blank row (8 rows). */
function writeHeader(ws: Sheet, report: Report, title: string, stamp: string, span: number): void {
  const [agency, centre, ...rest] = headerLines(report, stamp);
  const lines: Array<[string, Partial<ExcelJS.Font>]> = [
    [agency ?? '', { bold: true, size: 11 }],
    [centre ?? '', { bold: true, size: 12 }],
    [title, { bold: true, size: 14, color: { argb: 'FF0B4F8A' } }],
    ...rest.map((l): [string, Partial<ExcelJS.Font>] => [l, { italic: true, size: 10 }]),
  ];
  for (const [text, font] of lines) {
    const row = ws.addRow([text]);
    row.font = font;
    ws.mergeCells(row.number, 1, row.number, span);
    row.commit();
  }
  ws.addRow([]).commit();
}

function writeGroupSheet(wb: Book, report: Report, stamp: string): void {
  const meta = GROUP_TITLES[report.groupBy];
  const cols = reportColumns(report);
  const ws = wb.addWorksheet(meta.sheet, { views: [{ state: 'frozen', ySplit: 9, xSplit: 1 }] });
  ws.columns = cols.map((c) => ({ width: c.width }));
  writeHeader(
    ws,
    report,
    `BÁO CÁO KẾT QUẢ TIẾP NHẬN VÀ PHỤC VỤ ${meta.title}`,
    stamp,
    Math.min(cols.length, 12),
  );
  const head = ws.addRow(cols.map((c) => c.header));
  head.height = 48;
  head.eachCell((cell) => {
    cell.font = BOLD;
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  head.commit();
  const put = (values: Array<string | number | null>, bold: boolean) => {
    const row = ws.addRow(values);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (bold) cell.font = BOLD;
    });
    row.commit();
  };
  for (const r of report.rows)
    put(
      cols.map((c) => c.value(r)),
      false,
    );
  put(
    cols.map((c) => c.value(report.total)),
    true,
  );
  ws.commit();
}

function writeDefinitions(wb: Book, report: Report, stamp: string): void {
  const ws = wb.addWorksheet('Cách tính');
  ws.columns = [{ width: 28 }, { width: 110 }];
  writeHeader(ws, report, 'CÁCH TÍNH CÁC CHỈ SỐ', stamp, 2);
  for (const id of METRIC_IDS) {
    const d = METRIC_DEFINITIONS[id];
    const row = ws.addRow([d.name.vi, d.text.vi]);
    row.getCell(1).font = BOLD;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  ws.commit();
}

const COLUMN_LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
// biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 does not allow
const XML_BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const escapeXml = (s: string) =>
  s.replace(XML_BAD, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The internals of exceljs 4.4's streaming sheet writer used below (the version is pinned). */
interface SheetStream {
  _write(xml: string): void;
  _rowZero: number;
}

/**
 * The raw visits sheet holds a year of tickets (400,000 rows × 14 cells): building an exceljs Row
 * and Cell per value takes most of the export's time, so plain unstyled rows are written straight
 * into the sheet's XML (inline strings and numbers, SpreadsheetML), after the styled heading rows
 * have been committed through exceljs. Tests read the file back with exceljs.
 */
function writePlainRows(ws: Sheet, rows: Iterable<Array<string | number | null>>): void {
  const sheet = ws as unknown as SheetStream;
  let r = sheet._rowZero;
  let chunk = '';
  for (const values of rows) {
    chunk += `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      const ref = `${COLUMN_LETTERS[i]}${r}`;
      chunk +=
        typeof v === 'number'
          ? `<c r="${ref}"><v>${v}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    }
    chunk += '</row>';
    if (chunk.length > 1 << 16) {
      sheet._write(chunk);
      chunk = '';
    }
    r++;
  }
  if (chunk) sheet._write(chunk);
  sheet._rowZero = r;
}

function writeVisits(
  wb: Book,
  db: Db,
  ctx: ReportContext,
  a: ExportArgs,
  report: Report,
  stamp: string,
): void {
  const ws = wb.addWorksheet('Lượt phục vụ', { views: [{ state: 'frozen', ySplit: 9 }] });
  ws.columns = VISIT_WIDTHS.map((width) => ({ width }));
  writeHeader(ws, report, 'DANH SÁCH LƯỢT LẤY SỐ VÀ PHỤC VỤ', stamp, 12);
  const head = ws.addRow(VISIT_HEADERS);
  head.font = BOLD;
  head.commit();
  writePlainRows(ws, visitRows(db, ctx, a.period));
  ws.commit();
}

export class ReportExports {
  constructor(private readonly db: Db) {}

  /** One sheet per grouping, the definitions, and every visit of the period. */
  async xlsx(ctx: ReportContext, reportFor: (g: ReportGroup) => Report, a: ExportArgs): Promise<Buffer> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve, reject) => {
      out.on('end', resolve);
      out.on('error', reject);
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    wb.creator = 'Xếp Hàng';
    wb.created = new Date(a.now);
    const stamp = localStamp(a.now, ctx.zone);
    const first = a.groupBy;
    const reports = [first, ...REPORT_GROUPS.filter((g) => g !== first)].map((g) => reportFor(g));
    for (const r of reports) writeGroupSheet(wb, r, stamp);
    writeDefinitions(wb, reports[0] as Report, stamp);
    writeVisits(wb, this.db, ctx, a, reports[0] as Report, stamp);
    await wb.commit();
    await done;
    return Buffer.concat(chunks);
  }
}
