import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Applicant } from '@motcua/contracts';
import { outboxInsert } from '@motcua/messaging';
import { newId, queryPrepared } from '@motcua/persistence';
import { NUMBER_TO_COME } from './dossier-code';
import type { Dossier, SupplementRequest } from './dossier.entity';

/** A workflow fact for the public record: the status, step and agency it brings, and the history row it leaves. */
export interface WorkflowProgress {
  dossierCode: string;
  nationalStatus: number;
  sequence: number;
  step: string | null;
  agencyCode: string | null;
  processVersion: number | null;
  note: string | null;
  occurredAt: string;
  supplementRequest: SupplementRequest | null;
  /** From a step's task only: the coordinator as that task names them. */
  coordinatorId: string | null;
  coordinatorName: string | null;
}

export interface CoordinatorChange {
  dossierCode: string;
  coordinatorId: string;
  coordinatorName: string | null;
  sequence: number;
}

export interface AppointmentMove {
  dossierCode: string;
  nationalStatus: number;
  sequence: number;
  appointmentAt: string;
  extensionCount: number;
  note: string;
  occurredAt: string;
}

/** A postal fact about the result's shipment, for the state kept beside the national status. */
export interface ShipmentProgress {
  dossierCode: string;
  shipmentId: string;
  waybill: string | null;
  state: string;
  /** The shipment's own sequence (postal-delivery's, per shipment). */
  sequence: number;
  occurredAt: string;
}

/** What supplying documents needs of the dossier, read under a row lock. */
export interface DossierAwaitingSupplement {
  id: string;
  applicant: Applicant;
  receivingAgencyCode: string;
  nationalStatus: number;
  supplementRequest: SupplementRequest | null;
  lookupSecretHash: string | null;
  eventSequence: number;
}

export interface Supplement {
  dossierId: string;
  round: number;
  documents: { code?: string; name: string }[];
  note: string | null;
  /** The officer who took it at the desk, null when the applicant supplied it. */
  receivedBy: string | null;
  /** The dossier's next intake sequence, for the record and its history row. */
  sequence: number;
  nationalStatus: number;
  historyNote: string;
  suppliedAt: Date;
}

/**
 * The dossier aggregate's writes (the record, its status history, its supplements and the day's code counter):
 * every statement that changes them, each in the caller's transaction (`manager`). Reads for views are in
 * `DossierQueries`. Every statement is prepared by name, so it runs on the transaction's own connection and its rows
 * are typed; the hot paths' names and text (receipt, workflow progress) are measured, keep both.
 */
@Injectable()
export class DossierStore {
  /**
   * Workflow's facts (a consumer's batch: any number, several of a dossier among them), applied in one statement, as
   * if one after another in the order given: every fact becomes a history row once (keyed by its sequence); the
   * current status, step, agency and supplement request follow a dossier's newest fact if it is newer than the last
   * one applied (of two with one sequence, the first); the pinned process version is kept from the first that names
   * one; the coordinator's name follows the last fact naming the coordinator the dossier has when the statement runs
   * (as the batch commits: after a coordinator's change the batch applied, whatever their order). The dossiers are
   * locked in code order. Returns the codes of dossiers found; a fact of any other code changed nothing.
   */
  async applyWorkflowProgress(manager: EntityManager, facts: readonly WorkflowProgress[]): Promise<Set<string>> {
    const rows = await queryPrepared<{ code: string }>(
      manager,
      'intake.apply-workflow-facts',
      `WITH input AS (
         SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (
                  "dossierCode" text, "nationalStatus" smallint, sequence integer, step text, "agencyCode" text, "processVersion" integer,
                  note text, "occurredAt" timestamptz, "supplementRequest" jsonb, "coordinatorId" text, "coordinatorName" text))
                WITH ORDINALITY AS i("dossierCode", "nationalStatus", sequence, step, "agencyCode", "processVersion", note, "occurredAt",
                                     "supplementRequest", "coordinatorId", "coordinatorName", ord)),
       locked AS (SELECT id, code FROM dossier WHERE code = ANY ($2::text[]) ORDER BY code FOR UPDATE),
       newest AS (SELECT DISTINCT ON ("dossierCode") * FROM input ORDER BY "dossierCode", sequence DESC, ord),
       updated AS (
         UPDATE dossier d SET
           national_status = CASE WHEN n.sequence > d.workflow_sequence THEN n."nationalStatus" ELSE d.national_status END,
           workflow_sequence = GREATEST(d.workflow_sequence, n.sequence),
           current_step = CASE WHEN n.sequence > d.workflow_sequence THEN n.step ELSE d.current_step END,
           current_agency_code = CASE WHEN n.sequence > d.workflow_sequence THEN n."agencyCode" ELSE d.current_agency_code END,
           supplement_request = CASE WHEN n.sequence > d.workflow_sequence THEN n."supplementRequest" ELSE d.supplement_request END,
           process_version = COALESCE(d.process_version, (
             SELECT i."processVersion" FROM input i WHERE i."dossierCode" = l.code AND i."processVersion" IS NOT NULL ORDER BY i.ord LIMIT 1)),
           -- the coordinator's name, as a step's task names them (the id itself follows the coordinator's changes)
           coordinator_name = COALESCE((
             SELECT i."coordinatorName" FROM input i
              WHERE i."dossierCode" = l.code AND i."coordinatorName" IS NOT NULL AND i."coordinatorId" = d.coordinator_id ORDER BY i.ord DESC LIMIT 1),
             d.coordinator_name)
         FROM locked l JOIN newest n ON n."dossierCode" = l.code
         WHERE d.id = l.id
         RETURNING d.id, d.code),
       history AS (
         INSERT INTO dossier_status_change (dossier_id, national_status, source, sequence, workflow_sequence, agency_code, note, occurred_at)
         SELECT u.id, i."nationalStatus", 'workflow', i.sequence, i.sequence, i."agencyCode", i.note, i."occurredAt"
           FROM input i JOIN updated u ON u.code = i."dossierCode"
          ORDER BY i.ord
         ON CONFLICT (dossier_id, source, sequence) DO NOTHING)
       SELECT code FROM updated`,
      [JSON.stringify(facts), [...new Set(facts.map((f) => f.dossierCode))]],
    );
    return new Set(rows.map((r) => r.code));
  }

