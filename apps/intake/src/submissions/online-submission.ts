import type { Applicant, DocumentItem, OnlineDocument, PostalAddress, ReturnMethod } from '@motcua/contracts';

/** Where an online submission stands: newly filed (1), accepted as a dossier (2), refused at receipt (3). */
export type SubmissionState = 'new' | 'accepted' | 'refused';
export const SUBMISSION_STATES: readonly SubmissionState[] = ['new', 'accepted', 'refused'];

/** Hồ sơ nộp trực tuyến: an online dossier filed on the National Portal, one row of `online_submission`. */
export interface OnlineSubmissionRecord {
  readonly id: string;
  /** MaHoSoQG: the portal's own reference, one submission each. */
  readonly portalReference: string;
  readonly contentFingerprint: string;
  readonly procedureCode: string;
  readonly receivingAgencyCode: string;
  readonly applicant: Applicant;
  readonly documents: OnlineDocument[];
  readonly returnMethod: ReturnMethod;
  readonly deliveryAddress: PostalAddress | null;
  /** NgayNopHoSo: when the applicant filed it on the portal. */
  readonly filedAt: Date;
  readonly countsFrom: Date;
  readonly decideBy: Date;
  readonly state: SubmissionState;
  /** Intake's per-submission sequence of the events it published about it (filed 1, refused 2). */
  readonly eventSequence: number;
  readonly dossierCode: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly outcome: 'refused' | 'incomplete' | null;
  readonly reason: string | null;
  readonly missing: DocumentItem[] | null;
  readonly createdAt: Date;
}
