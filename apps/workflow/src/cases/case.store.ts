import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Transaction, outboxInsert } from '@motcua/messaging';
import { queryPrepared } from '@motcua/persistence';
import { CatalogueStore } from '../catalogue/catalogue.store';
import { TaskStore, dueNotTold, toldColumn } from '../tasks/task.store';
import type { CaseForStep, CaseRecord } from './case';
import type { PostalFactKind } from './postal-fact';

/** A case's columns (`c`) named as `CaseRecord` names them. */
export const CASE_COLUMNS = `c.id AS "caseId", c.dossier_code AS "dossierCode", c.procedure_code AS "procedureCode",
  c.process_version AS "processVersion", c.receiving_agency_code AS "receivingAgencyCode", c.applicant_area_code AS "applicantAreaCode",
  c.coordinator_id AS "coordinatorId", c.received_at AS "receivedAt", c.status AS "caseStatus", c.signed_step AS "signedStep",
  c.event_sequence AS "eventSequence", c.version AS "caseVersion", c.appointment_at AS "appointmentAt",
  c.original_appointment_at AS "originalAppointmentAt", c.extension_count AS "extensionCount",
  c.supplement_rounds AS "supplementRounds", c.paused_at AS "pausedAt"`;

/** A dossier's case as the deadline watch tells of it. */
export interface DueCase {
  readonly dossierCode: string;
  readonly agencyCode: string;
  readonly deadline: Date;
  readonly nationalStatus: number;
  readonly sequence: number;
  readonly coordinatorId: string;
}

/** A postal fact about a case's result, as its history keeps it (one per shipment update). */
export interface PostalFactRecord {
  readonly shipmentId: string;
  readonly sequence: number;
  readonly kind: PostalFactKind;
  readonly waybill: string | null;
  /** The desk that sent the result. */
  readonly agencyCode: string;
  /** Who handed it over (the returner), for a handing over. */
  readonly actorId: string | null;
  readonly actorName: string | null;
  /** Who signed for it, as the carrier reports, for a delivery. */
  readonly receivedBy: string | null;
  readonly reason: string | null;
  /** The carrier's time. */
  readonly at: Date;
}

/** A case to open (`CaseStore.openAll`): pinned to the process version its opener found in force, with its first task. */
export interface CaseToOpen extends CaseForStep {
  readonly currentStep: number;
  readonly eventSequence: number;
  readonly appointmentAt: Date | null;
  readonly channel: number;
  /** For the officers who process it: whose dossier, and what the desk received (null from older events). */
  readonly applicantName: string;
  readonly documents: readonly object[] | null;
  /** The first task, prepared (`PreparedStepTask.row`). */
  readonly task: string;
  /** Its events (`Transaction.takeEvents`), null when none. */
  readonly events: string | null;
}

/**
 * The case aggregate's tables (`dossier_case`, `case_receipt`, `case_appointment_change`, `case_postal_event`): every statement that
 * reads or writes them, except the task commands' single statements, which take the case's part from
 * `TaskStore.changeCtes`. Each statement is a named prepared one (docs/adr/010-data-access.md).
 */