  /** The dossier's coordinator, unless a newer change was applied already. */
  async changeCoordinator(manager: EntityManager, change: CoordinatorChange): Promise<void> {
    await queryPrepared(
      manager,
      'intake.change-coordinator',
      `UPDATE dossier SET coordinator_id = $2, coordinator_name = $4, coordinator_sequence = $3 WHERE code = $1 AND coordinator_sequence < $3`,
      [change.dossierCode, change.coordinatorId, change.sequence, change.coordinatorName],
    );
  }

  /**
   * The appointment follows the newest move only; the extension count only grows; the original appointment stays;
   * every move becomes a history row once (keyed by its sequence).
   */
  async moveAppointment(manager: EntityManager, move: AppointmentMove): Promise<void> {
    await queryPrepared(
      manager,
      'intake.move-appointment',
      `WITH d AS (
         UPDATE dossier SET appointment_at = CASE WHEN appointment_sequence < $3 THEN $4::timestamptz ELSE appointment_at END,
                            appointment_sequence = GREATEST(appointment_sequence, $3), extension_count = GREATEST(extension_count, $5)
          WHERE code = $1 RETURNING id)
       INSERT INTO dossier_status_change (dossier_id, national_status, source, sequence, workflow_sequence, note, occurred_at)
       SELECT id, $2, 'workflow', $3, $3, $6, $7 FROM d
       ON CONFLICT (dossier_id, source, sequence) DO NOTHING`,
      [move.dossierCode, move.nationalStatus, move.sequence, move.appointmentAt, move.extensionCount, move.note, move.occurredAt],
    );
  }

  /**
   * The result's postal state follows the newest fact of its shipment: a fact of the shipment on the record applies
   * only when its sequence is higher than the one applied (a stale or repeated one changes nothing); a fact of
   * another shipment (the desk sent the result again after the post returned it) applies when it happened later
   * than the state on the record. The waybill, once issued, is kept when a later fact does not repeat it. 'unknown'
   * when no dossier has the code; the national status is never touched.
   */
  async applyShipmentProgress(manager: EntityManager, progress: ShipmentProgress): Promise<'applied' | 'stale' | 'unknown'> {
    const rows = await queryPrepared<{ applied: boolean }>(
      manager,
      'intake.apply-shipment-progress',
      `WITH previous AS (
         SELECT id,
                postal_shipment_id IS NULL
                  OR (postal_shipment_id = $2 AND postal_sequence < $5)
                  OR (postal_shipment_id <> $2 AND postal_updated_at < $6::timestamptz) AS newer
           FROM dossier WHERE code = $1 FOR UPDATE),
       updated AS (
         UPDATE dossier d SET
           postal_waybill = CASE WHEN p.newer THEN COALESCE($3, CASE WHEN d.postal_shipment_id = $2 THEN d.postal_waybill END) ELSE d.postal_waybill END,
           postal_state = CASE WHEN p.newer THEN $4 ELSE d.postal_state END,
           postal_sequence = CASE WHEN p.newer THEN $5 ELSE d.postal_sequence END,
           postal_updated_at = CASE WHEN p.newer THEN $6::timestamptz ELSE d.postal_updated_at END,
           postal_shipment_id = CASE WHEN p.newer THEN $2::uuid ELSE d.postal_shipment_id END
         FROM previous p WHERE d.id = p.id
         RETURNING p.newer)
       SELECT newer AS applied FROM updated`,
      [progress.dossierCode, progress.shipmentId, progress.waybill, progress.state, progress.sequence, progress.occurredAt],
    );
    if (rows.length === 0) return 'unknown';
    return rows[0].applied ? 'applied' : 'stale';
  }

