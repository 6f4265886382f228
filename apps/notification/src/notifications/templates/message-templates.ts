/**
 * Every message the suite sends to people, in one place, Vietnamese first, as data an operator can read
 * (`GET /api/v1/templates`). Placeholders are `{name}`; each template declares its own, with a line on what each
 * means, and at start every placeholder its texts use is checked against them (`checkTemplates`); the rules fill
 * exactly the declared ones (`renderTemplate`'s type), so a typo here stops the service, never reaches a citizen.
 * Keep the wording formal ("Ông/Bà", "Trân trọng"), as on the paper forms of Circular 01/2018. People, agencies and
 * procedures are named ({officer}, {agency}, {procedure}), by their codes only where the event did not say the name.
 * An applicant's template has an `sms` form too (with diacritics: the SMS adapter strips them and fits the segments),
 * sent instead of subject and body when the applicant gave only a phone number.
 */
export type Audience = 'applicant' | 'officer';

export interface MessageTemplate {
  readonly audience: Audience;
  /** When it is sent, in one line. */
  readonly description: string;
  readonly subject: string;
  readonly body: string;
  /** The short form for SMS (applicants' templates only: officers read theirs in their work inbox). */
  readonly sms?: string;
  /** Every placeholder the texts may use, with what it means. */
  readonly placeholders: Readonly<Record<string, string>>;
}

/** What the applicants' placeholders mean, said once for the templates that share them. */
const APPLICANT = {
  applicantName: 'Họ tên người nộp hồ sơ (chủ hồ sơ), như ghi trên giấy tiếp nhận',
  dossierCode: 'Mã hồ sơ (<mã đơn vị>-<YYMMDD>-<NNNN>)',
  procedure: 'Tên thủ tục hành chính kèm mã (hoặc chỉ mã, khi sự kiện không có tên)',
  receivingAgency: 'Tên cơ quan có Bộ phận Một cửa đã tiếp nhận hồ sơ (hoặc mã đơn vị)',
  coordinator: 'Cán bộ đầu mối của hồ sơ, có tên khi đã biết ("cán bộ đầu mối Hoàng Ngọc Lan")',
  appointmentAt: 'Thời gian hẹn trả kết quả hiện tại, giờ Việt Nam ("17:00 ngày 10/12/2026")',
  lookupUrl: 'Địa chỉ tra cứu hồ sơ (NOTIFICATION_LOOKUP_URL/<mã hồ sơ>); dùng cùng mã tra cứu in trên giấy tiếp nhận',
} as const;

const OFFICER = {
  officer: 'Họ tên cán bộ nhận thông báo (hoặc mã cán bộ)',
  dossierCode: APPLICANT.dossierCode,
  occurredAt: 'Thời điểm xảy ra, giờ Việt Nam ("09:05 ngày 26/11/2026")',
} as const;

const GREETING = 'Kính gửi Ông/Bà {applicantName},';
const SIGNATURE = ['Trân trọng,', 'Bộ phận Một cửa'];
const CONTACT = 'Mọi thắc mắc, xin Ông/Bà liên hệ {coordinator} tại Bộ phận Một cửa của {receivingAgency}.';
const LOOKUP = 'Ông/Bà tra cứu tình trạng hồ sơ tại {lookupUrl} bằng mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.';

/** An applicant's letter: greeting, the paragraphs, the desk's signature. */
function letter(...paragraphs: string[]): string {
  return [GREETING, '', ...paragraphs, '', ...SIGNATURE].join('\n');
}

