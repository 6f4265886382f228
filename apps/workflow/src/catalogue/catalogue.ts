import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Directory } from '../routing/resolve-step-agency';
import { AdministrativeArea, Agency, ProcessVersion, Procedure } from './catalogue.entities';

/**
 * The organisation routing reads on every dossier, held in memory (hundreds of units: a few hundred KiB) and
 * loaded once at start. The catalogue is written only through migrations for now, so it cannot go stale.
 */
@Injectable()
export class Catalogue implements OnApplicationBootstrap {
  private directory: Directory = { agencies: [], parentOfArea: new Map() };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const [areas, agencies] = await Promise.all([
      this.dataSource.getRepository(AdministrativeArea).find(),
      this.dataSource.getRepository(Agency).find(),
    ]);
    this.directory = {
      parentOfArea: new Map(areas.map((a) => [a.code, a.parentCode])),
      agencies: agencies.map((a) => ({
        code: a.code,
        kind: a.kind,
        level: a.level,
        areaCode: a.areaCode,
        validFrom: a.validFrom,
        validTo: a.validTo,
      })),
    };
  }

  get current(): Directory {
    return this.directory;
  }

  /** The process version in force at an instant: the latest one published by then. */
  async processInForce(
    manager: EntityManager,
    procedureCode: string,
    at: Date,
  ): Promise<{ procedure: Procedure; process: ProcessVersion } | null> {
    const procedure = await manager.findOneBy(Procedure, { code: procedureCode, active: true });
    if (!procedure) return null;
    const process = await manager
      .getRepository(ProcessVersion)
      .createQueryBuilder('v')
      .where('v.procedure_code = :code AND v.published_at <= :at', { code: procedureCode, at })
      .orderBy('v.version', 'DESC')
      .getOne();
    return process ? { procedure, process } : null;
  }
}
