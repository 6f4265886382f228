import { DossierAccepted, event, NationalStatus, ReturnMethod, SubmissionChannel } from '@motcua/contracts';

/** The desk that receives the test dossiers (cơ quan tiếp nhận). */
export const DESK = '000.00.01.H26';

let dossierNumber = 0;

/** A dossier the desk of 000.00.01.H26 accepted; override what the scenario is about. */
export function aDossierAccepted(
  overrides: Partial<Omit<DossierAccepted, 'applicant'>> & { applicant?: Partial<DossierAccepted['applicant']> } = {},
): DossierAccepted {
  const { applicant, ...rest } = overrides;
  dossierNumber += 1;
  return event(DossierAccepted, {
    dossierCode: `${DESK}-261126-${String(dossierNumber).padStart(4, '0')}`,
    nationalStatus: NationalStatus.Accepted,
    sequence: 1,
    occurredAt: '2026-11-26T02:05:00.000Z',
    procedureCode: '1.001193',
    channel: SubmissionChannel.InPerson,
    receivingAgencyCode: DESK,
    coordinatorId: 'officer-1',
    applicant: { fullName: 'Nguyễn Thị Hoa', wardCode: '00004', email: 'hoa@example.vn', phone: '0912345678', ...applicant },
    returnMethod: ReturnMethod.Desk,
    receivedAt: '2026-11-26T02:05:00.000Z',
    ...rest,
  });
}
