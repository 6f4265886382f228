import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DocumentItem } from '@motcua/contracts';
import { queryPrepared } from '@motcua/persistence';
import type { OnlineSubmissionRecord } from './online-submission';

/** Every column of `online_submission` as the record names it. */
export const SUBMISSION_COLUMNS = `s.id, s.portal_reference AS "portalReference", s.content_fingerprint AS "contentFingerprint", s.procedure_code AS "procedureCode",
  s.receiving_agency_code AS "receivingAgencyCode", s.applicant, s.documents, s.return_method AS "returnMethod", s.delivery_address AS "deliveryAddress",
  s.filed_at AS "filedAt", s.counts_from AS "countsFrom", s.decide_by AS "decideBy", s.state, s.event_sequence AS "eventSequence",
  s.dossier_code AS "dossierCode", s.decided_by AS "decidedBy", s.decided_at AS "decidedAt", s.outcome, s.reason, s.missing, s.created_at AS "createdAt"`;

export type NewSubmission = Omit<
  OnlineSubmissionRecord,
  'state' | 'eventSequence' | 'dossierCode' | 'decidedBy' | 'decidedAt' | 'outcome' | 'reason' | 'missing'
>;

/** The online submission's writes, and the reads its commands make, each in the caller's transaction. */
@Injectable()
export class OnlineSubmissionStore {
  /**
   * Files the submission unless one with its portal reference exists: the unique constraint decides between two
   * copies arriving at once (the second waits for the first to commit, then inserts nothing). True when filed here.
   */
  async fileOnce(manager: EntityManager, s: NewSubmission): Promise<boolean> {
    const rows = await queryPrepared<{ id: string }>(
      manager,
      'intake.file-online-submission',
      `INSERT INTO online_submission (id, portal_reference, content_fingerprint, procedure_code, receiving_agency_code, applicant, documents,
                                      return_method, delivery_address, filed_at, counts_from, decide_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT ON CONSTRAINT online_submission_portal_reference DO NOTHING RETURNING id`,
      [
        s.id,
        s.portalReference,
        s.contentFingerprint,
        s.procedureCode,
        s.receivingAgencyCode,
        JSON.stringify(s.applicant),
        JSON.stringify(s.documents),
        s.returnMethod,
        s.deliveryAddress ? JSON.stringify(s.deliveryAddress) : null,
        s.filedAt,
        s.countsFrom,
        s.decideBy,
        s.createdAt,
      ],
    );
    return rows.length === 1;
  }

  async byPortalReference(manager: EntityManager, portalReference: string): Promise<OnlineSubmissionRecord | undefined> {
    const [row] = await queryPrepared<OnlineSubmissionRecord>(
      manager,
      'intake.online-submission-by-reference',
      `SELECT ${SUBMISSION_COLUMNS} FROM online_submission s WHERE s.portal_reference = $1`,
      [portalReference],
    );
    return row;
  }

  /** The submission of one of `agencies`, locked until commit so that it is decided once; undefined otherwise. */
  async lockAtDesk(manager: EntityManager, id: string, agencies: readonly string[]): Promise<OnlineSubmissionRecord | undefined> {
    const [row] = await queryPrepared<OnlineSubmissionRecord>(
      manager,
      'intake.lock-online-submission',
      `SELECT ${SUBMISSION_COLUMNS} FROM online_submission s WHERE s.id = $1 AND s.receiving_agency_code = ANY($2) FOR UPDATE`,
      [id, [...agencies]],
    );
    return row;
  }

  async markAccepted(
    manager: EntityManager,
    id: string,
    decision: { dossierCode: string; decidedBy: string; decidedAt: Date },
  ): Promise<OnlineSubmissionRecord> {
    const [row] = await queryPrepared<OnlineSubmissionRecord>(
      manager,
      'intake.accept-online-submission',
      `UPDATE online_submission s SET state = 'accepted', dossier_code = $2, decided_by = $3, decided_at = $4
        WHERE s.id = $1 AND s.state = 'new' RETURNING ${SUBMISSION_COLUMNS}`,
      [id, decision.dossierCode, decision.decidedBy, decision.decidedAt],
    );
    return row;
  }

  async markRefused(
    manager: EntityManager,
    id: string,
    decision: { outcome: 'refused' | 'incomplete'; reason: string; missing: DocumentItem[] | null; decidedBy: string; decidedAt: Date },
  ): Promise<OnlineSubmissionRecord> {
    const [row] = await queryPrepared<OnlineSubmissionRecord>(
      manager,
      'intake.refuse-online-submission',
      `UPDATE online_submission s SET state = 'refused', outcome = $2, reason = $3, missing = $4, decided_by = $5, decided_at = $6,
              event_sequence = s.event_sequence + 1
        WHERE s.id = $1 AND s.state = 'new' RETURNING ${SUBMISSION_COLUMNS}`,
      [id, decision.outcome, decision.reason, decision.missing ? JSON.stringify(decision.missing) : null, decision.decidedBy, decision.decidedAt],
    );
    return row;
  }
}
