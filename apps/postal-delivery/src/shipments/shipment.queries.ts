import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ShipmentDirection, ShipmentState } from '@motcua/contracts';
import { toVietnamIso } from '@motcua/calendar';
import { decodeCursor, queryPrepared, toPage } from '@motcua/persistence';
import { SHIPMENT_COLUMNS, type ShipmentRecord } from './shipment.store';
import { SHIPMENT_STATE_NAMES, type ShipmentEventView, type ShipmentPage, type ShipmentView, type TrackingShipmentView } from './shipment.view';

export interface ShipmentFilter {
  /** The desks the caller works for: nothing of another desk is ever read. */
  readonly agencies: readonly string[];
  /** The caller, who sees the shipments of dossiers they coordinate. */
  readonly coordinatorId: string;
  readonly agency?: string;
  readonly direction?: ShipmentDirection;
  readonly state?: ShipmentState;
  readonly dossierCode?: string;
  readonly limit: number;
  readonly cursor?: string;
}

interface EventRow {
  shipmentId: string;
  at: Date;
  state: ShipmentState;
  applied: boolean;
  source: string;
  carrierStatus: string | null;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
}

/** Shipments as they are read over HTTP (their writes are `ShipmentStore`'s); every read scoped in SQL to what the caller may see. */
@Injectable()
export class ShipmentQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The desk's outgoing and incoming lists, newest first by (createdAt, id), one keyset page at a time: the
   * shipments of the caller's desks, and of dossiers the caller coordinates. Another desk's read as an empty page.
   */
  async list(filter: ShipmentFilter): Promise<ShipmentPage> {
    const after = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    const rows = await queryPrepared<ShipmentRecord>(
      this.dataSource.manager,
      'postal.list-shipments',
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s
        WHERE (s.agency_code = ANY($1) OR s.coordinator_id = $2)
          AND ($3::text IS NULL OR s.agency_code = $3) AND ($4::text IS NULL OR s.direction = $4)
          AND ($5::text IS NULL OR s.state = $5) AND ($6::text IS NULL OR s.dossier_code = $6)
          AND ($7::timestamptz IS NULL OR (s.created_at, s.id) < ($7, $8::uuid))
        ORDER BY s.created_at DESC, s.id DESC LIMIT $9`,
      [
        [...filter.agencies],
        filter.coordinatorId,
        filter.agency ?? null,
        filter.direction ?? null,
        filter.state ?? null,
        filter.dossierCode ?? null,
        after?.createdAt ?? null,
        after?.id ?? null,
        filter.limit + 1,
      ],
    );
    const page = toPage(rows, filter.limit);
    return { items: page.items.map((s) => toShipmentView(s)), nextCursor: page.nextCursor };
  }

  /** One shipment with its history, or undefined when the caller may not see it (the same answer as one that does not exist). */
  async visible(id: string, caller: { agencies: readonly string[]; subject: string; kind: string }): Promise<ShipmentView | undefined> {
    const [row] = await queryPrepared<ShipmentRecord>(
      this.dataSource.manager,
      'postal.visible-shipment',
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s
        WHERE s.id = $1 AND (($4 = 'officer' AND (s.agency_code = ANY($2) OR s.coordinator_id = $3)) OR ($4 = 'citizen' AND s.requested_by = $3))`,
      [id, [...caller.agencies], caller.subject, caller.kind],
    );
    return row ? toShipmentView(row, await this.history(this.dataSource.manager, [row.id])) : undefined;
  }

  /** One shipment with its history, read in the caller's transaction (a command's answer). */
  async detail(manager: EntityManager, id: string): Promise<ShipmentView> {
    const [row] = await queryPrepared<ShipmentRecord>(manager, 'postal.shipment-detail', `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.id = $1`, [id]);
    return toShipmentView(row, await this.history(manager, [id]));
  }

  /** A dossier's results on their way, for its applicant (no phones, no officers). */
  async tracking(dossierCode: string): Promise<TrackingShipmentView[]> {
    const rows = await queryPrepared<ShipmentRecord>(
      this.dataSource.manager,
      'postal.tracking',
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.dossier_code = $1 ORDER BY s.created_at, s.id`,
      [dossierCode],
    );
    const history = await this.history(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return rows.map((s) => ({
      waybill: s.waybill,
      state: s.state,
      stateName: SHIPMENT_STATE_NAMES[s.state],
      stateChangedAt: toVietnamIso(s.stateChangedAt),
      codAmount: s.codAmount,
      // the carrier's notes (why a delivery failed) are the applicant's to read; the desk's are not
      history: (history.get(s.id) ?? [])
        .filter((e) => e.applied)
        .map(({ at, state, stateName, note, source }) => ({ at, state, stateName, note: source === 'carrier' ? note : null })),
    }));
  }

  private async history(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ShipmentEventView[]>> {
    const byShipment = new Map<string, ShipmentEventView[]>();
    if (ids.length === 0) return byShipment;
    const rows = await queryPrepared<EventRow>(
      manager,
      'postal.shipment-history',
      `SELECT shipment_id AS "shipmentId", occurred_at AS at, state, applied, source, carrier_status AS "carrierStatus", actor_id AS "actorId",
              actor_name AS "actorName", note
         FROM shipment_event WHERE shipment_id = ANY($1) ORDER BY shipment_id, occurred_at, id`,
      [[...ids]],
    );
    for (const row of rows) {
      const view: ShipmentEventView = {
        at: toVietnamIso(row.at),
        state: row.state,
        stateName: SHIPMENT_STATE_NAMES[row.state],
        applied: row.applied,
        source: row.source,
        carrierStatus: row.carrierStatus,
        actorId: row.actorId,
        actorName: row.actorName,
        note: row.note,
      };
      byShipment.set(row.shipmentId, [...(byShipment.get(row.shipmentId) ?? []), view]);
    }
    return byShipment;
  }
}

export function toShipmentView(s: ShipmentRecord, history?: Map<string, ShipmentEventView[]>): ShipmentView {
  return {
    id: s.id,
    direction: s.direction,
    orderNumber: s.orderNumber,
    dossierCode: s.dossierCode,
    waybill: s.waybill,
    agencyCode: s.agencyCode,
    procedureCode: s.procedureCode,
    state: s.state,
    stateName: SHIPMENT_STATE_NAMES[s.state],
    stateChangedAt: toVietnamIso(s.stateChangedAt),
    sender: s.sender,
    receiver: s.receiver,
    codAmount: s.codAmount,
    postalFee: s.postalFee,
    weightGrams: s.weightGrams,
    service: s.service,
    windowStart: s.windowStart ? toVietnamIso(s.windowStart) : null,
    windowEnd: s.windowEnd ? toVietnamIso(s.windowEnd) : null,
    documents: s.documents,
    missingDocuments: s.missingDocuments,
    createdAt: toVietnamIso(s.createdAt),
    ...(history ? { history: history.get(s.id) ?? [] } : {}),
  };
}
