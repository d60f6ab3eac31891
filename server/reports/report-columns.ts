import type { Report, ReportGroup, ReportRow } from '../../core/contracts/reports.js';

/** The columns of a report table in exports (XLSX and CSV), Vietnamese headings, one definition each. */
export interface Column {
  header: string;
  width: number;
  /** Excel number format; percentages are stored as fractions */
  numFmt?: string;
  value: (r: ReportRow) => string | number | null;
}

const min = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);
const hours = (s: number | null | undefined) =>
  s === null || s === undefined ? null : Math.round((s / 3600) * 100) / 100;

export const GROUP_TITLES: Record<ReportGroup, { sheet: string; title: string; keyHeader: string }> = {
  official: { sheet: 'Theo cán bộ', title: 'THEO CÁN BỘ, CÔNG CHỨC', keyHeader: 'Cán bộ, công chức' },
  counter: { sheet: 'Theo quầy', title: 'THEO QUẦY', keyHeader: 'Quầy' },
  service: { sheet: 'Theo lĩnh vực', title: 'THEO LĨNH VỰC', keyHeader: 'Lĩnh vực' },
  agency: { sheet: 'Theo cơ quan', title: 'THEO CƠ QUAN', keyHeader: 'Cơ quan' },
  day: { sheet: 'Theo ngày', title: 'THEO NGÀY', keyHeader: 'Ngày' },
  hour: { sheet: 'Theo giờ', title: 'THEO KHUNG GIỜ', keyHeader: 'Khung giờ' },
};

const WITH_ISSUED: readonly ReportGroup[] = ['service', 'day', 'hour'];

export function reportColumns(report: Report): Column[] {
  const g = report.groupBy;
  const t = report.targetWaitMinutes;
  const withTime = report.total.time !== null;
  const cols: Column[] = [
    { header: GROUP_TITLES[g].keyHeader, width: 30, value: (r) => r.label },
    ...(WITH_ISSUED.includes(g)
      ? [{ header: 'Số phiếu cấp', width: 10, value: (r: ReportRow) => r.issued }]
      : []),
    { header: 'Đã phục vụ', width: 10, value: (r) => r.served },
    { header: 'Vắng mặt', width: 9, value: (r) => r.noShows },
    { header: 'Chuyển quầy/lĩnh vực', width: 11, value: (r) => r.transferred },
    { header: 'Hủy', width: 7, value: (r) => r.cancelled },
    { header: 'Gọi lại', width: 8, value: (r) => r.recalls },
    { header: 'Chờ trung bình (phút)', width: 11, numFmt: '0.0', value: (r) => min(r.wait.avgS) },
    { header: 'Chờ trung vị (phút)', width: 11, numFmt: '0', value: (r) => min(r.wait.medianS) },
    { header: 'Chờ P90 (phút)', width: 10, numFmt: '0', value: (r) => min(r.wait.p90S) },
    { header: 'Chờ lâu nhất (phút)', width: 11, numFmt: '0.0', value: (r) => min(r.wait.maxS) },
    { header: `Tỷ lệ được gọi dưới ${t} phút`, width: 12, numFmt: '0.0%', value: (r) => r.serviceLevel.rate },
    { header: 'Phục vụ trung bình (phút)', width: 12, numFmt: '0.0', value: (r) => min(r.service.avgS) },
    { header: 'Phục vụ trung vị (phút)', width: 11, numFmt: '0', value: (r) => min(r.service.medianS) },
    { header: 'Phục vụ P90 (phút)', width: 10, numFmt: '0', value: (r) => min(r.service.p90S) },
  ];
  if (withTime) {
    cols.push(
      {
        header: 'Đăng nhập tại quầy (giờ)',
        width: 11,
        numFmt: '0.00',
        value: (r) => hours(r.time?.loggedInS),
      },
      { header: 'Đang phục vụ (giờ)', width: 11, numFmt: '0.00', value: (r) => hours(r.time?.servingS) },
      { header: 'Tạm nghỉ (giờ)', width: 10, numFmt: '0.00', value: (r) => hours(r.time?.pausedS) },
      {
        header: '– nghỉ giải lao',
        width: 10,
        numFmt: '0.00',
        value: (r) => hours(r.time?.pausedByReasonS.break),
      },
      { header: '– họp', width: 9, numFmt: '0.00', value: (r) => hours(r.time?.pausedByReasonS.meeting) },
      {
        header: '– đi công tác',
        width: 10,
        numFmt: '0.00',
        value: (r) => hours(r.time?.pausedByReasonS.fieldWork),
      },
      {
        header: '– lý do khác',
        width: 10,
        numFmt: '0.00',
        value: (r) => hours(r.time?.pausedByReasonS.other),
      },
      { header: 'Chờ công dân (giờ)', width: 11, numFmt: '0.00', value: (r) => hours(r.time?.idleS) },
    );
  }
  for (const l of report.scale.levels) {
    cols.push({ header: l.label, width: 10, value: (r) => r.satisfaction.counts[String(l.level)] ?? 0 });
  }
  cols.push(
    { header: 'Số phiếu đánh giá hợp lệ', width: 11, value: (r) => r.satisfaction.valid },
    { header: 'Tỷ lệ hài lòng', width: 10, numFmt: '0.0%', value: (r) => r.satisfaction.rate },
    {
      header: 'Tỷ lệ phản hồi đánh giá',
      width: 11,
      numFmt: '0.0%',
      value: (r) => r.satisfaction.responseRate,
    },
  );
  return cols;
}

export const LEGAL_BASIS =
  'Theo Nghị định số 118/2025/NĐ-CP của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia.';

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The lines above every table: who, which period, when, on what basis, how satisfaction is computed. */
export function headerLines(report: Report, generatedLocal: string): string[] {
  const p = report.period;
  return [
    (report.centre.commune || report.centre.province).toUpperCase(),
    report.centre.name,
    `Kỳ báo cáo: ${p.label} (từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)})`,
    `Ngày lập báo cáo: ${generatedLocal}`,
    LEGAL_BASIS,
    `${report.formula}. Thời gian chờ mục tiêu: ${report.targetWaitMinutes} phút. Trung vị và P90 tính theo phút (làm tròn xuống).`,
  ];
}
