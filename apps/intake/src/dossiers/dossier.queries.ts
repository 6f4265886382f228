import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Principal, isOfficerInRole } from '@motcua/auth';
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
    if (!isOfficerInRole(caller) || caller.agencies.length === 0) return null;
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
      const dossier = await manager.getRepository(Dossier).createQueryBuilder('d').addSelect('d.lookupSecretHash').where('d.code = :code', { code }).getOne();
      if (!dossier || !provesApplicant({ applicant: dossier.applicant, lookupSecretHash: dossier.lookupSecretHash ?? null }, credentials)) return null;
      return toCitizenDossierView(dossier, await statusHistory(manager, dossier.id), this.catalogue);
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
    return toDossierView(dossier, this.catalogue, await statusHistory(manager, dossier.id));
  }
}

/**
 * A dossier's status history in the order its facts happened, whatever order their messages arrived in and
 * whatever the producers' clocks say: by place among workflow's facts (workflow's per-dossier sequence, which also
 * orders facts of one instant, like a pause's appointment change and the resumed step's task); at one place, the
 * workflow fact first, then the intake facts that followed it in intake's own sequence (the receipt before the
 * first step, a supplement between the request it answers and the resumption). Every reader of the history uses it.
 */
export function statusHistory(manager: EntityManager, dossierId: string): Promise<DossierStatusChange[]> {
  return manager
    .getRepository(DossierStatusChange)
    .createQueryBuilder('c')
    .where('c.dossier_id = :dossierId', { dossierId })
    .orderBy('c.workflow_sequence', 'ASC')
    .addOrderBy(`CASE WHEN c.source = 'workflow' THEN 0 ELSE 1 END`, 'ASC')
    .addOrderBy('c.sequence', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .getMany();
}
