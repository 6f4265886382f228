import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { OfficePeriod } from '@motcua/calendar';
import type { StepDefinition } from '@motcua/catalogue';
import type { Directory } from '@motcua/catalogue';
import type { Transaction } from '@motcua/messaging';
import type { ProcessVersion } from './catalogue.entities';
import { CatalogueStore, type ProcedureProcesses } from './catalogue.store';

/**
 * The organisation routing reads on every dossier, held in memory (about a thousand units) and
 * loaded at start; it changes only through migrations for now. Each procedure's processes are read once and held
 * too; the statement that opens a case checks, against the database, that the version it chose is the one in force
 * (`CaseStore.openAll`), so a version published, or a procedure deactivated, on any replica is in force everywhere at once.
 * With it, the names events carry beside the codes (agencies, procedures, officers): a command names them without
 * a round trip. An officer added after the start is not named in events until the next one (events then carry
 * the id alone, which their readers fall back to); views read officers' names from the table.
 */
@Injectable()
export class Catalogue implements OnModuleInit {
  private readonly logger = new Logger(Catalogue.name);
  private directory: Directory = { agencies: [], parentOfArea: new Map() };
  private childrenOfAgency = new Map<string, string[]>();
  private officeHoursOfAgency = new Map<string, readonly OfficePeriod[]>();
  private agencyNames = new Map<string, string>();
  private procedureNames = new Map<string, string>();
  private officerNames = new Map<string, string>();
  /** Each procedure's published versions and deactivation, as last read (see `processInForce`). */
  private readonly processesOf = new Map<string, ProcedureProcesses>();
  /** `code@version` → its steps: a published process version never changes, so it is read once. */
  private readonly stepsOfVersion = new Map<string, readonly StepDefinition[]>();

  constructor(private readonly store: CatalogueStore) {}

  /** Loaded while the app initialises, so no message is routed against an empty catalogue. */
  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const started = performance.now();
    const { areas, agencies, procedures, officers } = await this.store.organisation();
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
    const children = new Map<string, string[]>();
    for (const a of agencies) if (a.parentCode) children.set(a.parentCode, [...(children.get(a.parentCode) ?? []), a.code]);
    this.childrenOfAgency = children;
    this.officeHoursOfAgency = new Map(agencies.flatMap((a) => (a.officeHours ? [[a.code, a.officeHours] as const] : [])));
    this.agencyNames = new Map(agencies.map((a) => [a.code, a.name]));
    this.procedureNames = new Map(procedures.map((p) => [p.code, p.name]));
    this.officerNames = new Map(officers.map((o) => [o.id, o.fullName]));
    this.logger.log(
      `organisation loaded: ${areas.length} areas, ${agencies.length} agencies, ${officers.length} officers in ${Math.round(performance.now() - started)} ms`,
    );
  }

  /** The agency's own office hours; undefined: the national default. */
  officeHoursOf(agencyCode: string): readonly OfficePeriod[] | undefined {
    return this.officeHoursOfAgency.get(agencyCode);
  }

  /** After the change committed: this instance computes with the agency's new hours at once. */
  officeHoursChanged(agencyCode: string, officeHours: readonly OfficePeriod[] | null): void {
    if (officeHours) this.officeHoursOfAgency.set(agencyCode, officeHours);
    else this.officeHoursOfAgency.delete(agencyCode);
  }

  /** `Ủy ban nhân dân phường Trúc Bạch` for `004.01.20.H26`; undefined for a code it does not hold. */
  agencyName(code: string): string | undefined {
    return this.agencyNames.get(code);
  }

  /** `Đăng ký khai sinh` for `1.001193`. */
  procedureName(code: string): string | undefined {
    return this.procedureNames.get(code);
  }

  /** The officer's full name, for their id (the token subject); undefined for `system` or one added since the start. */
  officerName(id: string | null): string | undefined {
    return id === null ? undefined : this.officerNames.get(id);
  }

  get current(): Directory {
    return this.directory;
  }

  /** The agencies and every agency under them (a district committee: its divisions and its wards' committees). */
  withDescendants(codes: readonly string[]): string[] {
    const found = new Set<string>();
    const visit = (code: string) => {
      if (found.has(code)) return;
      found.add(code);
      for (const child of this.childrenOfAgency.get(code) ?? []) visit(child);
    };
    codes.forEach(visit);
    return [...found];
  }

  /**
   * The steps of a published process version (a case's pinned process). Versions are only ever added, never
   * changed, so each is read once per process: a task command does not carry the process over the wire each time.
   */
  async processSteps(manager: Transaction['manager'], procedureCode: string, version: number): Promise<readonly StepDefinition[]> {
    const key = `${procedureCode}@${version}`;
    const known = this.stepsOfVersion.get(key);
    if (known) return known;
    const steps = await this.store.processVersionSteps(manager, procedureCode, version);
    if (!steps) throw new Error(`process ${key} is not in the catalogue`);
    this.stepsOfVersion.set(key, steps);
    return steps;
  }

  /**
   * The process version in force at an instant (the latest published by then) of a procedure that was received
   * then: a dossier received before a deactivation is still routed. From the copy held of the procedure's processes,
   * read `again` (the statement that used it found another version in force), and read again before it says none.
   */
  async processInForce(manager: Transaction['manager'], procedureCode: string, at: Date, again = false): Promise<ProcessInForce | null> {
    const held = again ? undefined : this.processesOf.get(procedureCode);
    const found = held && inForceAt(held, at);
    if (found) return found;
    const read = await this.store.processes(manager, procedureCode);
    if (read) this.processesOf.set(procedureCode, read);
    else this.processesOf.delete(procedureCode);
    return read && inForceAt(read, at);
  }
}

export type ProcessInForce = Pick<ProcessVersion, 'version' | 'steps'>;

/** The latest version published by `at`, unless the procedure was deactivated by then. */
export function inForceAt(processes: ProcedureProcesses, at: Date): ProcessInForce | null {
  if (processes.deactivatedAt && processes.deactivatedAt <= at) return null;
  return processes.versions.find((v) => v.publishedAt <= at) ?? null;
}
