import { DossierAccepted, NationalStatus, type PostalAddress, ReturnMethod, SubmissionChannel, event } from '@motcua/contracts';

/** The desk that receives test dossiers unless a test says otherwise (cơ quan tiếp nhận). */
export const TEST_DESK = '000.00.01.H26';

let dossierNumber = 0;

/**
 * An `intake.dossier.accepted` event for a birth registration: a fresh dossier code each time (at the desk it
 * names), override what the scenario is about.
 */
export function aDossierAccepted(
  overrides: Partial<Omit<DossierAccepted, 'applicant'>> & { applicant?: Partial<DossierAccepted['applicant']> } = {},
): DossierAccepted {
  const { applicant, ...rest } = overrides;
  const desk = rest.receivingAgencyCode ?? TEST_DESK;
  const wardCode = applicant?.wardCode ?? '00004';
  dossierNumber += 1;
  return event(DossierAccepted, {
    dossierCode: `${desk}-261126-${String(dossierNumber).padStart(4, '0')}`,
    nationalStatus: NationalStatus.Accepted,
    sequence: 1,
    occurredAt: '2026-11-26T02:05:00.000Z',
    procedureCode: '1.001193',
    channel: SubmissionChannel.InPerson,
    receivingAgencyCode: desk,
    coordinatorId: 'officer-1',
    applicant: { fullName: 'Nguyễn Thị Hoa', wardCode, email: 'hoa@example.vn', phone: '0912345678', ...applicant },
    returnMethod: ReturnMethod.Desk,
    receivedAt: '2026-11-26T02:05:00.000Z',
    // a result returned by post always has its address (the applicant's own ward unless the scenario says)
    ...(rest.returnMethod === ReturnMethod.Post && !('deliveryAddress' in rest) ? { deliveryAddress: aDeliveryAddress({ wardCode }) } : {}),
    ...rest,
  });
}

/** Where the post delivers a result: the applicant at home in phường Trúc Bạch (00004) unless said. */
export function aDeliveryAddress(overrides: Partial<PostalAddress> = {}): PostalAddress {
  return { recipient: 'Nguyễn Thị Hoa', phone: '0912345678', street: 'Số 12 phố Phó Đức Chính', wardCode: '00004', ...overrides };
}

/** The required documents of a birth registration (1.001193) as a desk records them: by their catalogue codes. */
export const BIRTH_REGISTRATION_DOCUMENTS = [
  { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', copies: 1 },
  { code: 'GCS', name: 'Giấy chứng sinh', copies: 1 },
  { code: 'GTTT', name: 'Căn cước của người đi đăng ký khai sinh (xuất trình)', copies: 1 },
];
