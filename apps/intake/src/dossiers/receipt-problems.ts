/**
 * The problem codes of a receipt, for the operations that receive (their `@ApiProblems`), as the pure checks give
 * them: keep these lists beside `checkReceivable`, `checkSubmission` and `checkPostalDetails`.
 */

/** The catalogue refuses this procedure from this applicant at this desk through this channel (`checkReceivable`). */
export const RECEIVABLE_PROBLEMS = [
  'DOSSIER.PROCEDURE_UNKNOWN',
  'DOSSIER.PROCEDURE_INACTIVE',
  'DOSSIER.CHANNEL_NOT_ALLOWED',
  'DOSSIER.AREA_UNKNOWN',
  'DOSSIER.DESK_NOT_ALLOWED',
  'DOSSIER.NO_COMPETENT_AGENCY',
] as const;

/** A result returned by post needs an address in a known ward, and only then (`checkPostalDetails`). */
export const POSTAL_RETURN_PROBLEMS = ['DOSSIER.DELIVERY_ADDRESS_REQUIRED', 'DOSSIER.DELIVERY_ADDRESS_NOT_EXPECTED', 'DOSSIER.DELIVERY_WARD_UNKNOWN'] as const;

/** What `ReceiveDossier` refuses, whichever way the dossier came: the replica still empty, or the checks above and the required documents. */
export const RECEIPT_PROBLEMS = ['CATALOGUE.NOT_READY', ...RECEIVABLE_PROBLEMS, 'DOSSIER.DOCUMENTS_MISSING', ...POSTAL_RETURN_PROBLEMS] as const;