export const MESSAGE_TEMPLATES = {
  /** Giấy tiếp nhận hồ sơ: the desk accepted the dossier and gave it its code. */
  'dossier.received': {
    audience: 'applicant',
    description: 'Bộ phận Một cửa tiếp nhận hồ sơ (intake.dossier.accepted).',
    subject: 'Hồ sơ {dossierCode} đã được tiếp nhận',
    body: letter(
      'Hồ sơ của Ông/Bà đã được tiếp nhận lúc {receivedAt}.',
      '- Mã hồ sơ: {dossierCode}',
      '- Thủ tục hành chính: {procedure}',
      '- Đơn vị tiếp nhận: {receivingAgency}',
      '- Thời gian hẹn trả kết quả: {appointmentAt}',
      '- Hình thức nhận kết quả: {returnMethod}',
      '',
      LOOKUP,
      'Chúng tôi sẽ thông báo để Ông/Bà biết khi có kết quả giải quyết hồ sơ.',
    ),
    sms: 'Hồ sơ {dossierCode} đã được tiếp nhận lúc {receivedAt}, hẹn trả kết quả {appointmentAt}. Tra cứu: {lookupUrl} (mã tra cứu in trên giấy tiếp nhận).',
    placeholders: {
      ...APPLICANT,
      receivedAt: 'Thời điểm tiếp nhận, giờ Việt Nam',
      appointmentAt: 'Thời gian hẹn trả kết quả in trên giấy tiếp nhận (hoặc "theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả")',
      returnMethod: 'Hình thức nhận kết quả người nộp đã chọn (trực tiếp, bưu chính, điện tử)',
    },
  },
  /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: everything missing, at once, with the reason and whom to ask. */
  'supplement.requested': {
    audience: 'applicant',
    description: 'Cơ quan giải quyết đề nghị bổ sung hồ sơ (workflow.supplement.requested).',
    subject: 'Hồ sơ {dossierCode}: đề nghị bổ sung hồ sơ',
    body: letter(
      'Để tiếp tục giải quyết hồ sơ {dossierCode} ({procedure}), {agency} đề nghị Ông/Bà bổ sung:',
      '{missing}',
      'Lý do: {reason}',
      '',
      'Thời gian Ông/Bà bổ sung hồ sơ không tính vào thời hạn giải quyết. Ông/Bà nộp phần bổ sung tại Bộ phận Một cửa của {receivingAgency} hoặc trực tuyến tại {lookupUrl} bằng mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
      CONTACT,
    ),
    sms: 'Hồ sơ {dossierCode} cần bổ sung: {missingInline}. Lý do: {reason}. Liên hệ Bộ phận Một cửa {receivingAgency}.',
    placeholders: {
      ...APPLICANT,
      agency: 'Cơ quan đề nghị bổ sung (cơ quan đang giải quyết bước hồ sơ)',
      missing: 'Các giấy tờ cần bổ sung, mỗi giấy tờ một dòng ("- Tên giấy tờ")',
      missingInline: 'Các giấy tờ cần bổ sung trên một dòng, cách nhau bởi dấu chấm phẩy',
      reason: 'Lý do đề nghị bổ sung, như cán bộ ghi',
    },
  },
  /** The applicant supplied what was asked: processing resumes, with the appointment as it stands now. */
  'supplement.resumed': {
    audience: 'applicant',
    description: 'Hồ sơ được tiếp tục giải quyết sau khi bổ sung (workflow.task.created của bước được tiếp tục).',
    subject: 'Hồ sơ {dossierCode} được tiếp tục giải quyết',
    body: letter(
      'Hồ sơ {dossierCode} ({procedure}) đã nhận đủ phần bổ sung và được tiếp tục giải quyết từ {resumedAt}.',
      'Thời gian hẹn trả kết quả: {appointmentAt} (thời gian chờ bổ sung không tính vào thời hạn giải quyết).',
      CONTACT,
    ),
    sms: 'Hồ sơ {dossierCode} đã nhận đủ phần bổ sung và được tiếp tục giải quyết. Hẹn trả kết quả: {appointmentAt}.',
    placeholders: { ...APPLICANT, resumedAt: 'Thời điểm hồ sơ được tiếp tục giải quyết, giờ Việt Nam' },
  },
  /** Văn bản xin lỗi và hẹn lại ngày trả kết quả (form 04 of 2018; "xin lỗi và đề nghị gia hạn" since 2025). */
  'appointment.extended': {
    audience: 'applicant',
    description: 'Cơ quan giải quyết gia hạn, xin lỗi và hẹn lại ngày trả kết quả (workflow.case.appointment-changed, cause extension).',
    subject: 'Hồ sơ {dossierCode}: thư xin lỗi và hẹn lại ngày trả kết quả',
    body: letter(
      'Hồ sơ {dossierCode} ({procedure}) của Ông/Bà có thời gian hẹn trả kết quả là {originalAppointmentAt}, nhưng việc giải quyết chưa thể hoàn thành đúng hẹn.',
      'Lý do: {reason}',
      'Chúng tôi thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả vào {appointmentAt}.',
      CONTACT,
    ),
    sms: 'Xin lỗi Ông/Bà: hồ sơ {dossierCode} chưa thể trả kết quả đúng hẹn {originalAppointmentAt} ({reason}). Hẹn lại: {appointmentAt}.',
    placeholders: {
      ...APPLICANT,
      originalAppointmentAt: 'Thời gian hẹn trả kết quả ban đầu, in trên giấy tiếp nhận',
      appointmentAt: 'Thời gian hẹn trả kết quả mới',
      reason: 'Lý do chậm trễ, như cơ quan giải quyết ghi trong văn bản xin lỗi',
    },
  },
  /** The appointment passed without a result and without an apology: the desk apologises and follows it up. */
  'dossier.overdue': {
    audience: 'applicant',
    description: 'Hồ sơ quá hẹn trả kết quả mà chưa được gia hạn (workflow.deadline.overdue, subject dossier).',
    subject: 'Hồ sơ {dossierCode}: chưa có kết quả đúng hẹn',
    body: letter(
      'Hồ sơ {dossierCode} ({procedure}) của Ông/Bà có thời gian hẹn trả kết quả là {appointmentAt} nhưng đến nay chưa có kết quả.',
      'Chúng tôi thành thật xin lỗi Ông/Bà, đang đôn đốc cơ quan giải quyết và sẽ thông báo ngay khi có kết quả.',
      CONTACT,
    ),
    sms: 'Xin lỗi Ông/Bà: hồ sơ {dossierCode} chưa có kết quả đúng hẹn {appointmentAt}. Chúng tôi sẽ báo ngay khi có kết quả.',
    placeholders: { ...APPLICANT, appointmentAt: 'Thời gian hẹn trả kết quả đã qua' },
  },
  /** Status 9, return at the desk: the result waits for the applicant at the desk that received the dossier. */
  'result.ready_at_desk': {
    audience: 'applicant',
    description: 'Kết quả đã được ký (trạng thái 9), người nộp nhận trực tiếp tại Bộ phận Một cửa.',
    subject: 'Hồ sơ {dossierCode} đã có kết quả',
    body: letter(
      'Hồ sơ {dossierCode} ({procedure}) đã được giải quyết xong lúc {processedAt}.',
      'Mời Ông/Bà đến Bộ phận Một cửa của {receivingAgency} để nhận kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân.',
      CONTACT,
    ),
    sms: 'Hồ sơ {dossierCode} đã có kết quả. Mời Ông/Bà đến Bộ phận Một cửa {receivingAgency} nhận kết quả, mang theo giấy tiếp nhận và giấy tờ tùy thân.',
    placeholders: { ...APPLICANT, processedAt: 'Thời điểm kết quả được ký, giờ Việt Nam' },
  },
  /**
   * Status 9, return by post (Decision 45/2016): the result goes to the address the applicant registered. The
   * waybill is not known yet: postal delivery tells it in its own message when the carrier takes the parcel.
   */
  'result.by_post': {
    audience: 'applicant',
    description: 'Kết quả đã được ký (trạng thái 9), sẽ được gửi qua dịch vụ bưu chính công ích.',
    subject: 'Hồ sơ {dossierCode} đã có kết quả, sẽ được gửi qua bưu chính',
    body: letter(
      'Hồ sơ {dossierCode} ({procedure}) đã được giải quyết xong lúc {processedAt}.',
      'Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ Ông/Bà đã đăng ký; mã vận đơn sẽ được thông báo khi bưu điện nhận gửi.',
      CONTACT,
    ),
    sms: 'Hồ sơ {dossierCode} đã có kết quả, sẽ được gửi qua bưu chính đến địa chỉ Ông/Bà đã đăng ký. Mã vận đơn sẽ được báo sau.',
    placeholders: { ...APPLICANT, processedAt: 'Thời điểm kết quả được ký, giờ Việt Nam' },
  },
  /** Status 9, electronic return: the signed result is read where the dossier is looked up. */
  'result.electronic': {
    audience: 'applicant',
    description: 'Kết quả đã được ký (trạng thái 9), trả bằng hình thức điện tử.',
    subject: 'Hồ sơ {dossierCode} đã có kết quả điện tử',
    body: letter(
      'Hồ sơ {dossierCode} ({procedure}) đã được giải quyết xong lúc {processedAt}.',
      'Kết quả được trả bằng hình thức điện tử: Ông/Bà tra cứu và nhận kết quả tại {lookupUrl} bằng mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
      CONTACT,
    ),
    sms: 'Hồ sơ {dossierCode} đã có kết quả điện tử. Tra cứu và nhận kết quả tại {lookupUrl} (mã tra cứu in trên giấy tiếp nhận).',
    placeholders: { ...APPLICANT, processedAt: 'Thời điểm kết quả được ký, giờ Việt Nam' },
  },
  /** Thông báo dừng xử lý / từ chối giải quyết (status 8), with the reasons, as the notice of stopped processing. */
  'dossier.stopped': {
    audience: 'applicant',
    description: 'Cơ quan giải quyết từ chối hoặc dừng xử lý hồ sơ (workflow.case.closed, outcome stopped).',
    subject: 'Hồ sơ {dossierCode}: thông báo dừng giải quyết',
    body: letter('Hồ sơ {dossierCode} ({procedure}) của Ông/Bà không được tiếp tục giải quyết (thông báo lúc {occurredAt}).', 'Lý do: {reason}', CONTACT),
    sms: 'Hồ sơ {dossierCode} không được tiếp tục giải quyết. Lý do: {reason}. Liên hệ Bộ phận Một cửa {receivingAgency}.',
    placeholders: { ...APPLICANT, occurredAt: 'Thời điểm dừng giải quyết, giờ Việt Nam', reason: 'Lý do từ chối hoặc dừng giải quyết, như cán bộ ghi' },
  },
  /** Status 7: the desk recorded the applicant's withdrawal; the applicant gets it in writing. */
  'dossier.withdrawn': {
    audience: 'applicant',
    description: 'Bộ phận Một cửa ghi nhận người nộp rút hồ sơ (workflow.case.closed, outcome withdrawn).',
    subject: 'Hồ sơ {dossierCode} đã được rút theo đề nghị của Ông/Bà',
    body: letter(
      'Bộ phận Một cửa của {receivingAgency} đã ghi nhận đề nghị rút hồ sơ {dossierCode} ({procedure}) của Ông/Bà lúc {occurredAt}; hồ sơ dừng giải quyết từ thời điểm này.',
      CONTACT,
    ),
    sms: 'Hồ sơ {dossierCode} đã được rút theo đề nghị của Ông/Bà lúc {occurredAt} và dừng giải quyết.',
    placeholders: { ...APPLICANT, occurredAt: 'Thời điểm ghi nhận rút hồ sơ, giờ Việt Nam' },
  },
  /**
   * A result going by post (Decision 45/2016): the desk's returner handed it to the postman, who gave it its waybill.
   * The letter the result's message promised ("mã vận đơn sẽ được thông báo khi bưu điện nhận gửi").
   */
  'postal.result_sent': {
    audience: 'applicant',
    description: 'Kết quả hồ sơ đã được giao cho bưu điện để phát đến người nộp (postal.shipment.handed-over, chiều gửi đi).',
    subject: 'Hồ sơ {dossierCode}: kết quả đã được gửi qua bưu điện, số vận đơn {waybill}',
    body: letter(
      'Kết quả giải quyết hồ sơ {dossierCode} ({procedure}) đã được Bộ phận Một cửa của {receivingAgency} giao cho bưu điện lúc {occurredAt} để phát đến địa chỉ Ông/Bà đã đăng ký.',
      '- Số vận đơn: {waybill}',
      'Ông/Bà tra cứu hành trình bưu gửi bằng số vận đơn trên trang tra cứu của bưu điện, và tra cứu hồ sơ tại {lookupUrl}. Khi nhận, Ông/Bà xuất trình giấy tờ tùy thân và nộp phí, lệ phí còn lại (nếu có).',
      CONTACT,
    ),
    sms: 'Kết quả hồ sơ {dossierCode} đã được gửi qua bưu điện, số vận đơn {waybill}. Tra cứu hồ sơ tại {lookupUrl}',
    placeholders: { ...APPLICANT, waybill: 'Số vận đơn (mã bưu gửi) bưu điện cấp', occurredAt: 'Thời điểm giao cho bưu điện, giờ Việt Nam' },
  },
  /** The postman could not deliver the result: the carrier tries again or brings it back to the desk. */
  'postal.delivery_failed': {
    audience: 'applicant',
    description: 'Bưu điện phát kết quả không thành công (postal.shipment.delivery-failed, chiều gửi đi).',
    subject: 'Hồ sơ {dossierCode}: bưu điện phát kết quả không thành công',
    body: letter(
      'Bưu điện phát kết quả hồ sơ {dossierCode} ({procedure}), số vận đơn {waybill}, không thành công lúc {occurredAt}.',
      'Lý do bưu điện ghi: {reason}',
      'Bưu điện sẽ phát lại hoặc hoàn kết quả về Bộ phận Một cửa của {receivingAgency}. Ông/Bà có thể liên hệ bưu điện theo số vận đơn để hẹn lại thời gian nhận.',
      CONTACT,
    ),
    sms: 'Bưu điện phát kết quả hồ sơ {dossierCode} (vận đơn {waybill}) không thành công: {reason}; bưu điện sẽ phát lại hoặc hoàn về Bộ phận Một cửa.',
    placeholders: {
      ...APPLICANT,
      waybill: 'Số vận đơn (mã bưu gửi)',
      occurredAt: 'Thời điểm phát không thành công, giờ Việt Nam (theo bưu điện)',
      reason: 'Lý do phát không thành công, như bưu điện báo (hoặc "bưu điện không ghi lý do")',
    },
  },
  /** The carrier brought the result back to the desk: the applicant collects it there, as if they had chosen the desk. */
  'postal.result_returned': {
    audience: 'applicant',
    description: 'Bưu điện hoàn kết quả về Bộ phận Một cửa (postal.shipment.returned, chiều gửi đi).',
    subject: 'Hồ sơ {dossierCode}: kết quả đã được hoàn về Bộ phận Một cửa',
    body: letter(
      'Kết quả giải quyết hồ sơ {dossierCode} ({procedure}), số vận đơn {waybill}, bưu điện không phát được và đã hoàn về Bộ phận Một cửa của {agency} lúc {occurredAt}.',
      'Lý do bưu điện ghi: {reason}',
      'Mời Ông/Bà đến Bộ phận Một cửa của {agency} để nhận trực tiếp kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân.',
      CONTACT,
    ),
    sms: 'Kết quả hồ sơ {dossierCode} đã được hoàn về Bộ phận Một cửa {agency}; mời Ông/Bà đến nhận trực tiếp, mang theo giấy tiếp nhận và giấy tờ tùy thân.',
    placeholders: {
      ...APPLICANT,
      waybill: 'Số vận đơn (mã bưu gửi)',
      agency: 'Cơ quan có Bộ phận Một cửa nhận lại kết quả (tên khi đã biết, nếu không thì mã đơn vị)',
      occurredAt: 'Thời điểm hoàn về, giờ Việt Nam (theo bưu điện)',
      reason: 'Lý do hoàn, như bưu điện báo (hoặc "bưu điện không ghi lý do")',
    },
  },
  /** To an officer whose task was given to someone else or put back in the queue by another. */
  'task.taken_away': {
    audience: 'officer',
    description: 'Nhiệm vụ của cán bộ được giao cho người khác hoặc trả về hàng chờ (workflow.task.owner-changed).',
    subject: 'Hồ sơ {dossierCode}: nhiệm vụ bước {stepNumber} không còn do đồng chí xử lý',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Nhiệm vụ xử lý hồ sơ {dossierCode} (bước {stepNumber} tại {agency}) {change} bởi đồng chí {actor} lúc {occurredAt}.',
      'Đồng chí không thực hiện thêm thao tác nào trên nhiệm vụ này.',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
    placeholders: {
      ...OFFICER,
      stepNumber: 'Số thứ tự bước trong quy trình',
      agency: 'Cơ quan, đơn vị của bước',
      change: 'Việc đã xảy ra ("đã được chuyển cho đồng chí …" hoặc "đã được trả về hàng chờ của đơn vị")',
      actor: 'Người thực hiện thay đổi',
    },
  },
  /** To the officer who had the open step when the desk recorded the applicant's withdrawal of the dossier. */
  'task.ended_by_withdrawal': {
    audience: 'officer',
    description: 'Người nộp rút hồ sơ khi cán bộ đang xử lý một bước (workflow.case.closed, outcome withdrawn).',
    subject: 'Hồ sơ {dossierCode} đã được rút: nhiệm vụ bước {stepNumber} kết thúc',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Người nộp đã rút hồ sơ {dossierCode}; đồng chí {actor} ghi nhận lúc {occurredAt} (lý do: {reason}).',
      'Nhiệm vụ bước {stepNumber} tại {agency} do đồng chí xử lý đã kết thúc; đồng chí không thực hiện thêm thao tác nào trên hồ sơ này.',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
    placeholders: {
      ...OFFICER,
      stepNumber: 'Số thứ tự bước đã kết thúc',
      agency: 'Cơ quan, đơn vị của bước',
      actor: 'Cán bộ ghi nhận việc rút hồ sơ',
      reason: 'Lý do rút hồ sơ (hoặc "không ghi lý do")',
    },
  },
  /** To a dossier's coordinator: the post brought the result back, and the desk must keep it for the applicant and tell them. */
  'postal.returned_to_desk': {
    audience: 'officer',
    description: 'Bưu điện hoàn kết quả về Bộ phận Một cửa (postal.shipment.returned): cán bộ đầu mối nhận lại và trả trực tiếp cho người nộp.',
    subject: 'Hồ sơ {dossierCode}: kết quả gửi bưu điện bị hoàn về (vận đơn {waybill})',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Kết quả hồ sơ {dossierCode}, do đồng chí làm đầu mối, gửi qua bưu điện theo vận đơn {waybill}, đã bị hoàn về Bộ phận Một cửa lúc {occurredAt}.',
      'Lý do bưu điện ghi: {reason}',
      'Đồng chí nhận lại bưu gửi, lưu giữ kết quả tại Bộ phận Một cửa và liên hệ Ông/Bà {applicantName} để trả trực tiếp; người nộp đã được thông báo đến nhận.',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
    placeholders: {
      ...OFFICER,
      waybill: 'Số vận đơn (mã bưu gửi)',
      reason: 'Lý do hoàn, như bưu điện báo (hoặc "bưu điện không ghi lý do")',
      applicantName: 'Họ tên người nộp hồ sơ',
    },
  },
  'postal.order_failed': {
    audience: 'officer',
    description: 'Bưu điện không nhận đơn gửi kết quả (postal.shipment.cancelled, order_failed): cán bộ đầu mối trả kết quả theo cách khác.',
    subject: 'Hồ sơ {dossierCode}: bưu điện không nhận đơn gửi kết quả',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Đơn gửi kết quả hồ sơ {dossierCode}, do đồng chí làm đầu mối, qua dịch vụ bưu chính công ích không được bưu điện nhận lúc {occurredAt}.',
      'Lý do: {reason}',
      'Kết quả vẫn ở Bộ phận Một cửa: đồng chí liên hệ Ông/Bà {applicantName} để thống nhất trả kết quả trực tiếp hoặc sửa địa chỉ nhận.',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
    placeholders: {
      ...OFFICER,
      reason: 'Lý do bưu điện từ chối đơn, như hệ thống ghi nhận',
      applicantName: 'Họ tên người nộp hồ sơ',
    },
  },
  /** To a dossier's coordinator (the desk officer who answers to the applicant end to end): a milestone. */
  'coordinator.milestone': {
    audience: 'officer',
    description: 'Mốc của hồ sơ cán bộ đầu mối cần biết: đề nghị bổ sung, kết quả được ký, kết thúc xử lý, quá hạn.',
    subject: 'Hồ sơ {dossierCode}: {milestone}',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Hồ sơ {dossierCode}, do đồng chí làm đầu mối, {milestone} lúc {occurredAt}.',
      '{details}',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
    placeholders: {
      ...OFFICER,
      milestone: 'Mốc đã xảy ra ("cần bổ sung hồ sơ (lần 1)", "kết quả đã được ký", …)',
      details: 'Chi tiết của mốc, một hoặc nhiều dòng',
    },
  },
} as const satisfies Record<string, MessageTemplate>;

export type TemplateKey = keyof typeof MESSAGE_TEMPLATES;

/** The placeholders a template declares: exactly what its rule must supply. */
export type PlaceholderOf<K extends TemplateKey> = keyof (typeof MESSAGE_TEMPLATES)[K]['placeholders'] & string;

/** The templates written to applicants (they have an SMS form). */
export type ApplicantTemplateKey = { [K in TemplateKey]: (typeof MESSAGE_TEMPLATES)[K]['audience'] extends 'applicant' ? K : never }[TemplateKey];
