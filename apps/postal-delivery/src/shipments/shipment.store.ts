import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentItem, PostalAddress, ShipmentDirection, ShipmentState } from '@motcua/contracts';
import { outboxInsert } from '@motcua/messaging';
import { executePrepared, queryPrepared } from '@motcua/persistence';
import type { ChecklistItem } from '../carrier/carrier';
import type { WaybillParty } from './waybill-party';

/** A dossier whose result goes back by post, as intake said at receipt. */
export interface ResultDelivery {
  readonly dossierCode: string;
  readonly agencyCode: string;
  readonly procedureCode: string;
  readonly procedureName: string | null;
  readonly coordinatorId: string;
  readonly address: PostalAddress;
  readonly acceptedAt: Date;
}

/** A shipment row, as the use cases need it. */
export interface ShipmentRecord {
  readonly id: string;
  readonly direction: ShipmentDirection;
  readonly orderNumber: string;
  readonly dossierCode: string | null;
  readonly agencyCode: string;
  readonly procedureCode: string;
  readonly coordinatorId: string | null;
  readonly sender: WaybillParty;
  readonly receiver: WaybillParty;
  readonly documents: ChecklistItem[];
  readonly missingDocuments: DocumentItem[] | null;
  readonly codAmount: number;
  readonly postalFee: number | null;
  readonly weightGrams: number;
  readonly service: string;
  readonly windowStart: Date | null;
  readonly windowEnd: Date | null;
  readonly requestedBy: string | null;
  readonly state: ShipmentState;
  readonly waybill: string | null;
  readonly sequence: number;
  /** Counts the facts recorded: what a compare-and-set checks. */
  readonly version: number;
  readonly lastCarrierEventAt: Date | null;
  readonly stateChangedAt: Date;
  readonly createdAt: Date;
}

export type NewShipment = Omit<
  ShipmentRecord,
  'state' | 'waybill' | 'sequence' | 'version' | 'lastCarrierEventAt' | 'stateChangedAt' | 'createdAt' | 'missingDocuments' | 'postalFee'
>;

/** One fact of a shipment's history. */
export interface ShipmentFact {
  readonly source: 'carrier' | 'desk' | 'applicant' | 'system';
  readonly carrierEventId?: string | null;
  readonly carrierStatus?: string | null;
  readonly state: ShipmentState;
  readonly applied: boolean;
  readonly occurredAt: Date;
  readonly actorId?: string | null;
  readonly actorName?: string | null;
  readonly note?: string | null;
}

/** What a state change writes beside the state. */
export interface StateChange {
  readonly state: ShipmentState;
  readonly lastCarrierEventAt?: Date | null;
  readonly waybill?: string | null;
  readonly postalFee?: number | null;
  readonly missingDocuments?: DocumentItem[] | null;
  readonly dossierCode?: string | null;
  /** When the reconciler next asks the carrier; null: never (a final state). */
  readonly nextCheckAt: Date | null;
}

/** A call to the carrier taken for sending: the lease is `attempt`. */
export interface TakenRequest {
  readonly id: string;
  readonly kind: 'create' | 'cancel';
  readonly attempt: number;
  readonly shipment: ShipmentRecord;
}

/** Every column of a shipment under `s`, named as `ShipmentRecord` names them: the store's and the read model's one list. */
export const SHIPMENT_COLUMNS = `s.id, s.direction, s.order_number AS "orderNumber", s.dossier_code AS "dossierCode", s.agency_code AS "agencyCode",
  s.procedure_code AS "procedureCode", s.coordinator_id AS "coordinatorId", s.sender, s.receiver, s.documents,
  s.missing_documents AS "missingDocuments", s.cod_amount AS "codAmount", s.postal_fee AS "postalFee", s.weight_grams AS "weightGrams",
  s.service, s.window_start AS "windowStart", s.window_end AS "windowEnd", s.requested_by AS "requestedBy", s.state, s.waybill,
  s.sequence, s.version, s.last_carrier_event_at AS "lastCarrierEventAt", s.state_changed_at AS "stateChangedAt", s.created_at AS "createdAt"`;

/**
 * The shipment aggregate (`shipment`, its history `shipment_event`, its calls to the carrier `carrier_request`) and
 * the result deliveries waiting for their shipment. Every statement is a named prepared one (docs/adr/010-data-access.md).
 */
