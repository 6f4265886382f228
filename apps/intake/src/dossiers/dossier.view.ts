import { toVietnamIso } from '@motcua/calendar';
import { NationalStatus } from '@motcua/contracts';
import type { Dossier } from './dossier.entity';
import type { DossierStatusChange } from './dossier-status-change.entity';

/** What REST clients see of a dossier: times in Vietnam with their offset, the national status with its name. */
export interface DossierView {
  code: string;
  procedureCode: string;
  processVersion: number | null;
  channel: number;
  receivingAgencyCode: string;
  coordinatorId: string;
  applicant: Dossier['applicant'];
  documents: Dossier['documents'];
  returnMethod: string;
  nationalStatus: number;
  nationalStatusName: string;
  currentStep: { name: string; agencyCode: string } | null;
  /** While the dossier waits for the applicant (status 5): everything asked for, and why. */
  supplementRequest: Dossier['supplementRequest'];
  receivedAt: string;
  /** The appointment on the receipt: hour, minute and date, in Vietnam time. */
  appointmentAt: string | null;
  originalAppointmentAt: string | null;
  extensionCount: number;
  history?: { nationalStatus: number; nationalStatusName: string; source: string; note: string | null; occurredAt: string }[];
}

export function toDossierView(
  dossier: Dossier,
  history?: Pick<DossierStatusChange, 'nationalStatus' | 'source' | 'note' | 'occurredAt'>[],
): DossierView {
  return {
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    processVersion: dossier.processVersion,
    channel: dossier.channel,
    receivingAgencyCode: dossier.receivingAgencyCode,
    coordinatorId: dossier.coordinatorId,
    applicant: dossier.applicant,
    documents: dossier.documents,
    returnMethod: dossier.returnMethod,
    nationalStatus: dossier.nationalStatus,
    nationalStatusName: NationalStatus[dossier.nationalStatus],
    currentStep:
      dossier.currentStep && dossier.currentAgencyCode
        ? { name: dossier.currentStep, agencyCode: dossier.currentAgencyCode }
        : null,
    supplementRequest: dossier.supplementRequest,
    receivedAt: toVietnamIso(dossier.receivedAt),
    appointmentAt: dossier.appointmentAt ? toVietnamIso(dossier.appointmentAt) : null,
    originalAppointmentAt: dossier.originalAppointmentAt ? toVietnamIso(dossier.originalAppointmentAt) : null,
    extensionCount: dossier.extensionCount,
    history: history?.map((change) => ({
      nationalStatus: change.nationalStatus,
      nationalStatusName: NationalStatus[change.nationalStatus],
      source: change.source,
      note: change.note,
      occurredAt: toVietnamIso(change.occurredAt),
    })),
  };
}
