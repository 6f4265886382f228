import { type Directory, type DirectoryAgency, type ProcedureRules, mayReceive, missingDocuments, routeProcess } from '@motcua/catalogue';
import { Refusal } from '@motcua/errors';

/** What the desk is asked to accept, as far as the catalogue is concerned. */
export interface Submission {
  readonly procedureCode: string;
  readonly channel: number;
  readonly receivingAgencyCode: string;
  readonly wardCode: string;
  readonly documents: readonly { readonly code?: string; readonly name: string }[];
}

/** The catalogue as the check reads it (intake's replica). */
export interface SubmissionCatalogue {
  procedure(code: string): ProcedureRules | undefined;
  agency(code: string): (DirectoryAgency & { readonly hasDesk: boolean }) | undefined;
  area(code: string): { readonly level: string } | undefined;
  readonly organisation: Directory;
}

/** Why a dossier cannot be accepted: a stable code, and the field at fault carrying it without its `DOSSIER.` prefix (`PROCEDURE_UNKNOWN`). */
const refusal = (code: `DOSSIER.${string}`, field: string, message: string): Refusal =>
  new Refusal(code, undefined, [{ field, code: code.slice('DOSSIER.'.length), message }]);

/**
 * Whether the catalogue lets this desk accept this dossier, checked in the order a desk officer would: the
 * procedure, the channel, the applicant's area, the desk, the route through the competent bodies, the documents.
 * The first failed check is the answer. Pure: the catalogue and the day are passed in.
 */
export function checkSubmission(submission: Submission, catalogue: SubmissionCatalogue, onDate: string): Refusal | null {
  const refused = checkReceivable(submission, catalogue, onDate);
  if (refused) return refused;
  const missing = missingDocuments(catalogue.procedure(submission.procedureCode)!.documents, submission.documents);
  if (missing.length > 0) {
    return new Refusal(
      'DOSSIER.DOCUMENTS_MISSING',
      undefined,
      missing.map((d) => ({ field: 'documents', code: 'DOCUMENT_MISSING', message: `${d.code}: ${d.name}` })),
    );
  }
  return null;
}

/**
 * Every check of `checkSubmission` but the documents: whether this desk may receive this procedure through this
 * channel for this applicant at all. An online submission is filed when it passes (whether it is complete is the
 * desk officer's to judge, and an incomplete one is refused with everything missing at once).
 */
export function checkReceivable(submission: Omit<Submission, 'documents'>, catalogue: SubmissionCatalogue, onDate: string): Refusal | null {
  const procedure = catalogue.procedure(submission.procedureCode);
  if (!procedure) {
    return refusal('DOSSIER.PROCEDURE_UNKNOWN', 'procedureCode', `${submission.procedureCode} is not in the catalogue`);
  }
  if (!procedure.active) {
    return refusal('DOSSIER.PROCEDURE_INACTIVE', 'procedureCode', `${procedure.code} has been deactivated`);
  }
  if (!procedure.channels.includes(submission.channel)) {
    return refusal('DOSSIER.CHANNEL_NOT_ALLOWED', 'channel', `${procedure.code} is received through channels ${procedure.channels.join(', ')}`);
  }
  if (!catalogue.area(submission.wardCode)) {
    return refusal('DOSSIER.AREA_UNKNOWN', 'applicant.wardCode', `${submission.wardCode} is not an area of the catalogue`);
  }
  const context = { receivingAgencyCode: submission.receivingAgencyCode, applicantAreaCode: submission.wardCode, onDate };
  const desk = catalogue.agency(submission.receivingAgencyCode);
  if (!desk || !mayReceive(procedure.desks, desk, context, catalogue.organisation)) {
    return refusal(
      'DOSSIER.DESK_NOT_ALLOWED',
      'receivingAgencyCode',
      `${submission.receivingAgencyCode} does not receive ${procedure.code} for an applicant of ${submission.wardCode}`,
    );
  }
  const route = routeProcess(procedure.steps, context, catalogue.organisation);
  if (!route.ok) {
    return refusal('DOSSIER.NO_COMPETENT_AGENCY', 'applicant.wardCode', `step ${route.stepNumber} cannot be resolved: ${route.failure.reason}`);
  }
  return null;
}
