import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ShipmentKind, ShipmentStatus } from './shipment';

/**
 * Vận đơn bưu chính công ích: one carrier order for one dossier, in one direction. Its order number at the
 * carrier is the dossier code. Address, waybill, fees and the shipment events come with the shipments issue.
 */
@Entity({ name: 'shipment' })
@Index('shipment_dossier_page', ['dossierCode', 'createdAt', 'id'])
export class Shipment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  dossierCode: string;

  @Column({ type: 'text' })
  kind: ShipmentKind;

  @Column({ type: 'text' })
  status: ShipmentStatus;

  /** Millisecond precision, like a JS Date: the pagination cursor carries it without rounding. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
