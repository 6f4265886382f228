import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@motcua/auth';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { Dossier } from './dossier.entity';
import { DossierStatusChange } from './dossier-status-change.entity';
import { type DossierView, toDossierView } from './dossier.view';

@Injectable()
export class DossierQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueReplica,
  ) {}

  /**
   * A dossier as the caller may see it, or null. Scoped in SQL: an officer sees the dossiers received at, or
   * currently processed by, one of their agencies.
   */
  async findVisible(code: string, caller: Principal): Promise<DossierView | null> {
    if (caller.kind !== 'officer' || caller.agencies.length === 0) return null;
    // One snapshot for the record and its history, so the status shown is the last row of the history shown.
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.read(manager, code, caller.agencies));
  }

  private async read(manager: EntityManager, code: string, agencies: string[]): Promise<DossierView | null> {
    const dossier = await manager
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .where('d.code = :code', { code })
      .andWhere('(d.receiving_agency_code = ANY(:agencies) OR d.current_agency_code = ANY(:agencies))', { agencies })
      .getOne();
    if (!dossier) return null;
    const history = await manager
      .getRepository(DossierStatusChange)
      .find({ where: { dossierId: dossier.id }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return toDossierView(dossier, this.catalogue, history);
  }
}
