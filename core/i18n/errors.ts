import type { ErrorCode } from '../domain/errors.js';

export type Locale = 'vi' | 'en';

/** Messages a person can act on, per stable error code. `{name}` is filled from the error's details. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  INVALID_JSON: {
    vi: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  VALIDATION_FAILED: {
    vi: 'Dữ liệu gửi lên không hợp lệ: {detail}',
    en: 'The data sent is not valid: {detail}',
  },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  UNKNOWN_SERVICE: {
    vi: 'Không có lĩnh vực "{service}". Vui lòng chọn lĩnh vực khác.',
    en: 'There is no service "{service}". Please choose another service.',
  },
  UNKNOWN_COUNTER: { vi: 'Không có quầy số {counter}.', en: 'There is no counter {counter}.' },
  UNKNOWN_TICKET: { vi: 'Không tìm thấy phiếu {ticket}.', en: 'Ticket {ticket} was not found.' },
  UNKNOWN_PRIORITY: {
    vi: 'Không có đối tượng ưu tiên "{priority}".',
    en: 'There is no priority category "{priority}".',
  },
  SERVICE_INACTIVE: {
    vi: 'Lĩnh vực {service} hiện không tiếp nhận. Vui lòng hỏi cán bộ hướng dẫn.',
    en: 'Service {service} is not taking tickets. Please ask a member of staff.',
  },
  SERVICE_CLOSED: {
    vi: 'Lĩnh vực {service} đã hết giờ cấp số. Vui lòng quay lại trong giờ làm việc.',
    en: 'Service {service} is not issuing tickets now. Please come back during office hours.',
  },
  DAILY_CAP_REACHED: {
    vi: 'Lĩnh vực {service} đã hết số trong ngày hôm nay ({cap} số). Vui lòng quay lại vào ngày làm việc tiếp theo.',
    en: 'Service {service} has given out all {cap} numbers for today. Please come back on the next working day.',
  },
  QUEUE_EMPTY: { vi: 'Chưa có công dân chờ.', en: 'Nobody is waiting.' },
  INVALID_TRANSITION: {
    vi: 'Không thể thực hiện thao tác này với phiếu {ticket} ở trạng thái hiện tại.',
    en: 'This action is not possible for ticket {ticket} in its current state.',
  },
  TICKET_IN_PROGRESS: {
    vi: 'Quầy đang phục vụ số {ticket}. Vui lòng hoàn thành, chuyển hoặc đánh dấu vắng mặt trước khi gọi số mới.',
    en: 'This counter is still on ticket {ticket}. Finish, transfer or mark it as no-show first.',
  },
  NO_CURRENT_TICKET: { vi: 'Quầy chưa gọi số nào.', en: 'This counter has no current ticket.' },
  COUNTER_OCCUPIED: {
    vi: 'Quầy đang được {holder} sử dụng. Vui lòng chọn quầy khác hoặc nhờ quản trị viên.',
    en: 'This counter is in use by {holder}. Choose another counter or ask an administrator.',
  },
  COUNTER_PAUSED: {
    vi: 'Quầy đang tạm nghỉ. Bấm "Tiếp tục" trước khi gọi số.',
    en: 'The counter is paused. Press "Resume" before calling.',
  },
  COUNTER_NOT_SERVING_SERVICE: {
    vi: 'Quầy {counter} không phục vụ lĩnh vực này.',
    en: 'Counter {counter} does not serve this service.',
  },
  COUNTER_REQUIRED: {
    vi: 'Vui lòng chọn quầy làm việc.',
    en: 'Please choose the counter you are working at.',
  },
  NOT_AT_THIS_COUNTER: {
    vi: 'Bạn không đăng nhập tại quầy này, hoặc phiếu không thuộc quầy này.',
    en: 'You are not logged in at this counter, or the ticket is not at this counter.',
  },
  TRANSFER_TARGET_REQUIRED: {
    vi: 'Vui lòng chọn lĩnh vực hoặc quầy cần chuyển đến.',
    en: 'Please choose the service or counter to transfer to.',
  },
  REASON_REQUIRED: { vi: 'Vui lòng nhập lý do.', en: 'Please give a reason.' },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mã PIN không đúng.',
    en: 'Wrong username or PIN.',
  },
  ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
  },
  ACCOUNT_INACTIVE: {
    vi: 'Tài khoản đã ngừng hoạt động. Vui lòng liên hệ quản trị viên.',
    en: 'This account is deactivated. Please contact an administrator.',
  },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  SESSION_EXPIRED: {
    vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please log in again.',
  },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  CSRF_FAILED: {
    vi: 'Yêu cầu không hợp lệ (thiếu mã bảo vệ). Vui lòng tải lại trang.',
    en: 'Request refused (missing protection token). Please reload the page.',
  },
  DEVICE_NOT_ALLOWED: {
    vi: 'Thiết bị này chưa được phép sử dụng. Vui lòng liên hệ quản trị viên.',
    en: 'This device is not allowed. Please contact an administrator.',
  },
  RATE_LIMITED: {
    vi: 'Bạn thao tác quá nhanh. Vui lòng chờ một chút rồi thử lại.',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  SETUP_ALREADY_DONE: { vi: 'Hệ thống đã được thiết lập.', en: 'The system is already set up.' },
  SETUP_CODE_INVALID: {
    vi: 'Mã thiết lập không đúng. Xem mã trong nhật ký máy chủ hoặc tệp setup-code.txt.',
    en: 'Wrong setup code. Find it in the server log or the setup-code.txt file.',
  },
  PAIRING_CODE_INVALID: {
    vi: 'Mã ghép nối không đúng, đã dùng hoặc đã hết hạn. Vui lòng xin mã mới từ quản trị viên.',
    en: 'The pairing code is wrong, already used or expired. Please ask an administrator for a new code.',
  },
  SERVICE_EXISTS: {
    vi: 'Đã có lĩnh vực mã "{service}". Vui lòng chọn mã khác.',
    en: 'A service with code "{service}" exists already. Choose another code.',
  },
  PREFIX_IN_USE: {
    vi: 'Chữ cái "{prefix}" đã dùng cho lĩnh vực "{service}". Mỗi lĩnh vực cần một chữ cái riêng.',
    en: 'Letter "{prefix}" is already used by service "{service}". Each service needs its own letter.',
  },
  COUNTER_EXISTS: { vi: 'Đã có quầy số {counter}.', en: 'Counter {counter} exists already.' },
  USERNAME_TAKEN: {
    vi: 'Tên đăng nhập "{username}" đã có người dùng. Vui lòng chọn tên khác.',
    en: 'Username "{username}" is taken. Choose another one.',
  },
  PRIORITY_EXISTS: {
    vi: 'Đã có đối tượng ưu tiên mã "{priority}".',
    en: 'A priority category with code "{priority}" exists already.',
  },
  UNKNOWN_OFFICIAL: { vi: 'Không tìm thấy cán bộ này.', en: 'This official was not found.' },
  HAS_HISTORY: {
    vi: 'Không thể xóa vì đã có dữ liệu lịch sử. Hãy chuyển sang "Ngừng hoạt động" để giữ lại số liệu báo cáo.',
    en: 'Cannot delete: it has history. Deactivate it instead, so reports keep their figures.',
  },
  SERVICE_IN_USE: {
    vi: 'Lĩnh vực đang được quầy {counter} phục vụ. Hãy bỏ lĩnh vực khỏi quầy trước.',
    en: 'Counter {counter} still serves this service. Remove it from the counter first.',
  },
  LAST_ADMIN: {
    vi: 'Phải còn ít nhất một quản trị viên đang hoạt động.',
    en: 'At least one active administrator must remain.',
  },
  PIN_TOO_SHORT: {
    vi: 'Mã PIN hoặc mật khẩu quá ngắn: cần ít nhất {min} ký tự.',
    en: 'The PIN or password is too short: at least {min} characters.',
  },
  UNSUPPORTED_MEDIA: {
    vi: 'Tệp không đúng loại. Chỉ nhận âm thanh OGG, WAV, MP3 hoặc WebM, tối đa {maxKb} KB.',
    en: 'Wrong file type. Only OGG, WAV, MP3 or WebM audio up to {maxKb} KB.',
  },
  CONFLICT: { vi: 'Dữ liệu đã thay đổi. Vui lòng thử lại.', en: 'The data changed. Please try again.' },
  INTERNAL: {
    vi: 'Có lỗi trong hệ thống. Vui lòng thử lại hoặc báo quản trị viên.',
    en: 'Something went wrong. Please try again or tell an administrator.',
  },
};

export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  details: Record<string, string | number> = {},
): string {
  return ERROR_MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(details[k] ?? ''));
}
