import { Injectable } from '@nestjs/common';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import type { Principal } from '@motcua/auth';
import { NationalStatus, SubmissionRefused, event } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, isId, runIdempotent } from '@motcua/persistence';
import { OnlineSubmissionStore } from './online-submission.store';
import { type OnlineSubmissionView, toOnlineSubmissionView } from './online-submission.view';
import type { RefuseSubmissionRequest } from './online-submission.requests';
import { checkRefusal, refuseDecision, submissionNotFound } from './submission-rules';

/**
 * Use case: a desk officer refuses a newly filed online submission (3): not admissible, or incomplete with everything
 * missing listed at once; `intake.submission.refused` tells the portal's adapter, which tells the applicant. Decided
 * once; a replay under its Idempotency-Key answers the same.
 */
@Injectable()
export class RefuseSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalogue: CatalogueReplica,
    private readonly store: OnlineSubmissionStore,
  ) {}

  execute(
    id: string,
    request: RefuseSubmissionRequest,
    officer: Principal,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<OnlineSubmissionView> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => {
        const submission = isId(id) ? await this.store.lockAtDesk(tx.manager, id, officer.agencies) : undefined;
        if (!submission) throw submissionNotFound(id);
        const refusal = refuseDecision(submission) ?? checkRefusal(request);
        if (refusal) throw refusal;
        const missing = request.missing?.length ? request.missing.map(({ code, name }) => (code === undefined ? { name } : { code, name })) : null;
        const decidedAt = new Date();
        const refused = await this.store.markRefused(tx.manager, submission.id, {
          outcome: request.outcome,
          reason: request.reason,
          missing,
          decidedBy: officer.subject,
          decidedAt,
        });
        await tx.publish(
          event(SubmissionRefused, {
            submissionId: refused.id,
            portalReference: refused.portalReference,
            receivingAgencyCode: refused.receivingAgencyCode,
            procedureCode: refused.procedureCode,
            nationalStatus: NationalStatus.RefusedAtReceipt,
            sequence: refused.eventSequence,
            occurredAt: decidedAt.toISOString(),
            outcome: request.outcome,
            reason: request.reason,
            ...(missing ? { missing } : {}),
            actorId: officer.subject,
            filedAt: refused.filedAt.toISOString(),
          }),
        );
        return { status: 200, body: toOnlineSubmissionView(refused, this.catalogue) };
      }),
    );
  }
}
