/**
 * Every message the suite sends to people, in one place, Vietnamese first. Placeholders are `{name}`; the
 * renderer refuses a template whose placeholder has no value, so a typo here fails the unit tests, not a citizen.
 * Keep the wording formal ("Ông/Bà", "Trân trọng"), as on the paper forms of Circular 01/2018. People, agencies and
 * procedures are named ({officer}, {agency}, {procedure}), by their codes only where the event did not say the name.
 */
export interface MessageTemplate {
  readonly subject: string;
  readonly body: string;
}

export const MESSAGE_TEMPLATES = {
  /** Giấy tiếp nhận hồ sơ: the desk accepted the dossier and gave it its code. */
  'dossier.received': {
    subject: 'Hồ sơ {dossierCode} đã được tiếp nhận',
    body: [
      'Kính gửi Ông/Bà {applicantName},',
      '',
      'Hồ sơ của Ông/Bà đã được tiếp nhận lúc {receivedAt}.',
      '- Mã hồ sơ: {dossierCode}',
      '- Thủ tục hành chính: {procedure}',
      '- Đơn vị tiếp nhận: {receivingAgency}',
      '',
      'Chúng tôi sẽ thông báo để Ông/Bà biết khi có kết quả giải quyết hồ sơ.',
      '',
      'Trân trọng,',
      'Bộ phận Một cửa',
    ].join('\n'),
  },
  /** To an officer whose task was given to someone else or put back in the queue by another. */
  'task.taken_away': {
    subject: 'Hồ sơ {dossierCode}: nhiệm vụ bước {stepNumber} không còn do đồng chí xử lý',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Nhiệm vụ xử lý hồ sơ {dossierCode} (bước {stepNumber} tại {agency}) {change} bởi đồng chí {actor} lúc {occurredAt}.',
      'Đồng chí không thực hiện thêm thao tác nào trên nhiệm vụ này.',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
  },
  /** To the officer who had the open step when the desk recorded the applicant's withdrawal of the dossier. */
  'task.ended_by_withdrawal': {
    subject: 'Hồ sơ {dossierCode} đã được rút: nhiệm vụ bước {stepNumber} kết thúc',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Người nộp đã rút hồ sơ {dossierCode}; đồng chí {actor} ghi nhận lúc {occurredAt} (lý do: {reason}).',
      'Nhiệm vụ bước {stepNumber} tại {agency} do đồng chí xử lý đã kết thúc; đồng chí không thực hiện thêm thao tác nào trên hồ sơ này.',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
  },
  /** To a dossier's coordinator (the desk officer who answers to the applicant end to end): a milestone. */
  'coordinator.milestone': {
    subject: 'Hồ sơ {dossierCode}: {milestone}',
    body: [
      'Kính gửi đồng chí {officer},',
      '',
      'Hồ sơ {dossierCode}, do đồng chí làm đầu mối, {milestone} lúc {occurredAt}.',
      '{details}',
      '',
      'Hệ thống Một cửa',
    ].join('\n'),
  },
} as const satisfies Record<string, MessageTemplate>;

export type TemplateKey = keyof typeof MESSAGE_TEMPLATES;
