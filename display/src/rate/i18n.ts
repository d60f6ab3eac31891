/** Text of the tablet rating page (Vietnamese first, NFC; English second). */
export const rateVi = {
  title: 'Đánh giá mức độ hài lòng',
  counter: 'Quầy',
  idle: 'Ông/bà vui lòng bấm một nút để đánh giá',
  idleHint: 'Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn',
  prompt: 'Mời ông/bà đánh giá',
  promptTicket: 'Số thứ tự',
  reasonTitle: 'Ông/bà chưa hài lòng về điều gì?',
  reasonHint: 'Chọn một lý do (không bắt buộc)',
  skip: 'Bỏ qua',
  thanks: 'Cảm ơn ông/bà đã đánh giá!',
  thanksHint: 'Chúc ông/bà một ngày tốt lành',
  sending: 'Đang gửi…',
  offline: 'Mất kết nối — đang kết nối lại',
  failed: 'Chưa gửi được đánh giá. Vui lòng bấm lại.',
  loading: 'Đang tải…',
  pairTitle: 'Ghép nối máy tính bảng',
  pairHint:
    'Nhập mã 6 số do quản trị viên hoặc cán bộ tại quầy tạo trong bảng điều khiển. Mã dùng một lần, trong 10 phút.',
  pairCode: 'Mã ghép nối',
  pairName: 'Tên thiết bị',
  pairButton: 'Ghép nối',
  pairDelete: 'Xóa',
  pairWrongCounter: 'Máy này đang được ghép nối cho quầy khác. Hãy ghép nối lại cho quầy này.',
  defaultName: 'Máy tính bảng đánh giá quầy',
};

export type RateMessages = { [K in keyof typeof rateVi]: string };

export const rateEn: RateMessages = {
  title: 'How satisfied are you?',
  counter: 'Counter',
  idle: 'Please press a button to rate our service',
  idleHint: 'Your opinion helps us serve you better',
  prompt: 'Please rate our service',
  promptTicket: 'Ticket',
  reasonTitle: 'What were you not satisfied with?',
  reasonHint: 'Choose a reason (optional)',
  skip: 'Skip',
  thanks: 'Thank you for your rating!',
  thanksHint: 'Have a nice day',
  sending: 'Sending…',
  offline: 'Connection lost — reconnecting',
  failed: 'Your rating was not sent. Please press again.',
  loading: 'Loading…',
  pairTitle: 'Pair this tablet',
  pairHint:
    'Enter the 6-digit code an administrator or the counter official made in the console. It works once, for 10 minutes.',
  pairCode: 'Pairing code',
  pairName: 'Device name',
  pairButton: 'Pair',
  pairDelete: 'Delete',
  pairWrongCounter: 'This tablet is paired for another counter. Pair it again for this counter.',
  defaultName: 'Rating tablet, counter',
};

export function rateMessages(lang: 'vi' | 'en'): RateMessages {
  return lang === 'en' ? rateEn : rateVi;
}
