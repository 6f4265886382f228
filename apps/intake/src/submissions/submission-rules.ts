import { SubmissionChannel } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';
import { type SubmissionCatalogue, checkReceivable } from '../dossiers/check-submission';
import { type PostalAreas, checkPostalDetails } from '../dossiers/postal-return';
import type { OnlineSubmissionRecord } from './online-submission';

/** What the portal adapter files, as far as the rules are concerned. */
export interface Filing {
  readonly procedureCode: string;
  readonly receivingAgencyCode: string;
  readonly applicant: { readonly wardCode: string };
  readonly documents: readonly { readonly code?: string; readonly name: string }[];
  readonly returnMethod: string;
  readonly deliveryAddress?: { readonly wardCode: string } | null;
  readonly filedAt: Date;
}

/** The portal's clock and ours may differ a little; a filing further ahead than this is not one that happened. */
export const FILING_CLOCK_SKEW_MS = 5 * 60_000;

/** 404, whether the submission does not exist or is another desk's: which of the two is not the caller's to know. */
export const submissionNotFound = (id: string) => new Refusal('SUBMISSION.NOT_FOUND', `No online submission ${id} at your desks`);

/**
 * Whether an online submission may be filed with its desk: the filing has happened; the catalogue lets this desk
 * receive this procedure online for this applicant (the checks of the desk's own receipt, but for completeness,
 * which is the desk officer's to judge); a result by post has an address in a known ward; and every document that
 * names a code names one of the procedure's. The first failed check is the answer. Pure: catalogue and now passed in.
 */
export function checkFiling(filing: Filing, catalogue: SubmissionCatalogue & PostalAreas, now: Date, onDate: string): Refusal | null {
  if (filing.filedAt.getTime() > now.getTime() + FILING_CLOCK_SKEW_MS) {
    return Refusal.ofField('SUBMISSION.FILED_IN_FUTURE', 'filedAt', `${filing.filedAt.toISOString()} is later than now`);
  }
  const refused = checkReceivable({ ...filing, channel: SubmissionChannel.Online, wardCode: filing.applicant.wardCode }, catalogue, onDate);
  // the portal sends no channel: a procedure not received online is the procedure's fault
  if (refused) return refused.code === 'DOSSIER.CHANNEL_NOT_ALLOWED' ? renameField(refused, 'channel', 'procedureCode') : refused;
  const postal = checkPostalDetails({ ...filing, channel: SubmissionChannel.Online }, catalogue);
  if (postal) return postal;
  const known = new Set(catalogue.procedure(filing.procedureCode)!.documents.map((d) => d.code));
  const unknown = filing.documents.flatMap((d, i) => (d.code !== undefined && !known.has(d.code) ? [{ d, i }] : []));
  if (unknown.length > 0) {
    return new Refusal(
      'SUBMISSION.DOCUMENT_UNKNOWN',
      `documents of ${filing.procedureCode} are ${[...known].join(', ')}`,
      unknown.map(({ d, i }) => ({
        field: `documents.${i}.code`,
        code: 'DOCUMENT_UNKNOWN',
        message: `${d.code} is not a document of ${filing.procedureCode}`,
      })),
    );
  }
  return null;
}

/** A submission is decided once: accepted or refused, a second decision is refused (a replay under its key is not one). */
export function refuseDecision(submission: Pick<OnlineSubmissionRecord, 'id' | 'state' | 'dossierCode'>): Refusal | null {
  if (submission.state === 'new') return null;
  const what = submission.state === 'accepted' ? `accepted as dossier ${submission.dossierCode}` : 'refused';
  return new Refusal('SUBMISSION.ALREADY_DECIDED', `Online submission ${submission.id} was already ${what}`);
}

/**
 * An incomplete dossier is answered with everything missing at once (one supplement request, never piecemeal: domain
 * §3), so `incomplete` must list it; an inadmissible one needs only its reason.
 */
export function checkRefusal(refusal: { outcome: 'refused' | 'incomplete'; missing?: readonly unknown[] }): Refusal | null {
  if (refusal.outcome === 'incomplete' && !refusal.missing?.length) {
    return Refusal.ofField('SUBMISSION.MISSING_REQUIRED', 'missing', 'an incomplete submission lists every missing document');
  }
  return null;
}

function renameField(refusal: Refusal, from: string, to: string): Refusal {
  return new Refusal(
    refusal.code,
    refusal.detail,
    refusal.errors?.map((e) => (e.field === from ? { ...e, field: to } : e)),
  );
}