@Injectable()
export class CaseStore {
  /**
   * Opens cases (a consumer's batch of acceptances), each with its receipt, its first task (a prepared `task` row, see
   * `TaskStore.insertCtes`) and its events' outbox rows (`events`, what `Transaction.takeEvents` handed over), in one
   * statement; each only if the process version it is pinned to is the one in force when the dossier was received.
   * Per case, in order: whether it opened, and the version the statement found in force (null for none). A case
   * already open for the dossier (the same acceptance under another message id), or another version in force, writes
   * nothing at all: neither its receipt, nor its task, nor its events.
   */
  async openAll(manager: EntityManager, cases: readonly CaseToOpen[], at: Date): Promise<{ opened: boolean; inForce: number | null }[]> {
    // the prepared task rows and the events are JSON already: spliced in, not parsed and written again
    const input = `[${cases
      .map(
        ({ task, events, ...kase }) =>
          `${JSON.stringify({ ...kase, documents: kase.documents ?? null }).slice(0, -1)},"task":${task},"events":${events ?? '[]'}}`,
      )
      .join(',')}]`;
    return queryPrepared<{ opened: boolean; inForce: number | null }>(
      manager,
      'workflow.open-cases',
      `WITH k AS (
         SELECT i.*, (${CatalogueStore.inForceCte('i."procedureCode"', 'i."receivedAt"')}) AS "inForce"
           FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (
                  "caseId" uuid, "dossierCode" text, "procedureCode" text, "processVersion" int, "receivingAgencyCode" text,
                  "applicantAreaCode" text, "coordinatorId" text, "currentStep" int, "eventSequence" int, "receivedAt" timestamptz,
                  "appointmentAt" timestamptz, channel int, "applicantName" text, documents jsonb, task jsonb, events jsonb))
                WITH ORDINALITY AS i("caseId", "dossierCode", "procedureCode", "processVersion", "receivingAgencyCode", "applicantAreaCode",
                                     "coordinatorId", "currentStep", "eventSequence", "receivedAt", "appointmentAt", channel, "applicantName",
                                     documents, task, events, ord)),
       c AS (
         INSERT INTO dossier_case (id, dossier_code, procedure_code, process_version, receiving_agency_code,
                                   applicant_area_code, coordinator_id, current_step, status, event_sequence,
                                   received_at, opened_at, version, appointment_at, original_appointment_at, channel)
         SELECT "caseId", "dossierCode", "procedureCode", "processVersion", "receivingAgencyCode", "applicantAreaCode", "coordinatorId", "currentStep",
                'in_progress', "eventSequence", "receivedAt", $2, 1, "appointmentAt", "appointmentAt", channel
           FROM k WHERE "processVersion" = "inForce" ORDER BY "dossierCode", ord
         ON CONFLICT (dossier_code) DO NOTHING RETURNING id),
       r AS (INSERT INTO case_receipt (case_id, applicant_name, documents) SELECT c.id, k."applicantName", k.documents FROM c JOIN k ON k."caseId" = c.id),
       ${TaskStore.insertAllCtes('SELECT k.task AS row FROM c JOIN k ON k."caseId" = c.id')},
       o AS (${outboxInsert('(SELECT jsonb_agg(e.event ORDER BY k.ord, e.n) FROM c JOIN k ON k."caseId" = c.id, jsonb_array_elements(k.events) WITH ORDINALITY AS e(event, n))')})
       SELECT c.id IS NOT NULL AS opened, k."inForce" FROM k LEFT JOIN c ON c.id = k."caseId" ORDER BY k.ord`,
      [input, at],
    );
  }

  /** The case of the dossier, row-locked, with the step that last asked the applicant for a supplement. */
  async lockWithSupplementStep(tx: Transaction, dossierCode: string): Promise<(CaseRecord & { askedAtStep: number | null }) | undefined> {
    const [kase] = await queryPrepared<CaseRecord & { askedAtStep: number | null }>(
      tx.manager,
      'workflow.lock-case-with-supplement-step',
      `SELECT ${CASE_COLUMNS},
              (SELECT t.step_number FROM task t WHERE t.case_id = c.id AND t.outcome = 'request_supplement'
                ORDER BY t.completed_at DESC LIMIT 1) AS "askedAtStep"
         FROM dossier_case c
        WHERE c.dossier_code = $1
        FOR UPDATE OF c`,
      [dossierCode],
    );
    return kase;
  }

  /**
   * The case runs again at `step` after the applicant's supplement, its sequence raised to `sequence`; a moved
   * appointment is a new deadline (the watch tells of it again) and is recorded with the pause that moved it.
   */
  async resume(
    tx: Transaction,
    caseId: string,
    o: { step: number; sequence: number; at: Date; moved: { from: Date; to: Date; pausedAt: Date; pausedMs: number } | null },
  ): Promise<void> {
    await queryPrepared(
      tx.manager,
      'workflow.resume-case',
      `WITH c AS (
         UPDATE dossier_case SET status = 'in_progress', current_step = $2, event_sequence = $3, version = version + 1, paused_at = NULL,
                appointment_at = COALESCE($4, appointment_at),
                due_soon_told_at = CASE WHEN $4::timestamptz IS NULL THEN due_soon_told_at END,
                overdue_told_at = CASE WHEN $4::timestamptz IS NULL THEN overdue_told_at END
          WHERE id = $1 RETURNING id)
       INSERT INTO case_appointment_change (case_id, cause, previous_appointment_at, appointment_at, paused_from, paused_to, paused_working_ms, at)
       SELECT id, 'supplement_pause', $5, $4, $6, $7, $8, $7 FROM c WHERE $4::timestamptz IS NOT NULL`,
      [caseId, o.step, o.sequence, o.moved?.to ?? null, o.moved?.from ?? null, o.moved?.pausedAt ?? null, o.at, o.moved?.pausedMs ?? null],
    );
  }

  /** The case of the dossier, row-locked (after its open task: the order every task command takes). */
  async lock(tx: Transaction, dossierCode: string): Promise<CaseRecord | undefined> {
    const [kase] = await queryPrepared<CaseRecord>(
      tx.manager,
      'workflow.lock-case',
      `SELECT ${CASE_COLUMNS} FROM dossier_case c WHERE c.dossier_code = $1 FOR UPDATE`,
      [dossierCode],
    );
    return kase;
  }

  /** Processing ends with the applicant's withdrawal (7), the case's sequence raised to `sequence`. */
  async closeWithdrawn(tx: Transaction, caseId: string, at: Date, sequence: number): Promise<void> {
    await queryPrepared(
      tx.manager,
      'workflow.close-withdrawn-case',
      `UPDATE dossier_case SET status = 'closed', closed_at = $2, outcome = 'withdrawn', event_sequence = $3, version = version + 1 WHERE id = $1`,
      [caseId, at, sequence],
    );
  }

  /**
   * Appends what the post did with the case's result to its history; false when that shipment update is already
   * there (the same fact under another message id) and nothing was written.
   */
  async recordPostalFact(tx: Transaction, caseId: string, f: PostalFactRecord): Promise<boolean> {
    const inserted = await queryPrepared<{ id: string }>(
      tx.manager,
      'workflow.record-postal-fact',
      `INSERT INTO case_postal_event (case_id, shipment_id, sequence, kind, waybill, agency_code, actor_id, actor_name, received_by, reason, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (shipment_id, sequence) DO NOTHING RETURNING id`,
      [caseId, f.shipmentId, f.sequence, f.kind, f.waybill, f.agencyCode, f.actorId, f.actorName, f.receivedBy, f.reason, f.at],
    );
    return inserted.length > 0;
  }

  /**
   * Processing ends with the result delivered by post (10) at the carrier's time `at`, the case's sequence raised
   * to `sequence`; the result counts as issued then if it had not been (as a hand-over at the desk counts it).
   */
  async closeReturnedByPost(tx: Transaction, caseId: string, at: Date, sequence: number): Promise<void> {
    await queryPrepared(
      tx.manager,
      'workflow.close-case-returned-by-post',
      `UPDATE dossier_case SET status = 'closed', closed_at = $2, outcome = 'returned', processed_at = COALESCE(processed_at, $2),
              event_sequence = $3, version = version + 1
        WHERE id = $1`,
      [caseId, at, sequence],
    );
  }

  async changeCoordinator(tx: Transaction, caseId: string, coordinatorId: string, sequence: number): Promise<void> {
    await queryPrepared(
      tx.manager,
      'workflow.change-coordinator',
      `UPDATE dossier_case SET coordinator_id = $2, event_sequence = $3, version = version + 1 WHERE id = $1`,
      [caseId, coordinatorId, sequence],
    );
  }

  /**
   * Running cases past their appointment (overdue: ≤ `now`) or within the window (due soon: `now` < it ≤ `until`)
   * and not yet told, at most `batch`: marked told and their sequence raised; a paused one (awaiting a supplement)
   * waits. Rows another sweep holds are skipped.
   */
  markDue(tx: Transaction, what: 'overdue' | 'due_soon', now: Date, until: Date, batch: number): Promise<DueCase[]> {
    return queryPrepared<DueCase>(
      tx.manager,
      `workflow.mark-case-${what}`,
      `WITH ${dueNotTold(what, 'dossier_case c', 'c.appointment_at', `c.status = 'in_progress'`)}
       UPDATE dossier_case c SET ${toldColumn(what)} = $1, event_sequence = c.event_sequence + 1 FROM due WHERE c.id = due.id
       RETURNING c.dossier_code AS "dossierCode", c.receiving_agency_code AS "agencyCode", c.appointment_at AS deadline,
                 COALESCE((SELECT t.national_status FROM task t WHERE t.case_id = c.id AND t.status = 'open'), 5) AS "nationalStatus",
                 c.event_sequence AS sequence, c.coordinator_id AS "coordinatorId"`,
      [now, until, batch],
    );
  }
}
