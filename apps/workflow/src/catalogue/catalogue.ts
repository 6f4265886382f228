import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Directory } from '../routing/resolve-step-agency';
import { AdministrativeArea, Agency, ProcessVersion, Procedure } from './catalogue.entities';

/**
 * The organisation and the procedures routing reads on every dossier, held in memory (hundreds of units and
 * procedures: well under a MiB) and loaded once at start. The catalogue is written only through migrations for
 * now, so it cannot go stale.
 */
@Injectable()
export class Catalogue implements OnModuleInit {
  private directory: Directory = { agencies: [], parentOfArea: new Map() };
  private procedures = new Map<string, Procedure>();
  /** Each procedure's versions, newest first. */
  private processes = new Map<string, ProcessVersion[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loaded while the app initialises, so no message is routed against an empty catalogue. */
  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const [areas, agencies, procedures, processes] = await Promise.all([
      this.dataSource.getRepository(AdministrativeArea).find(),
      this.dataSource.getRepository(Agency).find(),
      this.dataSource.getRepository(Procedure).find(),
      this.dataSource.getRepository(ProcessVersion).find({ order: { version: 'DESC' } }),
    ]);
    this.procedures = new Map(procedures.map((p) => [p.code, p]));
    this.processes = new Map();
    for (const process of processes) {
      this.processes.set(process.procedureCode, [...(this.processes.get(process.procedureCode) ?? []), process]);
    }
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

  /** The active procedure and its process version in force at an instant: the latest one published by then. */
  processInForce(procedureCode: string, at: Date): { procedure: Procedure; process: ProcessVersion } | null {
    const procedure = this.procedures.get(procedureCode);
    if (!procedure?.active) return null;
    const process = this.processes.get(procedureCode)?.find((version) => version.publishedAt <= at);
    return process ? { procedure, process } : null;
  }
}
