import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NationalStatus } from '@motcua/contracts';
import { Dossier } from './dossier.entity';

/**
 * One row of a dossier's status history (its tracking log): one per fact received, append-only, read in the
 * order the facts happened (`statusHistory`). The dossier's current status is that of its newest fact.
 */
@Entity({ name: 'dossier_status_change' })
export class DossierStatusChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @ManyToOne(() => Dossier, (dossier) => dossier.history)
  @JoinColumn({ name: 'dossier_id' })
  dossier?: Dossier;

  @Column({ type: 'uuid' })
  dossierId: string;

  @Column({ type: 'smallint' })
  nationalStatus: NationalStatus;

  /** Which service's decision this records: 'intake' or 'workflow'. */
  @Column({ type: 'text' })
  source: string;

  /** The producer's per-dossier sequence number of the event this row records. */
  @Column({ type: 'integer' })
  sequence: number;

  /**
   * Where the row stands among workflow's facts, which workflow numbers in the order they happened: a workflow
   * fact's own sequence; for a fact of intake's, the newest workflow fact intake knew of when it happened (0 at
   * receipt), which it follows. Facts stamped by different services' clocks are so ordered by cause and effect.
   */
  @Column({ type: 'integer' })
  workflowSequence: number;

  /** The agency where the fact happened, where it names one: the receiving desk, the agency of a step, the one asking for a supplement. */
  @Column({ type: 'text', nullable: true })
  agencyCode: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}
