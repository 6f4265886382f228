import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@motcua/auth';
import { Dossier } from './dossier.entity';
import { DossierStatusChange } from './dossier-status-change.entity';
import { type DossierView, toDossierView } from './dossier.view';

@Injectable()
export class DossierQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A dossier as the caller may see it, or null. Scoped in SQL: an officer sees the dossiers received at, or
   * currently processed by, one of their agencies.
   */
  async findVisible(code: string, caller: Principal): Promise<DossierView | null> {
    if (caller.kind !== 'officer' || caller.agencies.length === 0) return null;
    const dossier = await this.dataSource
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .where('d.code = :code', { code })
      .andWhere('(d.receiving_agency_code = ANY(:agencies) OR d.current_agency_code = ANY(:agencies))', {
        agencies: caller.agencies,
      })
      .getOne();
    if (!dossier) return null;
    const history = await this.dataSource
      .getRepository(DossierStatusChange)
      .find({ where: { dossierId: dossier.id }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return toDossierView(dossier, history);
  }
}
