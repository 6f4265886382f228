import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@motcua/auth';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { type ApplicantCredentials, provesApplicant } from './applicant-proof';
import { type CitizenDossierView, toCitizenDossierView } from './citizen-dossier.view';
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

  /**
   * Tra cứu hồ sơ: the applicant's own dossier, in the citizen's view, when the caller proves it is theirs (their
   * citizen token, or the secret on the receipt); null otherwise, whether the dossier exists or not.
   */
  async findForApplicant(code: string, credentials: ApplicantCredentials): Promise<CitizenDossierView | null> {
    if (!credentials.lookupSecret && credentials.principal?.kind !== 'citizen') return null;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const dossier = await manager
        .getRepository(Dossier)
        .createQueryBuilder('d')
        .addSelect('d.lookupSecretHash')
        .where('d.code = :code', { code })
        .getOne();
      if (!dossier || !provesApplicant({ applicant: dossier.applicant, lookupSecretHash: dossier.lookupSecretHash ?? null }, credentials)) return null;
      return toCitizenDossierView(dossier, await this.history(manager, dossier.id), this.catalogue);
    });
  }

  private async read(manager: EntityManager, code: string, agencies: string[]): Promise<DossierView | null> {
    const dossier = await manager
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .where('d.code = :code', { code })
      .andWhere('(d.receiving_agency_code = ANY(:agencies) OR d.current_agency_code = ANY(:agencies))', { agencies })
      .getOne();
    if (!dossier) return null;
    return toDossierView(dossier, await this.history(manager, dossier.id));
  }

  /** The dossier's status history, oldest first. */
  private history(manager: EntityManager, dossierId: string): Promise<DossierStatusChange[]> {
    return manager.getRepository(DossierStatusChange).find({ where: { dossierId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
