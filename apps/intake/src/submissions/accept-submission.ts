import { Injectable } from '@nestjs/common';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import type { Principal } from '@motcua/auth';
import { SubmissionChannel } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, isId, runIdempotent } from '@motcua/persistence';
import { ReceiveDossier } from '../dossiers/receive-dossier';
import { OnlineSubmissionStore } from './online-submission.store';
import { type AcceptedSubmission, toOnlineSubmissionView } from './online-submission.view';
import { refuseDecision, submissionNotFound } from './submission-rules';

/**
 * Use case: a desk officer accepts a newly filed online submission. It becomes a dossier exactly as one received at
 * the desk does (the desk's code for today, the lookup secret, the officer as coordinator, 2 accepted), on channel 2,
 * its appointment counted from when the desk's time started on the filing, and keeping the portal's reference and
 * the filing time; the submission links to the dossier. Decided once; a replay under its Idempotency-Key answers the same.
 */
@Injectable()
export class AcceptSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalogue: CatalogueReplica,
    private readonly store: OnlineSubmissionStore,
    private readonly receipt: ReceiveDossier,
  ) {}

  execute(id: string, officer: Principal, idempotency?: IdempotentRequest): Promise<CommandResponse<AcceptedSubmission> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => {
        const submission = isId(id) ? await this.store.lockAtDesk(tx.manager, id, officer.agencies) : undefined;
        if (!submission) throw submissionNotFound(id);
        const refusal = refuseDecision(submission);
        if (refusal) throw refusal;
        const dossier = await this.receipt.receive(
          tx,
          {
            procedureCode: submission.procedureCode,
            channel: SubmissionChannel.Online,
            receivingAgencyCode: submission.receivingAgencyCode,
            applicant: submission.applicant,
            // the receipt lists the documents; their links and checksums stay with the submission
            documents: submission.documents.map(({ code, name }) => (code === undefined ? { name } : { code, name })),
            returnMethod: submission.returnMethod,
            deliveryAddress: submission.deliveryAddress,
            online: { portalReference: submission.portalReference, filedAt: submission.filedAt, countsFrom: submission.countsFrom },
          },
          officer.subject,
        );
        const accepted = await this.store.markAccepted(tx.manager, submission.id, {
          dossierCode: dossier.code,
          decidedBy: officer.subject,
          decidedAt: new Date(),
        });
        return { status: 200, body: { submission: toOnlineSubmissionView(accepted, this.catalogue), dossier } };
      }),
    );
  }
}
