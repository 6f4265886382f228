import { NationalStatus, type ShipmentDirection } from '@motcua/contracts';
import type { CaseRecord } from './case';

/** What the post reports of a result sent to the applicant, as the case's history records it. */
export type PostalFactKind = 'handed_over' | 'delivered' | 'delivery_failed' | 'returned' | 'cancelled';

/** Who stands for the post on the slip and in events: it is no officer of ours. */
export const POSTAL_ACTOR_ID = 'postal';
export const POSTAL_ACTOR_NAME = 'Bưu điện';

/**
 * What a postal fact does to a case:
 * - `ignore`: a pick-up (incoming) shipment, which is intake's business until the desk receives the dossier;
 * - `record`: a row of the process-control slip, and nothing else (`why` says why a delivery closes nothing);
 * - `close`: the row, and processing ends as returned (10) with the open step (the returner's) ended by the post.
 */
export type PostalDecision =
  | { readonly effect: 'ignore' }
  | { readonly effect: 'record'; readonly why: 'not_a_delivery' | 'already_closed' | 'result_not_signed' }
  | { readonly effect: 'close'; readonly nationalStatus: NationalStatus.Returned; readonly outcome: 'returned' };

/**
 * The rule. Only a delivery ends processing: a result is returned (10) once the applicant has it, whether at the
 * desk or from the postman, so the case closes as returned at the carrier's delivery time. A handing over, a failed attempt, a return to the desk or a cancellation
 * leaves the case open at the returner's step: the result may still go out again or be collected at the desk.
 * A case already closed (the returner handed the result over at the desk after the post brought it back) keeps
 * how it ended. A delivery of a result not yet signed cannot be: it is recorded, and the case left as it is.
 */
export function decidePostalFact(
  fact: { readonly direction: ShipmentDirection; readonly kind: PostalFactKind },
  kase: Pick<CaseRecord, 'caseStatus' | 'signedStep'>,
): PostalDecision {
  if (fact.direction !== 'outgoing') return { effect: 'ignore' };
  if (fact.kind !== 'delivered') return { effect: 'record', why: 'not_a_delivery' };
  if (kase.caseStatus === 'closed') return { effect: 'record', why: 'already_closed' };
  if (kase.signedStep === null || kase.caseStatus !== 'in_progress') return { effect: 'record', why: 'result_not_signed' };
  return { effect: 'close', nationalStatus: NationalStatus.Returned, outcome: 'returned' };
}

/** The note of a case closed by the post's delivery, as the applicant's record and the slip show it. */
export function deliveredNote(waybill: string | null): string {
  return waybill ? `Bưu điện đã phát kết quả cho người nhận (vận đơn ${waybill})` : 'Bưu điện đã phát kết quả cho người nhận';
}
