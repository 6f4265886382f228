/** What a stable code answers over HTTP: its status, and its title in Vietnamese. */
export interface ProblemKind {
  readonly status: number;
  readonly title: string;
}

/**
 * Tiêu đề lỗi: every problem the services answer with, by its stable code: the HTTP status it answers with, and its
 * title in Vietnamese. Officers and applicants read the title; programs switch on the code, which never changes.
 * The one place a code meets HTTP: rules and use cases refuse with a `Refusal` (a code, no status), and the
 * problem-details filter looks its status and title up here. A unit test holds every code used in the source tree
 * to an entry; the `detail` says what went wrong in this instance.
 */
export const PROBLEMS: Readonly<Record<string, ProblemKind>> = {
  INTERNAL: { status: 500, title: 'Lỗi hệ thống' },
  // only where OPENAPI_RESPONSE_CHECK is on (the tests): a response its OpenAPI document does not describe
  'CONTRACT.RESPONSE_UNDOCUMENTED': { status: 500, title: 'Phản hồi không khớp với tài liệu OpenAPI của dịch vụ' },
  'SERVICE.UNAVAILABLE': { status: 503, title: 'Hệ thống tạm thời gián đoạn, xin thử lại sau ít giây' },

  // every service: requests, tokens, retries, pages
  'REQUEST.INVALID': { status: 400, title: 'Yêu cầu không hợp lệ' },
  'REQUEST.INVALID_CURSOR': { status: 400, title: 'Con trỏ phân trang không hợp lệ' },
  'REQUEST.MALFORMED_JSON': { status: 400, title: 'Nội dung yêu cầu không phải là JSON hợp lệ' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { status: 415, title: 'Kiểu nội dung không được hỗ trợ' },
  'REQUEST.BODY_TOO_LARGE': { status: 413, title: 'Nội dung yêu cầu quá lớn' },
  'REQUEST.CONTENT_LENGTH_MISMATCH': { status: 400, title: 'Độ dài nội dung không khớp với Content-Length' },
  'REQUEST.MALFORMED_URL': { status: 400, title: 'Đường dẫn yêu cầu không hợp lệ' },
  'REQUEST.URI_TOO_LONG': { status: 414, title: 'Đường dẫn yêu cầu quá dài' },
  'REQUEST.HEADERS_TOO_LARGE': { status: 431, title: 'Phần tiêu đề của yêu cầu quá lớn' },
  'REQUEST.TIMEOUT': { status: 408, title: 'Yêu cầu không được gửi xong trong thời gian cho phép' },
  'REQUEST.MALFORMED_HTTP': { status: 400, title: 'Yêu cầu HTTP không hợp lệ' },
  'SERVICE.OVERLOADED': { status: 503, title: 'Hệ thống đang quá tải, xin thử lại sau giây lát' },
  'AUTH.TOKEN_MISSING': { status: 401, title: 'Chưa đăng nhập: thiếu mã truy cập' },
  'AUTH.TOKEN_INVALID': { status: 401, title: 'Mã truy cập không hợp lệ hoặc đã hết hạn' },
  'AUTH.FORBIDDEN': { status: 403, title: 'Không có quyền thực hiện thao tác này' },
  // a browser's preflight from an origin not in CORS_ORIGINS
  'CORS.ORIGIN_NOT_ALLOWED': { status: 403, title: 'Trang web này không được phép gọi dịch vụ từ trình duyệt' },
  'IDEMPOTENCY.KEY_INVALID': { status: 400, title: 'Khóa chống gửi lặp (Idempotency-Key) không hợp lệ' },
  'IDEMPOTENCY.KEY_REUSED': { status: 422, title: 'Khóa chống gửi lặp (Idempotency-Key) đã dùng cho một yêu cầu khác' },

  // intake: receipt and supplements
  'DOSSIER.NOT_FOUND': { status: 404, title: 'Không tìm thấy hồ sơ' },
  'LOOKUP.TOO_MANY_ATTEMPTS': { status: 429, title: 'Quá nhiều lần thử tra cứu hồ sơ' },
  'DOSSIER.DESK_NOT_YOURS': { status: 403, title: 'Cán bộ không làm việc tại bộ phận tiếp nhận này' },
  'DOSSIER.DESK_ONLY': { status: 403, title: 'Chỉ bộ phận một cửa đã tiếp nhận hồ sơ mới nhận hồ sơ bổ sung' },
  'DOSSIER.PROCEDURE_UNKNOWN': { status: 422, title: 'Thủ tục hành chính không có trong danh mục' },
  'DOSSIER.PROCEDURE_INACTIVE': { status: 422, title: 'Thủ tục hành chính đã ngừng tiếp nhận' },
  'DOSSIER.CHANNEL_NOT_ALLOWED': { status: 422, title: 'Thủ tục không tiếp nhận hồ sơ qua kênh này' },
  'DOSSIER.AREA_UNKNOWN': { status: 422, title: 'Không tìm thấy phường, xã của người nộp' },
  'DOSSIER.DESK_NOT_ALLOWED': { status: 422, title: 'Bộ phận một cửa này không được tiếp nhận hồ sơ này' },
  'DOSSIER.NO_COMPETENT_AGENCY': { status: 422, title: 'Không xác định được cơ quan có thẩm quyền giải quyết cho người nộp' },
  'DOSSIER.DOCUMENTS_MISSING': { status: 422, title: 'Hồ sơ còn thiếu thành phần bắt buộc' },
  'DOSSIER.DELIVERY_ADDRESS_REQUIRED': { status: 422, title: 'Trả kết quả qua bưu chính phải có địa chỉ nhận kết quả' },
  'DOSSIER.DELIVERY_ADDRESS_NOT_EXPECTED': { status: 422, title: 'Chỉ ghi địa chỉ nhận kết quả khi trả kết quả qua bưu chính' },
  'DOSSIER.DELIVERY_WARD_UNKNOWN': { status: 422, title: 'Không tìm thấy phường, xã của địa chỉ nhận kết quả' },
  'DOSSIER.PICKUP_WAYBILL_NOT_POST': { status: 422, title: 'Chỉ hồ sơ gửi qua bưu chính mới có số vận đơn thu gom' },
  'DOSSIER.NOT_AWAITING_SUPPLEMENT': { status: 409, title: 'Hồ sơ không ở trạng thái chờ bổ sung' },
  'DOSSIER.SUPPLEMENT_INCOMPLETE': { status: 422, title: 'Hồ sơ bổ sung chưa đủ các giấy tờ đã yêu cầu' },

  // intake: online submissions from the National Portal
  'SUBMISSION.NOT_FOUND': { status: 404, title: 'Không tìm thấy hồ sơ nộp trực tuyến' },
  'SUBMISSION.ALREADY_DECIDED': { status: 409, title: 'Hồ sơ nộp trực tuyến đã được tiếp nhận hoặc từ chối' },
  'SUBMISSION.REFERENCE_REUSED': { status: 409, title: 'Mã hồ sơ trên Cổng Dịch vụ công quốc gia đã được dùng cho một hồ sơ khác' },
  'SUBMISSION.PORTAL_ONLY': { status: 403, title: 'Chỉ Cổng Dịch vụ công quốc gia mới gửi hồ sơ nộp trực tuyến' },
  'SUBMISSION.FILED_IN_FUTURE': { status: 422, title: 'Thời điểm nộp hồ sơ ở tương lai' },
  'SUBMISSION.DOCUMENT_UNKNOWN': { status: 422, title: 'Thành phần hồ sơ không có trong danh mục của thủ tục' },
  'SUBMISSION.MISSING_REQUIRED': { status: 422, title: 'Yêu cầu bổ sung phải liệt kê các thành phần hồ sơ còn thiếu' },

  // the catalogue (workflow's, and intake's replica of it)
  'CATALOGUE.NOT_READY': { status: 503, title: 'Danh mục thủ tục chưa được đồng bộ đến dịch vụ này' },
  'CATALOGUE.AREA_NOT_FOUND': { status: 404, title: 'Không tìm thấy đơn vị hành chính' },
  'CATALOGUE.AGENCY_NOT_FOUND': { status: 404, title: 'Không tìm thấy cơ quan, đơn vị' },
  'CATALOGUE.PROCEDURE_NOT_FOUND': { status: 404, title: 'Không tìm thấy thủ tục hành chính' },
  'CATALOGUE.OFFICER_NOT_FOUND': { status: 404, title: 'Không tìm thấy cán bộ' },
  // a case that cannot open is a message parked, not an answer: 422 if it ever were one
  'CATALOGUE.PROCEDURE_UNKNOWN': { status: 422, title: 'Thủ tục hành chính không có quy trình đang áp dụng' },
  'CATALOGUE.OFFICE_HOURS_INVALID': { status: 422, title: 'Giờ làm việc không hợp lệ' },
  'PROCESS.INVALID': { status: 422, title: 'Quy trình không hợp lệ, chưa thể ban hành' },
  'ROUTING.NO_AGENCY': { status: 422, title: 'Bước xử lý không có cơ quan giải quyết' },
  'ROUTING.UNKNOWN_AREA': { status: 422, title: 'Không tìm thấy địa bàn của người nộp' },
  'ROUTING.AMBIGUOUS': { status: 422, title: 'Có nhiều cơ quan cùng có thể giải quyết bước xử lý' },
  'CALENDAR.YEAR_OUT_OF_RANGE': { status: 400, title: 'Năm nằm ngoài phạm vi lịch làm việc' },
  'CALENDAR.SCHEDULE_INVALID': { status: 422, title: 'Lịch nghỉ, làm bù của năm không hợp lệ' },

  // workflow: tasks, cases, staff, statistics
  'TASK.NOT_FOUND': { status: 404, title: 'Không tìm thấy nhiệm vụ' },
  'TASK.OFFICERS_ONLY': { status: 403, title: 'Chỉ cán bộ mới có danh sách nhiệm vụ' },
  'TASK.SUBTREE_FOR_LEADERS': { status: 403, title: 'Chỉ lãnh đạo mới xem được các đơn vị cấp dưới' },
  'TASK.AGENCY_NOT_YOURS': { status: 403, title: 'Đơn vị không thuộc nơi cán bộ công tác' },
  'TASK.ALL_FOR_HEADS': { status: 403, title: 'Chỉ người đứng đầu đơn vị mới xem được nhiệm vụ của mọi cán bộ' },
  'TASK.CLOSED': { status: 409, title: 'Nhiệm vụ đã kết thúc' },
  'TASK.VERSION_CONFLICT': { status: 409, title: 'Nhiệm vụ đã thay đổi, đề nghị tải lại' },
  'TASK.ALREADY_OWNED': { status: 409, title: 'Nhiệm vụ đã có cán bộ xử lý' },
  'TASK.NOT_ELIGIBLE': { status: 403, title: 'Cán bộ không có vai trò được giao cho bước này' },
  'TASK.NOT_HEAD': { status: 403, title: 'Chỉ người đứng đầu đơn vị mới giao nhiệm vụ' },
  'TASK.ASSIGNEE_NOT_ELIGIBLE': { status: 422, title: 'Cán bộ được giao không đủ điều kiện xử lý nhiệm vụ này' },
  'TASK.NOT_OWNED': { status: 409, title: 'Nhiệm vụ chưa có cán bộ xử lý' },
  'TASK.NOT_OWNER': { status: 403, title: 'Chỉ cán bộ đang xử lý nhiệm vụ mới thực hiện được thao tác này' },
  'TASK.ACTION_NOT_ALLOWED': { status: 422, title: 'Bước xử lý này không cho phép thao tác đã chọn' },
  'TASK.REASON_REQUIRED': { status: 422, title: 'Thao tác này phải ghi rõ lý do' },
  'TASK.RESULT_NOT_SIGNED': { status: 409, title: 'Kết quả chưa được ký nên chưa thể trả' },
  'TASK.MISSING_LIST_REQUIRED': { status: 422, title: 'Yêu cầu bổ sung phải liệt kê đầy đủ giấy tờ còn thiếu' },
  'EXTENSION.NO_APPOINTMENT': { status: 422, title: 'Hồ sơ chưa có ngày hẹn trả kết quả' },
  'EXTENSION.NOT_LATER': { status: 422, title: 'Ngày hẹn mới phải sau ngày hẹn hiện tại' },
  'EXTENSION.OUTSIDE_OFFICE_HOURS': { status: 422, title: 'Thời hạn hẹn trả mới không nằm trong giờ làm việc của bộ phận một cửa' },
  'EXTENSION.TOO_LATE': { status: 422, title: 'Đã quá thời hạn xin gia hạn (chậm nhất một ngày làm việc trước ngày hẹn)' },
  'CASE.CLOSED': { status: 409, title: 'Hồ sơ đã kết thúc xử lý' },
  'CASE.VERSION_CONFLICT': { status: 409, title: 'Hồ sơ đã thay đổi, đề nghị tải lại' },
  'CASE.DESK_ONLY': { status: 403, title: 'Chỉ bộ phận một cửa đã tiếp nhận hồ sơ mới ghi nhận việc rút hồ sơ' },
  'CASE.HEAD_OF_DESK_ONLY': { status: 403, title: 'Chỉ trưởng bộ phận một cửa mới thay đổi cán bộ đầu mối' },
  'CASE.COORDINATOR_NOT_ELIGIBLE': { status: 422, title: 'Cán bộ không thể làm đầu mối của hồ sơ' },
  'CASE.ALREADY_COORDINATOR': { status: 409, title: 'Cán bộ đã là đầu mối của hồ sơ' },
  // a result's shipment that names no dossier is a message parked, not an answer: 422 if it ever were one
  'CASE.SHIPMENT_WITHOUT_DOSSIER': { status: 422, title: 'Bưu gửi kết quả không ghi mã hồ sơ' },
  'OFFICER.NOT_FOUND': { status: 404, title: 'Không tìm thấy cán bộ' },
  'OFFICER.HEAD_ONLY': { status: 403, title: 'Chỉ lãnh đạo, trưởng bộ phận của cơ quan mới ghi nhận việc cán bộ nghỉ' },
  'STATISTICS.EMPTY_PERIOD': { status: 400, title: 'Kỳ thống kê kết thúc trước khi bắt đầu' },
  'STATISTICS.LEADERS_ONLY': { status: 403, title: 'Chỉ lãnh đạo, người đứng đầu bộ phận và quản trị viên mới xem được thống kê' },
  'STATISTICS.AGENCY_NOT_YOURS': { status: 403, title: 'Đơn vị không thuộc phạm vi cán bộ phụ trách' },

  // notification
  'NOTIFICATION.OFFICERS_ONLY': { status: 403, title: 'Chỉ cán bộ mới xem được nhật ký gửi thông báo' },
  'NOTIFICATION.NOT_FOUND': { status: 404, title: 'Không tìm thấy thông báo' },
  'NOTIFICATION.RESEND_NOT_ALLOWED': { status: 403, title: 'Chỉ cán bộ đầu mối hoặc trưởng bộ phận một cửa mới gửi lại thông báo' },
  'NOTIFICATION.NOT_RESENDABLE': { status: 422, title: 'Thông báo này không gửi lại được' },
  'NOTIFICATION.STILL_PENDING': { status: 409, title: 'Thông báo đang được gửi, xin chờ kết quả' },
  'NOTIFICATION.LOOKUP_UNAVAILABLE': { status: 503, title: 'Chưa kiểm tra được hồ sơ, xin thử lại sau ít phút' },
  'INBOX.OFFICERS_ONLY': { status: 403, title: 'Chỉ cán bộ mới có hộp thư công việc' },
  'INBOX.MESSAGE_NOT_FOUND': { status: 404, title: 'Không có thông báo này trong hộp thư của bạn' },
  'TEMPLATE.OFFICERS_ONLY': { status: 403, title: 'Chỉ cán bộ mới xem được mẫu thông báo' },
  'TEMPLATE.NOT_FOUND': { status: 404, title: 'Không tìm thấy mẫu thông báo' },
  'TEMPLATE.PLACEHOLDER_MISSING': { status: 422, title: 'Thiếu giá trị cho trường thay thế của mẫu thông báo' },
  'WEBHOOK.URL_INVALID': { status: 400, title: 'Địa chỉ nhận sự kiện (webhook) không hợp lệ' },
  'WEBHOOK.EVENT_UNKNOWN': { status: 400, title: 'Loại sự kiện không có trong danh sách được cung cấp qua webhook' },
  'WEBHOOK.NOT_FOUND': { status: 404, title: 'Không tìm thấy đăng ký nhận sự kiện (webhook)' },
  'DELIVERY.REPORT_SIGNATURE_INVALID': { status: 401, title: 'Chữ ký của báo cáo kết quả gửi tin không đúng' },

  // postal-delivery: shipments, pick-ups, the carrier's callbacks
  'SHIPMENT.NOT_FOUND': { status: 404, title: 'Không tìm thấy bưu gửi' },
  'SHIPMENT.RETURNER_ONLY': { status: 403, title: 'Chỉ cán bộ trả kết quả của Bộ phận Một cửa mới bàn giao kết quả cho bưu điện' },
  'SHIPMENT.NOT_A_RESULT': { status: 422, title: 'Bưu gửi này không phải là kết quả gửi cho người dân' },
  'SHIPMENT.NO_WAYBILL_YET': { status: 409, title: 'Bưu điện chưa cấp số vận đơn, xin thử lại sau ít phút' },
  'SHIPMENT.ALREADY_HANDED_OVER': { status: 409, title: 'Kết quả đã được bàn giao cho bưu điện' },
  'SHIPMENT.ALREADY_PICKED_UP': { status: 409, title: 'Bưu điện đã nhận bưu gửi, không thể hủy' },
  'SHIPMENT.CLOSED': { status: 409, title: 'Bưu gửi đã kết thúc' },
  'SHIPMENT.LOOKUP_UNAVAILABLE': { status: 503, title: 'Chưa kiểm tra được hồ sơ, xin thử lại sau ít phút' },

  // national-portal: the operators' view of the sync
  'PORTAL.SYNC_NOT_FOUND': { status: 404, title: 'Không tìm thấy bản ghi đồng bộ hồ sơ với Cổng Dịch vụ công quốc gia' },

  'PICKUP.DESK_NOT_YOURS': { status: 403, title: 'Cán bộ không làm việc tại bộ phận tiếp nhận này' },
  'PICKUP.PROCEDURE_UNKNOWN': { status: 422, title: 'Thủ tục hành chính không có trong danh mục' },
  'PICKUP.CHANNEL_NOT_ALLOWED': { status: 422, title: 'Thủ tục này không tiếp nhận hồ sơ qua dịch vụ bưu chính công ích' },
  'PICKUP.DESK_UNKNOWN': { status: 422, title: 'Cơ quan nhận hồ sơ không phải là Bộ phận Một cửa trong danh mục' },
  'PICKUP.WARD_UNKNOWN': { status: 422, title: 'Mã phường, xã không có trong danh mục' },
  'PICKUP.WINDOW_INVALID': { status: 422, title: 'Khung giờ thu gom hồ sơ không hợp lệ' },
  'CARRIER.CALLBACK_SIGNATURE_INVALID': { status: 401, title: 'Chữ ký của thông báo trạng thái từ bưu điện không đúng' },
};

/** The titles of the problems no code of ours names (`HTTP.<REASON>`): by HTTP status, as Nest's `HttpStatus` lists them. */
export const HTTP_STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa xác thực',
  402: 'Cần thanh toán',
  403: 'Không có quyền truy cập',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  406: 'Không có định dạng phản hồi phù hợp',
  407: 'Cần xác thực với máy chủ trung gian',
  408: 'Hết thời gian chờ yêu cầu',
  409: 'Xung đột dữ liệu',
  410: 'Tài nguyên không còn tồn tại',
  411: 'Thiếu độ dài nội dung',
  412: 'Điều kiện tiên quyết không thỏa mãn',
  413: 'Nội dung yêu cầu quá lớn',
  414: 'Địa chỉ yêu cầu quá dài',
  415: 'Kiểu nội dung không được hỗ trợ',
  416: 'Phạm vi yêu cầu không đáp ứng được',
  417: 'Không đáp ứng được điều kiện Expect',
  418: 'Máy chủ từ chối xử lý yêu cầu',
  421: 'Yêu cầu gửi nhầm máy chủ',
  422: 'Yêu cầu không xử lý được',
  423: 'Tài nguyên đang bị khóa',
  424: 'Yêu cầu phụ thuộc bị lỗi',
  428: 'Yêu cầu cần có điều kiện tiên quyết',
  429: 'Quá nhiều yêu cầu, đề nghị thử lại sau',
  456: 'Lỗi không thể khắc phục',
  500: 'Lỗi hệ thống',
  501: 'Chức năng chưa được hỗ trợ',
  502: 'Lỗi cổng kết nối',
  503: 'Dịch vụ tạm thời không sẵn sàng',
  504: 'Hết thời gian chờ cổng kết nối',
  505: 'Phiên bản HTTP không được hỗ trợ',
  507: 'Không đủ dung lượng lưu trữ',
  508: 'Phát hiện vòng lặp khi xử lý',
};

/** A status without a title of its own: the title of its class (4xx the client's, 5xx ours). */
function httpStatusTitle(status: number): string {
  return HTTP_STATUS_TITLES[status] ?? HTTP_STATUS_TITLES[status >= 500 ? 500 : 400];
}

/** The title of a problem: its code's, or (a code without one, e.g. `HTTP.NOT_FOUND`) its status's. Never English. */
export function problemTitle(code: string, status: number): string {
  return Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code].title : httpStatusTitle(status);
}

/** The HTTP status a code answers with; a code without an entry (a test keeps there being none) as the system's failure, 500. */
export function problemStatus(code: string): number {
  return Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code].status : 500;
}
