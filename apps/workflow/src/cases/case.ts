export type CaseStatus = 'in_progress' | 'awaiting_supplement' | 'closed';

/**
 * A dossier's case as its store reads it: processing pinned to the process version in force at receipt, its
 * coordinator, its dossier sequence (the next event's number is one more) and its appointment. Named so that it
 * reads beside a task's record in one row (`caseId`, `caseStatus`, `caseVersion`).
 */
export interface CaseRecord {
  readonly caseId: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly processVersion: number;
  readonly receivingAgencyCode: string;
  readonly applicantAreaCode: string;
  /** Đầu mối xuyên suốt: the desk officer who accepted the dossier answers to the applicant until its return. */
  readonly coordinatorId: string;
  readonly receivedAt: Date;
  readonly caseStatus: CaseStatus;
  /** The step whose result was signed (issued), null while there is none. */
  readonly signedStep: number | null;
  readonly eventSequence: number;
  readonly caseVersion: number;
  readonly appointmentAt: Date | null;
  /** The first appointment given, kept through pauses and extensions. */
  readonly originalAppointmentAt: Date | null;
  readonly extensionCount: number;
  readonly supplementRounds: number;
  /** While it waits for the applicant's supplement: since when. */
  readonly pausedAt: Date | null;
}

/** What opening a step's task needs to know of its case. */
export type CaseForStep = Pick<
  CaseRecord,
  'caseId' | 'dossierCode' | 'procedureCode' | 'processVersion' | 'receivingAgencyCode' | 'applicantAreaCode' | 'coordinatorId' | 'receivedAt'
>;
