import { Injectable } from '@nestjs/common';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { NationalStatus, SubmissionFiled, event } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';
import { type Transaction, UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, fingerprintOf, newId } from '@motcua/persistence';
import { vietnamDate } from '@motcua/calendar';
import type { OnlineSubmissionRecord } from './online-submission';
import { type NewSubmission, OnlineSubmissionStore } from './online-submission.store';
import { type OnlineSubmissionView, toOnlineSubmissionView } from './online-submission.view';
import type { FileSubmissionRequest } from './online-submission.requests';
import { submissionClock } from './submission-clock';
import { checkFiling } from './submission-rules';

/**
 * Use case: the National Portal's adapter files an online dossier with the desk it was filed to (status 1, newly
 * filed), and `intake.submission.filed` goes out in the same transaction. Exactly one submission per portal reference:
 * the adapter pulls a dossier again until it has confirmed it, and retries when an answer is lost, so a repeat of the
 * same content answers 200 with the submission filed the first time, and a repeat with other content is refused.
 */
@Injectable()
export class FileSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalogue: CatalogueReplica,
    private readonly store: OnlineSubmissionStore,
  ) {}

  execute(request: FileSubmissionRequest): Promise<CommandResponse<OnlineSubmissionView>> {
    const filedAt = new Date(request.filedAt);
    // the same instant written with another offset is the same filing
    const fingerprint = fingerprintOf({ ...request, filedAt: filedAt.toISOString() });
    return this.unitOfWork.run(async (tx) => {
      const existing = await this.store.byPortalReference(tx.manager, request.portalReference);
      if (existing) return this.repeat(existing, fingerprint);
      const submission = this.checked(request, filedAt, fingerprint);
      // a copy arriving at the same time waits here for the first to commit, then files nothing
      if (!(await this.store.fileOnce(tx.manager, submission))) {
        return this.repeat((await this.store.byPortalReference(tx.manager, request.portalReference))!, fingerprint);
      }
      await this.publishFiled(tx, submission);
      const filed: OnlineSubmissionRecord = {
        ...submission,
        state: 'new',
        eventSequence: 1,
        dossierCode: null,
        decidedBy: null,
        decidedAt: null,
        outcome: null,
        reason: null,
        missing: null,
      };
      return { status: 201, body: toOnlineSubmissionView(filed, this.catalogue) };
    });
  }

  private repeat(existing: OnlineSubmissionRecord, fingerprint: string): CommandResponse<OnlineSubmissionView> {
    if (existing.contentFingerprint !== fingerprint) {
      throw Refusal.ofField(
        'SUBMISSION.REFERENCE_REUSED',
        'portalReference',
        `${existing.portalReference} was filed on ${existing.createdAt.toISOString()} with other content`,
      );
    }
    return { status: 200, body: toOnlineSubmissionView(existing, this.catalogue) };
  }

  /** The submission to file, once the catalogue allows it, with the desk's clock on it. */
  private checked(request: FileSubmissionRequest, filedAt: Date, fingerprint: string): NewSubmission {
    if (this.catalogue.isEmpty) throw new Refusal('CATALOGUE.NOT_READY', 'Retry in a few seconds');
    const now = new Date();
    const refusal = checkFiling({ ...request, filedAt }, this.catalogue, now, vietnamDate(now));
    if (refusal) throw refusal;
    const { countsFrom, decideBy } = submissionClock(this.catalogue.calendarOf(request.receivingAgencyCode), filedAt);
    return {
      id: newId(),
      portalReference: request.portalReference,
      contentFingerprint: fingerprint,
      procedureCode: request.procedureCode,
      receivingAgencyCode: request.receivingAgencyCode,
      applicant: { ...request.applicant },
      documents: request.documents.map(({ code, name, url, checksum }) => ({ ...(code === undefined ? {} : { code }), name, url, checksum })),
      returnMethod: request.returnMethod,
      deliveryAddress: request.deliveryAddress ? { ...request.deliveryAddress } : null,
      filedAt,
      countsFrom,
      decideBy,
      createdAt: now,
    };
  }

  private publishFiled(tx: Transaction, s: NewSubmission): Promise<void> {
    return tx.publish(
      event(SubmissionFiled, {
        submissionId: s.id,
        portalReference: s.portalReference,
        receivingAgencyCode: s.receivingAgencyCode,
        procedureCode: s.procedureCode,
        nationalStatus: NationalStatus.NewlyFiled,
        sequence: 1,
        occurredAt: s.createdAt.toISOString(),
        applicant: s.applicant,
        documents: s.documents,
        returnMethod: s.returnMethod,
        filedAt: s.filedAt.toISOString(),
        countsFrom: s.countsFrom.toISOString(),
        decideBy: s.decideBy.toISOString(),
      }),
    );
  }
}
