/**
 * How every report figure is counted, in words, shown next to the figure (console, print, Excel).
 * docs/metrics.md says the same at length with one SQL query per figure; keep the three in step.
 */
export const METRIC_IDS = [
  'issued',
  'served',
  'noShows',
  'transferred',
  'cancelled',
  'recalls',
  'wait',
  'percentiles',
  'serviceLevel',
  'service',
  'loggedIn',
  'serving',
  'paused',
  'idle',
  'satisfaction',
  'responseRate',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface MetricDefinition {
  name: { vi: string; en: string };
  text: { vi: string; en: string };
}

export const METRIC_DEFINITIONS: Record<MetricId, MetricDefinition> = {
  issued: {
    name: { vi: 'Số phiếu cấp', en: 'Tickets issued' },
    text: {
      vi: 'Số phiếu lấy trong kỳ, theo ngày và giờ lấy số, kể cả phiếu sau đó bị hủy hoặc vắng mặt. Chỉ có khi xem theo lĩnh vực, ngày, giờ và ở dòng tổng.',
      en: 'Tickets taken in the period, by the day and hour they were taken, including those later cancelled or absent. Shown by service, day, hour and in the total.',
    },
  },
  served: {
    name: { vi: 'Đã phục vụ', en: 'Served' },
    text: {
      vi: 'Số lần bấm "Hoàn thành", tính vào ngày hoàn thành, cho cán bộ, quầy và lĩnh vực lúc hoàn thành.',
      en: 'Times "Finish" was pressed, on the day of finishing, for the official, counter and service at that moment.',
    },
  },
  noShows: {
    name: { vi: 'Vắng mặt', en: 'No-shows' },
    text: {
      vi: 'Số lần bấm "Vắng mặt". Phiếu vắng mặt được đưa lại hàng chờ và phục vụ sau đó vẫn tính một lần vắng mặt và một lượt phục vụ.',
      en: 'Times "No-show" was pressed. An absent ticket returned to the queue and served later counts once here and once as served.',
    },
  },
  transferred: {
    name: { vi: 'Chuyển quầy/lĩnh vực', en: 'Transferred' },
    text: {
      vi: 'Số lần chuyển phiếu sang quầy hoặc lĩnh vực khác, tính cho cán bộ, quầy và lĩnh vực chuyển đi. Phiếu giữ nguyên số.',
      en: 'Times a ticket was moved to another counter or service, counted where it was moved from. The ticket keeps its number.',
    },
  },
  cancelled: {
    name: { vi: 'Hủy', en: 'Cancelled' },
    text: {
      vi: 'Số phiếu bị hủy (luôn có lý do), tính cho người hủy.',
      en: 'Tickets cancelled (always with a reason), counted for who cancelled them.',
    },
  },
  recalls: {
    name: { vi: 'Gọi lại', en: 'Recalls' },
    text: {
      vi: 'Số lần bấm "Gọi lại". Gọi lại không làm thay đổi thời gian chờ.',
      en: 'Times "Recall" was pressed. A recall does not change the wait.',
    },
  },
  wait: {
    name: { vi: 'Thời gian chờ', en: 'Wait' },
    text: {
      vi: 'Từ lúc lấy số đến lần gọi đầu tiên. Gọi lại, vắng mặt rồi quay lại, chuyển quầy không cộng thêm. Tính vào ngày và giờ lấy số, cho cán bộ và quầy gọi lần đầu; phiếu lấy trước nửa đêm được gọi sau nửa đêm vẫn tính đủ vào ngày lấy số. Phiếu chưa được gọi không tính.',
      en: 'From taking the ticket to its first call. Recalls, returning after a no-show and transfers add nothing. Counted on the day and hour the ticket was taken, for the official and counter who first called it; a ticket taken before midnight and called after counts in full on the day it was taken. Tickets never called are left out.',
    },
  },
  percentiles: {
    name: { vi: 'Trung vị, P90', en: 'Median, p90' },
    text: {
      vi: 'Trung vị: một nửa số công dân chờ (hoặc được phục vụ) không quá mức này. P90: 9 trên 10 người không quá mức này. Tính theo phút, làm tròn xuống.',
      en: 'Median: half of the citizens waited (or were served) no longer than this. P90: 9 in 10 no longer than this. In whole minutes, rounded down.',
    },
  },
  serviceLevel: {
    name: { vi: 'Tỷ lệ được gọi đúng hạn', en: 'Service level' },
    text: {
      vi: 'Số phiếu được gọi lần đầu khi chờ chưa đến thời gian mục tiêu (mặc định 30 phút) / số phiếu được gọi.',
      en: 'Tickets first called before the target wait (default 30 minutes) / tickets called.',
    },
  },
  service: {
    name: { vi: 'Thời gian phục vụ', en: 'Service time' },
    text: {
      vi: 'Từ lúc bắt đầu phục vụ (bấm "Bắt đầu", hoặc lần gọi cuối nếu bấm "Hoàn thành" ngay) đến lúc hoàn thành; tính vào ngày hoàn thành. Phần làm việc trước khi chuyển quầy không tính ở đây mà vào "Đang phục vụ".',
      en: 'From the start of service ("Start", or the last call when "Finish" is pressed straight away) to the finish, on the day of finishing. Work before a transfer is not counted here but in "Serving".',
    },
  },
  loggedIn: {
    name: { vi: 'Đăng nhập tại quầy', en: 'Logged in' },
    text: {
      vi: 'Từ lúc đăng nhập vào một quầy đến lúc đăng xuất; phiên hết hạn mà không đăng xuất tính đến thao tác cuối cùng. Chia theo nửa đêm và theo kỳ báo cáo.',
      en: 'From logging in at a counter to logging out; a session left to expire counts until its last action. Cut at midnight and at the period edges.',
    },
  },
  serving: {
    name: { vi: 'Đang phục vụ', en: 'Serving' },
    text: {
      vi: 'Từ lúc gọi số đến khi phiếu rời quầy (hoàn thành, vắng mặt, chuyển, hủy), tính cho người đã gọi; một lượt qua nửa đêm được chia cho hai ngày.',
      en: 'From calling a ticket until it leaves the counter (finished, absent, transferred, cancelled), for who called it; a visit across midnight is split between the two days.',
    },
  },
  paused: {
    name: { vi: 'Tạm nghỉ', en: 'Paused' },
    text: {
      vi: 'Từ lúc bấm "Tạm nghỉ" đến "Tiếp tục" (hoặc đến khi đăng xuất), theo lý do: nghỉ giải lao, họp, đi công tác, khác.',
      en: 'From "Pause" to "Resume" (or logging out), by reason: break, meeting, field work, other.',
    },
  },
  idle: {
    name: { vi: 'Chờ công dân', en: 'Idle' },
    text: {
      vi: 'Thời gian đăng nhập tại quầy trừ thời gian đang phục vụ và tạm nghỉ: quầy mở nhưng không có ai.',
      en: 'Logged-in time minus serving and paused time: the counter was open with nobody at it.',
    },
  },
  satisfaction: {
    name: { vi: 'Tỷ lệ hài lòng', en: 'Satisfaction rate' },
    text: {
      vi: 'Số phiếu đánh giá ở các mức hài lòng / số phiếu đánh giá hợp lệ (công thức ghi cạnh bảng). Tính vào ngày đánh giá, cho cán bộ được gắn với đánh giá.',
      en: 'Ratings at the satisfied levels / valid ratings (the formula is printed with the table). Counted on the day of rating, for the official the rating was attributed to.',
    },
  },
  responseRate: {
    name: { vi: 'Tỷ lệ phản hồi', en: 'Response rate' },
    text: {
      vi: 'Số đánh giá gắn với một lượt phục vụ / số lượt đã phục vụ.',
      en: 'Ratings tied to a served visit / visits served.',
    },
  },
};