@Injectable()
export class ShipmentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Notes where a dossier's result goes (once: a repeated acceptance changes nothing). */
  async planResultDelivery(manager: EntityManager, plan: ResultDelivery): Promise<void> {
    await executePrepared(
      manager,
      'postal.plan-result-delivery',
      `INSERT INTO result_delivery (dossier_code, agency_code, procedure_code, procedure_name, coordinator_id, address, accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dossier_code) DO NOTHING`,
      [plan.dossierCode, plan.agencyCode, plan.procedureCode, plan.procedureName, plan.coordinatorId, JSON.stringify(plan.address), plan.acceptedAt],
    );
  }

  async resultDelivery(manager: EntityManager, dossierCode: string): Promise<ResultDelivery | undefined> {
    const [row] = await queryPrepared<ResultDelivery>(
      manager,
      'postal.result-delivery',
      `SELECT dossier_code AS "dossierCode", agency_code AS "agencyCode", procedure_code AS "procedureCode", procedure_name AS "procedureName",
              coordinator_id AS "coordinatorId", address, accepted_at AS "acceptedAt"
         FROM result_delivery WHERE dossier_code = $1`,
      [dossierCode],
    );
    return row;
  }

  /**
   * Records a new shipment waiting for its order, its first fact and its order's call to the carrier, due now. A
   * shipment with the same order number already there (the result's signing heard twice) changes nothing: false.
   */
  async create(manager: EntityManager, shipment: NewShipment, requestId: string, at: Date, source: ShipmentFact['source'] = 'system'): Promise<boolean> {
    const [row] = await queryPrepared<{ created: boolean }>(
      manager,
      'postal.create-shipment',
      `WITH s AS (
         INSERT INTO shipment (id, direction, order_number, dossier_code, agency_code, procedure_code, coordinator_id, sender, receiver, documents,
                               cod_amount, weight_grams, service, window_start, window_end, requested_by, state, state_changed_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'ordering', $17, $17)
         ON CONFLICT (order_number) DO NOTHING RETURNING id),
       e AS (
         INSERT INTO shipment_event (shipment_id, source, state, applied, occurred_at, actor_id, note)
         SELECT id, $19, 'ordering', true, $17, $16, 'Tạo đơn gửi bưu điện' FROM s),
       r AS (
         INSERT INTO carrier_request (id, shipment_id, kind, status, next_attempt_at) SELECT $18, id, 'create', 'pending', $17 FROM s)
       SELECT EXISTS (SELECT 1 FROM s) AS created`,
      [
        shipment.id,
        shipment.direction,
        shipment.orderNumber,
        shipment.dossierCode,
        shipment.agencyCode,
        shipment.procedureCode,
        shipment.coordinatorId,
        JSON.stringify(shipment.sender),
        JSON.stringify(shipment.receiver),
        JSON.stringify(shipment.documents),
        shipment.codAmount,
        shipment.weightGrams,
        shipment.service,
        shipment.windowStart,
        shipment.windowEnd,
        shipment.requestedBy,
        at,
        requestId,
        source,
      ],
    );
    return row.created;
  }

  /** The shipment, locked for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<ShipmentRecord | undefined> {
    const [row] = await queryPrepared<ShipmentRecord>(
      manager,
      'postal.lock-shipment',
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /**
   * The shipment a carrier event is about, read without a lock, and whether that event (its EventId) is already in
   * its history: a repeated callback is answered from this one read.
   */
  async forCarrier(waybill: string, orderNumber: string, eventId: string): Promise<(ShipmentRecord & { heard: boolean }) | undefined> {
    const heard = `EXISTS (SELECT 1 FROM shipment_event e WHERE e.shipment_id = s.id AND e.carrier_event_id = $2) AS heard`;
    const [byWaybill] = await queryPrepared<ShipmentRecord & { heard: boolean }>(
      this.dataSource.manager,
      'postal.shipment-for-carrier',
      `SELECT ${SHIPMENT_COLUMNS}, ${heard} FROM shipment s WHERE s.waybill = $1`,
      [waybill, eventId],
    );
    if (byWaybill) return byWaybill;
    // the carrier's word came before we recorded the waybill (its answer to our order lost or late): by the order number
    const [byOrder] = await queryPrepared<ShipmentRecord & { heard: boolean }>(
      this.dataSource.manager,
      'postal.shipment-for-carrier-by-order',
      `SELECT ${SHIPMENT_COLUMNS}, ${heard} FROM shipment s WHERE s.order_number = $1 AND s.waybill IS NULL`,
      [orderNumber, eventId],
    );
    return byOrder;
  }

  /** A collected dossier's incoming shipment, by its waybill, locked. */
  async lockPickupByWaybill(manager: EntityManager, waybill: string): Promise<ShipmentRecord | undefined> {
    const [row] = await queryPrepared<ShipmentRecord>(
      manager,
      'postal.lock-pickup-by-waybill',
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.waybill = $1 AND s.direction = 'incoming' FOR UPDATE`,
      [waybill],
    );
    return row;
  }

  /**
   * A fact that moves the shipment, in one statement: appended to the history, the shipment moved to its new state
   * with `announced` more events counted, and those events (`events`: what `Transaction.takeEvents` handed over)
   * written to the outbox — all only if the fact is new (a carrier event already recorded, by its EventId, changes
   * nothing) — and only if the shipment is still at `version`, the one the fact was decided on (compare-and-set: the
   * events carry the sequences that follow the one read). False: nothing written (decide again on a fresh read).
   */
  async recordMove(
    manager: EntityManager,
    shipment: { id: string; version: number },
    fact: ShipmentFact,
    change: StateChange,
    announced: number,
    events: string,
  ): Promise<boolean> {
    const [row] = await queryPrepared<{ recorded: boolean }>(
      manager,
      'postal.record-move',
      `WITH u AS (
         UPDATE shipment SET state = $11, state_changed_at = $7,
                last_carrier_event_at = GREATEST(last_carrier_event_at, $12), waybill = COALESCE($13, waybill), postal_fee = COALESCE($14, postal_fee),
                missing_documents = COALESCE($15, missing_documents), dossier_code = COALESCE($16, dossier_code),
                next_check_at = $17, sequence = sequence + $18::int, version = version + 1
          WHERE id = $1 AND version = $20
            AND NOT EXISTS (SELECT 1 FROM shipment_event WHERE shipment_id = $1 AND carrier_event_id = $3)
         RETURNING id),
       e AS (${FACT_INSERT_WHEN_MOVED}),
       o AS (${outboxInsert('$19', 'EXISTS (SELECT 1 FROM u)')})
       SELECT EXISTS (SELECT 1 FROM u) AS recorded`,
      [
        ...factParameters(shipment.id, fact),
        change.state,
        change.lastCarrierEventAt ?? null,
        change.waybill ?? null,
        change.postalFee ?? null,
        change.missingDocuments ? JSON.stringify(change.missingDocuments) : null,
        change.dossierCode ?? null,
        change.nextCheckAt,
        announced,
        events,
        shipment.version,
      ],
    );
    return row.recorded;
  }

  /**
   * A fact that does not move the shipment, in one statement: appended to the history (once: false for a carrier
   * event already recorded); when the carrier said it, it also tells us the carrier is alive (the reconciler's next
   * look is put off) and may bring the waybill or the fee. Only the carrier's own clock (`carrierTime`) orders its events.
   * Compare-and-set on `version` as `recordMove`.
   */
  async recordHeard(
    manager: EntityManager,
    shipment: { id: string; version: number },
    fact: ShipmentFact,
    heard: { carrierTime: Date | null; nextCheckAt: Date | null; waybill: string | null; postalFee: number | null } | null,
  ): Promise<boolean> {
    const [row] = await queryPrepared<{ recorded: boolean }>(
      manager,
      'postal.record-heard',
      `WITH u AS (
         UPDATE shipment SET version = version + 1,
                last_carrier_event_at = CASE WHEN $11 THEN GREATEST(last_carrier_event_at, $12) ELSE last_carrier_event_at END,
                waybill = CASE WHEN $11 THEN COALESCE(waybill, $14) ELSE waybill END,
                postal_fee = CASE WHEN $11 THEN COALESCE(postal_fee, $15) ELSE postal_fee END,
                next_check_at = CASE WHEN NOT $11 THEN next_check_at
                                     WHEN state IN ('delivered', 'returned', 'cancelled', 'order_failed', 'incomplete', 'received') THEN NULL
                                     WHEN next_check_at IS NULL AND $14::text IS NULL THEN NULL ELSE $13::timestamptz END
          WHERE id = $1 AND version = $16
            AND NOT EXISTS (SELECT 1 FROM shipment_event WHERE shipment_id = $1 AND carrier_event_id = $3)
         RETURNING id),
       e AS (${FACT_INSERT_WHEN_MOVED})
       SELECT EXISTS (SELECT 1 FROM u) AS recorded`,
      [
        ...factParameters(shipment.id, fact),
        heard !== null,
        heard?.carrierTime ?? null,
        heard?.nextCheckAt ?? null,
        heard?.waybill ?? null,
        heard?.postalFee ?? null,
        shipment.version,
      ],
    );
    return row.recorded;
  }

  /** The dossier has another coordinator: they, and no longer the one before, see its shipments (the newest change wins). */
  async changeCoordinator(manager: EntityManager, dossierCode: string, coordinatorId: string, sequence: number): Promise<void> {
    await executePrepared(
      manager,
      'postal.change-coordinator',
      `WITH d AS (
         UPDATE result_delivery SET coordinator_id = $2, coordinator_sequence = $3 WHERE dossier_code = $1 AND coordinator_sequence < $3)
       UPDATE shipment SET coordinator_id = $2, coordinator_sequence = $3 WHERE dossier_code = $1 AND coordinator_sequence < $3`,
      [dossierCode, coordinatorId, sequence],
    );
  }

  /** Counts an event announced outside a state change (a pick-up's request): the next one's sequence follows it. */
  async countAnnouncement(manager: EntityManager, id: string): Promise<void> {
    await executePrepared(manager, 'postal.count-announcement', `UPDATE shipment SET sequence = sequence + 1, version = version + 1 WHERE id = $1`, [id]);
  }

  /** Queues a call to cancel the order at the carrier (once per shipment). */
  async requestCancel(manager: EntityManager, shipmentId: string, requestId: string, at: Date): Promise<void> {
    await executePrepared(
      manager,
      'postal.request-cancel',
      `INSERT INTO carrier_request (id, shipment_id, kind, status, next_attempt_at) VALUES ($1, $2, 'cancel', 'pending', $3)
       ON CONFLICT (shipment_id, kind) DO NOTHING`,
      [requestId, shipmentId, at],
    );
  }

  /**
   * Takes at most `limit` due calls (oldest first), skipping those another dispatcher holds, and moves each one's due
   * time a lease ahead: a dispatcher that dies mid-call leaves them due again, to be made again under the same order
   * number. The attempt returned is the lease: the outcome is recorded only while the row still has it.
   */
  take(limit: number, now: Date, leaseMs: number): Promise<TakenRequest[]> {
    return queryPrepared<TakenRequest>(
      this.dataSource.manager,
      'postal.take-carrier-requests',
      `WITH due AS (
         SELECT id FROM carrier_request WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       taken AS (
         UPDATE carrier_request r SET next_attempt_at = $1::timestamptz + make_interval(secs => $3::double precision / 1000), attempts = r.attempts + 1
           FROM due WHERE r.id = due.id RETURNING r.id, r.kind, r.attempts, r.shipment_id)
       SELECT taken.id, taken.kind, taken.attempts AS attempt, to_jsonb(x) AS shipment
         FROM taken JOIN LATERAL (SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.id = taken.shipment_id) x ON true`,
      [now, limit, leaseMs],
    ).then((rows) => rows.map((r) => ({ ...r, shipment: revive(r.shipment) })));
  }

  /** The call's outcome: done, failed for good, or due again at `nextAttemptAt` — only while the row still holds this attempt's lease. */
  async settleRequest(
    manager: EntityManager,
    request: { id: string; attempt: number },
    outcome: { status: 'done' | 'failed' | 'pending'; error: string | null; nextAttemptAt: Date | null; at: Date },
  ): Promise<boolean> {
    const rows = await queryPrepared<{ id: string }>(
      manager,
      'postal.settle-carrier-request',
      `UPDATE carrier_request SET status = $3, last_error = $4, next_attempt_at = $5, done_at = CASE WHEN $3 = 'pending' THEN NULL ELSE $6::timestamptz END
        WHERE id = $1 AND attempts = $2 AND status = 'pending' RETURNING id`,
      [request.id, request.attempt, outcome.status, outcome.error, outcome.nextAttemptAt, outcome.at],
    );
    return rows.length === 1;
  }

  /**
   * Takes at most `limit` shipments on their way whose callbacks have been silent past their check time, and moves
   * the check a lease ahead (any number of replicas: SKIP LOCKED).
   */
  takeToCheck(limit: number, now: Date, leaseMs: number): Promise<{ id: string; waybill: string }[]> {
    return queryPrepared(
      this.dataSource.manager,
      'postal.take-to-check',
      `WITH due AS (
         SELECT id FROM shipment WHERE next_check_at <= $1 AND waybill IS NOT NULL ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE shipment s SET next_check_at = $1::timestamptz + make_interval(secs => $3::double precision / 1000)
         FROM due WHERE s.id = due.id RETURNING s.id, s.waybill`,
      [now, limit, leaseMs],
    );
  }
}

/** A fact's row of the history (parameters $1–$10), written with the shipment's compare-and-set `u`. */
const FACT_INSERT_WHEN_MOVED = `INSERT INTO shipment_event (shipment_id, source, carrier_event_id, carrier_status, state, applied, occurred_at, actor_id, actor_name, note)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 WHERE EXISTS (SELECT 1 FROM u)`;

function factParameters(shipmentId: string, fact: ShipmentFact): unknown[] {
  return [
    shipmentId,
    fact.source,
    fact.carrierEventId ?? null,
    fact.carrierStatus ?? null,
    fact.state,
    fact.applied,
    fact.occurredAt,
    fact.actorId ?? null,
    fact.actorName ?? null,
    fact.note ?? null,
  ];
}

/** A shipment read through `to_jsonb`: its instants come back as strings. */
function revive(row: ShipmentRecord): ShipmentRecord {
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    ...row,
    windowStart: date(row.windowStart),
    windowEnd: date(row.windowEnd),
    lastCarrierEventAt: date(row.lastCarrierEventAt),
    stateChangedAt: new Date(row.stateChangedAt),
    createdAt: new Date(row.createdAt),
  };
}
