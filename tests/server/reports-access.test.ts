import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../core/contracts/reports.js';
import { ManualClock } from '../../core/domain/clock.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { LAN_D1, TOTAL_D1 } from '../fixtures/reports/expected.js';
import { at, D1, type Scenario, seedScenario } from '../fixtures/reports/scenario.js';

/** Who may see what, the exports read back, and the worker's life (lazy, reused, ended on close). */
describe('reports: access rules, exports and the worker', () => {
  let s: TestServer;
  let sc: Scenario;
  const clock = new ManualClock(at(D1, '07:00'));
  const q = `from=${D1}&to=${D1}`;

  beforeAll(async () => {
    s = await startTestServer({ clock });
    expect(s.x.app.reportWorker.running).toBe(false);
    sc = await seedScenario(s, clock);
    expect((await sc.lan.login('lan', '1111', 1)).status).toBe(201);
    expect((await sc.admin.login('admin', '9999')).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await s.close(true);
  });

  const download = (c: HttpClient, path: string) => fetch(s.url + path, { headers: { cookie: c.cookie } });

  it('asks for a login, and keeps the dashboard and exports for leaders and admins', async () => {
    const anon = new HttpClient(s.url);
    for (const path of [
      '/api/reports',
      '/api/dashboard',
      `/api/reports/export.xlsx?${q}`,
      `/api/reports/export.csv?${q}`,
    ]) {
      expect((await anon.req('GET', path)).body).toMatchObject({ code: 'UNAUTHENTICATED' });
      const r = await download(sc.lan, path);
      if (path !== '/api/reports') expect(r.status, path).toBe(403);
      expect((await download(sc.leader, path)).status, path).toBe(200);
      expect((await download(sc.admin, path)).status, path).toBe(200);
    }
  });

  it('gives an official only their own figures, aggregated', async () => {
    const own = await sc.lan.req<Report>('GET', `/api/reports?${q}&groupBy=official`);
    expect(own.status).toBe(200);
    expect(own.body.restricted).toBe(true);
    expect(own.body.rows.map((r) => r.key)).toEqual([String(sc.officials.lan)]);
    expect(own.body.rows[0]).toMatchObject(LAN_D1);
    expect(own.body.total).toMatchObject({ ...LAN_D1, label: 'Tổng cộng' });
    expect((await sc.lan.req('GET', `/api/reports?${q}`)).body.restricted).toBe(true);
    for (const g of ['service', 'counter', 'agency', 'day', 'hour']) {
      expect((await sc.lan.req('GET', `/api/reports?${q}&groupBy=${g}`)).body, g).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('refuses impossible periods with a stable code', async () => {
    for (const bad of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-02&to=2026-03-01',
      'preset=decade',
      'groupBy=x',
    ]) {
      const r = await sc.leader.req('GET', `/api/reports?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.code, bad).toBe('VALIDATION_FAILED');
    }
  });

  it('exports XLSX with Vietnamese headings, the header block, one sheet per grouping and the visits', async () => {
    const r = await download(sc.leader, `/api/reports/export.xlsx?${q}&groupBy=official`);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-${D1}_${D1}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Theo cán bộ',
      'Theo quầy',
      'Theo lĩnh vực',
      'Theo cơ quan',
      'Theo ngày',
      'Theo giờ',
      'Cách tính',
      'Lượt phục vụ',
    ]);
    const ws = wb.getWorksheet('Theo cán bộ')!;
    const text = (row: number, col = 1) => String(ws.getRow(row).getCell(col).value ?? '');
    expect(text(1)).toBe('ỦY BAN NHÂN DÂN XÃ TÂN PHÚ ĐÔNG');
    expect(text(2)).toBe('Trung tâm Phục vụ hành chính công xã Tân Phú Đông');
    expect(text(3)).toContain('BÁO CÁO KẾT QUẢ TIẾP NHẬN VÀ PHỤC VỤ');
    expect(text(4)).toBe('Kỳ báo cáo: Ngày 23/11/2026 (từ ngày 23/11/2026 đến ngày 23/11/2026)');
    expect(text(5)).toBe('Ngày lập báo cáo: 24/11/2026 01:00');
    expect(text(6)).toContain('Nghị định số 118/2025/NĐ-CP');
    expect(text(6)).toContain('một cửa, một cửa liên thông');
    const headings = (ws.getRow(9).values as unknown[]).slice(1);
    expect(headings.slice(0, 8)).toEqual([
      'Cán bộ, công chức',
      'Đã phục vụ',
      'Vắng mặt',
      'Chuyển quầy/lĩnh vực',
      'Hủy',
      'Gọi lại',
      'Chờ trung bình (phút)',
      'Chờ trung vị (phút)',
    ]);
    const cell = (label: string, heading: string) => {
      const col = headings.indexOf(heading) + 1;
      for (let i = 10; i <= ws.rowCount; i++) if (text(i) === label) return ws.getRow(i).getCell(col).value;
      throw new Error(`no row ${label}`);
    };
    expect(cell('Nguyễn Thị Lan', 'Đã phục vụ')).toBe(2);
    expect(cell('Nguyễn Thị Lan', 'Chờ trung bình (phút)')).toBe(7.7);
    expect(cell('Nguyễn Thị Lan', 'Chờ trung vị (phút)')).toBe(8);
    expect(cell('Nguyễn Thị Lan', 'Tỷ lệ hài lòng')).toBe(0.5);
    expect(cell('Nguyễn Thị Lan', 'Đăng nhập tại quầy (giờ)')).toBe(3.83);
    expect(cell('Tổng cộng', 'Số phiếu đánh giá hợp lệ')).toBe(TOTAL_D1.satisfaction.valid);
    const visits = wb.getWorksheet('Lượt phục vụ')!;
    const labels: string[] = [];
    visits.eachRow((row, n) => n > 9 && labels.push(String(row.getCell(2).value)));
    expect(labels).toEqual(['A001', 'A002', 'C001', 'B001', 'A003', 'A004', 'A005']);
    const a005 = visits.getRow(16).values as unknown[];
    expect(a005.slice(1, 10)).toEqual([
      '23/11/2026',
      'A005',
      'Hộ tịch',
      undefined,
      '23:58:00',
      '24/11/2026 00:06:00',
      8,
      '24/11/2026 00:08:00',
      2,
    ]);
    expect(visits.getRow(12).getCell(3).value).toBe(
      'Chính sách, bảo trợ xã hội (chuyển từ Đất đai, xây dựng)',
    );
    expect(visits.getRow(10).getCell(14).value).toBe('Rất hài lòng');
  });

  it('exports CSV in UTF-8 with a byte order mark', async () => {
    const r = await download(sc.leader, `/api/reports/export.csv?${q}&groupBy=service`);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('Lĩnh vực,Số phiếu cấp,Đã phục vụ,Vắng mặt')).toBe(true);
    expect(
      lines
        .find((l) => l.startsWith('Hộ tịch,'))
        ?.split(',')
        .slice(0, 4),
    ).toEqual(['Hộ tịch', '5', '2', '1']);
    expect(lines.at(-1)?.startsWith('Tổng cộng,7,4,1,1,1,1,15.2,10,40,40,83.3,')).toBe(true);
  });

  it('runs every report in one worker thread, started on first use and ended when the app closes', async () => {
    const w = s.x.app.reportWorker;
    expect(w.running).toBe(true);
    const starts = w.starts;
    await Promise.all(
      ['official', 'day', 'hour'].map((g) => sc.leader.req('GET', `/api/reports?${q}&groupBy=${g}`)),
    );
    expect(w.starts).toBe(starts);
    expect(starts).toBe(1);
  });

  it('closes the worker with the app', async () => {
    const other = await startTestServer({ clock: new ManualClock(at(D1, '12:00')) });
    const boss = new HttpClient(other.url);
    await boss.login('chutich', '5555');
    expect((await boss.req('GET', '/api/reports?preset=day')).status).toBe(200);
    const w = other.x.app.reportWorker;
    expect(w.running).toBe(true);
    await other.close(true);
    expect(w.running).toBe(false);
  });
});
