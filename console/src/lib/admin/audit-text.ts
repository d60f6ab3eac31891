import type { AuditEntry } from '../../../../core/contracts/admin.js';

/** Audit actions in words, Vietnamese first. Unknown actions show their code. */
const ACTIONS: Record<string, [vi: string, en: string]> = {
  'centre.update': ['Sửa thông tin trung tâm', 'Centre details changed'],
  'service.create': ['Thêm lĩnh vực', 'Service added'],
  'service.update': ['Sửa lĩnh vực', 'Service changed'],
  'service.delete': ['Xóa lĩnh vực', 'Service deleted'],
  'counter.create': ['Thêm quầy', 'Counter added'],
  'counter.update': ['Sửa quầy', 'Counter changed'],
  'counter.delete': ['Xóa quầy', 'Counter deleted'],
  'category.create': ['Thêm đối tượng ưu tiên', 'Priority category added'],
  'category.update': ['Sửa đối tượng ưu tiên', 'Priority category changed'],
  'category.delete': ['Xóa đối tượng ưu tiên', 'Priority category deleted'],
  'policy.update': ['Sửa cách gọi số ưu tiên', 'Priority policy changed'],
  'calendar.update': ['Sửa ngày nghỉ', 'Holidays changed'],
  'official.create': ['Thêm cán bộ', 'Official added'],
  'official.update': ['Sửa cán bộ', 'Official changed'],
  'official.resetPin': ['Đặt lại mã PIN', 'PIN reset'],
  'official.export': ['Xuất dữ liệu cán bộ', 'Official’s data exported'],
  'official.anonymise': ['Ẩn danh hóa cán bộ', 'Official anonymised'],
  'settings.display': ['Sửa màn hình (khẩu hiệu, thông báo)', 'Screen settings changed'],
  'settings.voice': ['Sửa giọng đọc', 'Voice settings changed'],
  'settings.rating': ['Sửa thang đánh giá', 'Rating scale changed'],
  'settings.ticketLayout': ['Sửa mẫu phiếu', 'Ticket layout changed'],
  'settings.retention': ['Sửa thời hạn lưu trữ', 'Retention changed'],
  'settings.security': ['Sửa khóa đăng nhập', 'Login lockout changed'],
  'day.closeEarly': ['Dừng cấp số sớm', 'Issuing stopped early'],
  'day.reopen': ['Cho cấp số lại', 'Issuing reopened'],
  'day.end': ['Kết thúc ngày làm việc', 'Working day ended'],
  'ticket.cancel': ['Hủy phiếu', 'Ticket cancelled'],
  'ticket.reprint': ['In lại phiếu', 'Ticket reprinted'],
  'backup.download': ['Tải bản sao lưu', 'Backup downloaded'],
  'retention.run': ['Dọn dữ liệu hết hạn', 'Expired data removed'],
  'voice.segment': ['Thay đoạn giọng đọc', 'Voice segment replaced'],
  'voice.segmentRevert': ['Dùng lại đoạn giọng gốc', 'Voice segment reverted'],
  'device.put': ['Sửa thiết bị', 'Device changed'],
  'device.delete': ['Gỡ thiết bị', 'Device removed'],
  'pairedDevice.revoke': ['Thu hồi thiết bị ghép nối', 'Paired device revoked'],
  'pairingCode.create': ['Tạo mã ghép nối', 'Pairing code created'],
};

function nameOf(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const n = o.displayName ?? o.name ?? o.label;
  return typeof n === 'string' ? n : null;
}

/** "Thêm lĩnh vực: Đất đai" */
export function auditSummary(e: AuditEntry, lang: 'vi' | 'en'): string {
  const words = ACTIONS[e.action]?.[lang === 'vi' ? 0 : 1] ?? e.action;
  const name = nameOf(e.after) ?? nameOf(e.before);
  return name ? `${words}: ${name}` : words;
}

/** Field names in the change details, Vietnamese first. */
const FIELDS: Record<string, [string, string]> = {
  name: ['Tên', 'Name'],
  nameEn: ['Tên tiếng Anh', 'English name'],
  displayName: ['Họ và tên', 'Full name'],
  username: ['Tên đăng nhập', 'Username'],
  agency: ['Cơ quan', 'Agency'],
  role: ['Vai trò', 'Role'],
  active: ['Hoạt động', 'Active'],
  prefix: ['Chữ cái đầu số', 'Ticket letter'],
  color: ['Màu', 'Colour'],
  dailyCap: ['Số phiếu tối đa', 'Daily cap'],
  hours: ['Giờ cấp số', 'Hours'],
  services: ['Lĩnh vực', 'Services'],
  number: ['Số quầy', 'Number'],
  code: ['Mã', 'Code'],
  province: ['Tỉnh', 'Province'],
  commune: ['Xã / phường', 'Commune'],
  address: ['Địa chỉ', 'Address'],
  hotline: ['Đường dây nóng', 'Hotline'],
  holidays: ['Ngày nghỉ lễ', 'Holidays'],
  closures: ['Đợt tạm ngừng', 'Closures'],
  template: ['Câu gọi', 'Call sentence'],
  reason: ['Lý do', 'Reason'],
  status: ['Trạng thái', 'Status'],
  labels: ['Số phiếu', 'Tickets'],
  cancelled: ['Số phiếu hủy', 'Cancelled'],
};

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const show = (v: unknown): string => {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
};

/** The fields that differ between before and after (all of them for a creation or deletion). */
export function auditChanges(before: unknown, after: unknown, lang: 'vi' | 'en'): FieldChange[] {
  const obj = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  const b = obj(before);
  const a = obj(after);
  if (!b && !a) return [{ field: '', before: show(before), after: show(after) }];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(
    (k) => k !== 'id' && k !== 'createdAt',
  );
  return keys
    .filter((k) => JSON.stringify(b?.[k]) !== JSON.stringify(a?.[k]))
    .map((k) => ({
      field: FIELDS[k]?.[lang === 'vi' ? 0 : 1] ?? k,
      before: show(b?.[k]),
      after: show(a?.[k]),
    }));
}
