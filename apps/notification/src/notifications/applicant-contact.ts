import type { DossierAccepted, ReturnMethod } from '@motcua/contracts';
import type { Contact } from './recipient';

/**
 * What notification keeps of a dossier to tell its applicant later (`applicant_contact`): workflow's events carry
 * the dossier code, never the applicant, so their contact, the return method they chose, the coordinator who
 * answers to them and the appointment are kept from the receipt on.
 */
export interface ApplicantContact extends Contact {
  readonly dossierCode: string;
  readonly receivingAgencyCode: string;
  readonly receivingAgencyName: string | null;
  readonly procedureCode: string;
  readonly procedureName: string | null;
  readonly applicantName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly returnMethod: ReturnMethod;
  readonly coordinatorId: string;
  readonly coordinatorName: string | null;
  /** The appointment now (moved by a supplement's pause or an extension), and the one printed on the receipt. */
  readonly appointmentAt: Date | null;
  readonly originalAppointmentAt: Date | null;
  /** An apology with a new appointment was given. */
  readonly extended: boolean;
  readonly receivedAt: Date;
}

/** The record the receipt starts: the applicant as the desk wrote them down. */
export function contactOnReceipt(event: DossierAccepted): ApplicantContact {
  const appointmentAt = event.appointmentAt ? new Date(event.appointmentAt) : null;
  return {
    dossierCode: event.dossierCode,
    receivingAgencyCode: event.receivingAgencyCode,
    receivingAgencyName: event.receivingAgencyName ?? null,
    procedureCode: event.procedureCode,
    procedureName: event.procedureName ?? null,
    applicantName: event.applicant.fullName,
    email: event.applicant.email ?? null,
    phone: event.applicant.phone ?? null,
    returnMethod: event.returnMethod,
    coordinatorId: event.coordinatorId,
    coordinatorName: null,
    appointmentAt,
    originalAppointmentAt: appointmentAt,
    extended: false,
    receivedAt: new Date(event.receivedAt),
  };
}