  /**
   * A dossier received, in one statement: the receiving unit's next running number for the day, the dossier under the
   * code it makes (`codePrefix` and the number, padded to four digits at least: 0001, 9999, 10000), the first row of
   * its history, and its events (`Transaction.takeEvents`, null when none), where a `dossierCode` of `codePrefix` and
   * `NUMBER_TO_COME` becomes that code. The counter's upsert locks the unit's row: parallel receipts at one desk queue there and each gets the next
   * number; the statement is atomic, so a failure gives the number back (codes unique and gap-free), and the lock is
   * held for this one statement when it runs on its own (`UnitOfWork.runInOneStatement`). Returns the code.
   */
  async insertReceived(
    manager: EntityManager,
    dossier: Omit<Dossier, 'code'>,
    received: { readonly day: string; readonly codePrefix: string; readonly lookupSecretHash: string },
    events: string | null,
  ): Promise<string> {
    const [{ code }] = await queryPrepared<{ code: string }>(
      manager,
      'intake.receive-dossier',
      `WITH n AS (
             INSERT INTO dossier_code_counter AS c (agency_code, day, last_number) VALUES ($5, $20, 1)
                 ON CONFLICT (agency_code, day) DO UPDATE SET last_number = c.last_number + 1
                 RETURNING $2::text || lpad(last_number::text, greatest(4, length(last_number::text)), '0') AS code),
           d AS (
             INSERT INTO dossier (id, code, procedure_code, channel, receiving_agency_code, coordinator_id, applicant,
                                  documents, return_method, national_status, event_sequence, received_at, created_at, lookup_secret_hash,
                                  appointment_at, original_appointment_at, delivery_address, pickup_waybill, portal_reference, filed_at)
             VALUES ($1, (SELECT code FROM n), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $14, $15, $16, $17, $18)
             RETURNING id, code),
           h AS (
             INSERT INTO dossier_status_change (dossier_id, national_status, source, sequence, workflow_sequence, agency_code, occurred_at)
             SELECT id, $10, 'intake', $11, 0, $5, $12 FROM d),
           o AS (${outboxInsert(
             '$19',
             undefined,
             `CASE WHEN payload->>'dossierCode' = $2::text || '${NUMBER_TO_COME}' THEN jsonb_set(payload, '{dossierCode}', to_jsonb((SELECT code FROM d))) ELSE payload END`,
           )})
       SELECT code FROM d`,
      [
        dossier.id,
        received.codePrefix,
        dossier.procedureCode,
        dossier.channel,
        dossier.receivingAgencyCode,
        dossier.coordinatorId,
        JSON.stringify(dossier.applicant),
        JSON.stringify(dossier.documents),
        dossier.returnMethod,
        dossier.nationalStatus,
        dossier.eventSequence,
        dossier.receivedAt,
        received.lookupSecretHash,
        dossier.appointmentAt,
        dossier.deliveryAddress ? JSON.stringify(dossier.deliveryAddress) : null,
        dossier.pickupWaybill,
        dossier.portalReference,
        dossier.filedAt,
        events ?? '[]',
        received.day,
      ],
    );
    return code;
  }

  /** The dossier by code, locked until commit so that one supplement answers one request; undefined if unknown. */
  async lockForSupplement(manager: EntityManager, code: string): Promise<DossierAwaitingSupplement | undefined> {
    const [dossier] = await queryPrepared<DossierAwaitingSupplement>(
      manager,
      'intake.lock-for-supplement',
      `SELECT id, code, applicant, receiving_agency_code AS "receivingAgencyCode", national_status AS "nationalStatus",
                  supplement_request AS "supplementRequest", lookup_secret_hash AS "lookupSecretHash", event_sequence AS "eventSequence"
             FROM dossier WHERE code = $1 FOR UPDATE`,
      [code],
    );
    return dossier;
  }

  /**
   * The supplement, the request it answers cleared, and a row of the history. In the history, the supplement follows
   * the newest of workflow's facts known here (the request it answers, at least) and comes before workflow resumes
   * the case: the order of cause and effect, whatever the two clocks say.
   */
  async recordSupplement(manager: EntityManager, supplement: Supplement): Promise<void> {
    await queryPrepared(
      manager,
      'intake.insert-supplement',
      `INSERT INTO dossier_supplement (id, dossier_id, round, documents, note, received_by, supplied_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [newId(), supplement.dossierId, supplement.round, JSON.stringify(supplement.documents), supplement.note, supplement.receivedBy, supplement.suppliedAt],
    );
    await queryPrepared(
      manager,
      'intake.answer-supplement-request',
      `WITH d AS (UPDATE dossier SET supplement_request = NULL, event_sequence = $2 WHERE id = $1
                        RETURNING id, GREATEST(workflow_sequence, appointment_sequence) AS workflow_sequence)
           INSERT INTO dossier_status_change (dossier_id, national_status, source, sequence, workflow_sequence, note, occurred_at)
           SELECT id, $3, 'intake', $2, workflow_sequence, $4, $5 FROM d`,
      [supplement.dossierId, supplement.sequence, supplement.nationalStatus, supplement.historyNote, supplement.suppliedAt],
    );
  }
}
