import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CatalogueAgency, CatalogueArea, CatalogueProcedure } from '@motcua/contracts';
import type { DeskRule, Directory, ProcedureDocument, StepDefinition } from '@motcua/catalogue';
import { AgencyCalendars, type OfficialSchedule, WorkingCalendar } from '@motcua/calendar';
import { CatalogueReplicaEnvironment } from './catalogue-replica-environment';
import { allReplicaEntries, removeReplicaEntriesNotIn, replicaState, type ReplicaEntry, writeReplicaEntries } from './catalogue-replica.store';

/** A procedure as the replica holds it, its rules typed. */
export interface ReplicatedProcedure extends Omit<CatalogueProcedure, 'desks' | 'documents' | 'steps'> {
  readonly desks: DeskRule[];
  readonly documents: ProcedureDocument[];
  readonly steps: StepDefinition[];
}

/**
 * The catalogue as this service last heard it from workflow: rows in the service's own database (so it keeps
 * working while workflow is down, and across restarts), read into memory because every submission consults it.
 * The consumer that applies an event refreshes its own copy once the change commits; other instances of the
 * service notice within `CATALOGUE_REFRESH_MS`.
 */
@Injectable()
export class CatalogueReplica implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CatalogueReplica.name);
  private areas = new Map<string, CatalogueArea>();
  private childrenOf = new Map<string, CatalogueArea[]>();
  private agencies = new Map<string, CatalogueAgency>();
  private procedures = new Map<string, ReplicatedProcedure>();
  private calendars = new AgencyCalendars();
  private directory: Directory = { agencies: [], parentOfArea: new Map() };
  private loadedRevision = 0;
  /** What the table held when it was loaded: entries and the sum of their revisions, which every write changes. */
  private loadedSignature = '';
  private timer?: NodeJS.Timeout;
  /** Refreshes run one after another, so a refresh asked for after a commit always reads that commit. */
  private refreshes: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly environment: CatalogueReplicaEnvironment,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => this.refreshInBackground(), this.environment.CATALOGUE_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The newest catalogue revision this instance holds in memory (0: nothing yet). */
  get revision(): number {
    return this.loadedRevision;
  }

  get isEmpty(): boolean {
    return this.procedures.size === 0;
  }

  get organisation(): Directory {
    return this.directory;
  }

  procedure(code: string): ReplicatedProcedure | undefined {
    return this.procedures.get(code);
  }

  allProcedures(): ReplicatedProcedure[] {
    return [...this.procedures.values()];
  }

  agency(code: string): CatalogueAgency | undefined {
    return this.agencies.get(code);
  }

  allAgencies(): CatalogueAgency[] {
    return [...this.agencies.values()];
  }

  /**
   * Vietnam's working time with the official schedules built in, each replaced by the one an administrator
   * published in workflow for that year (rebuilt when the replica changes), in an agency's own office hours
   * (the default hours for an agency without its own, or one the replica does not know).
   */
  calendarOf(agencyCode: string): WorkingCalendar {
    return this.calendars.of(this.agencies.get(agencyCode)?.officeHours);
  }

  area(code: string): CatalogueArea | undefined {
    return this.areas.get(code);
  }

  children(code: string): CatalogueArea[] {
    return this.childrenOf.get(code) ?? [];
  }

  /**
   * Writes entries described at this revision over those described at an older one (an entry the replica holds
   * from a newer revision is kept, so late messages are harmless; a repeated one rewrites the same), in the
   * caller's transaction. Returns how many rows it wrote.
   */
  async apply(manager: EntityManager, revision: number, entries: ReplicaEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    return writeReplicaEntries(manager, revision, entries);
  }

  /**
   * A snapshot is the whole catalogue at its revision: its entries are applied, and an entry it lacks that the
   * replica holds from an older revision is gone from the catalogue, so it goes from the replica too.
   */
  async applySnapshot(manager: EntityManager, revision: number, entries: ReplicaEntry[]): Promise<{ written: number; removed: number }> {
    const written = await this.apply(manager, revision, entries);
    const removed = await removeReplicaEntriesNotIn(
      manager,
      revision,
      entries.map(({ kind, code }) => ({ kind, code })),
    );
    return { written, removed };
  }

  /**
   * Reads the table into memory if it changed since this instance loaded it (`force`: whatever it holds). Runs
   * after any refresh already under way, so it sees everything committed before it was asked for.
   */
  refresh(force = false): Promise<void> {
    const next = this.refreshes.then(() => this.reload(force));
    this.refreshes = next.catch(() => undefined);
    return next;
  }

  /** `refresh` for callers that cannot wait (after a commit, on a timer): a failure is logged, and the timer retries. */
  refreshInBackground(force = false): void {
    this.refresh(force).catch((err: unknown) => this.logger.warn(`catalogue refresh failed: ${err instanceof Error ? err.message : String(err)}`));
  }

  private async reload(force: boolean): Promise<void> {
    const state = await replicaState(this.dataSource);
    const signature = `${state.entries}:${state.total}`;
    if (!force && signature === this.loadedSignature) return;
    const { revision } = state;
    const started = performance.now();
    const rows = await allReplicaEntries(this.dataSource);
    const areas = new Map<string, CatalogueArea>();
    const agencies = new Map<string, CatalogueAgency>();
    const procedures = new Map<string, ReplicatedProcedure>();
    const schedules: OfficialSchedule[] = [];
    for (const { kind, entry } of rows) {
      if (kind === 'area') areas.set((entry as CatalogueArea).code, entry as CatalogueArea);
      else if (kind === 'agency') agencies.set((entry as CatalogueAgency).code, entry as CatalogueAgency);
      else if (kind === 'schedule') schedules.push(entry as OfficialSchedule);
      else procedures.set((entry as ReplicatedProcedure).code, entry as ReplicatedProcedure);
    }
    const childrenOf = new Map<string, CatalogueArea[]>();
    for (const area of [...areas.values()].sort((a, b) => a.code.localeCompare(b.code))) {
      if (area.parentCode) childrenOf.set(area.parentCode, [...(childrenOf.get(area.parentCode) ?? []), area]);
    }
    this.areas = areas;
    this.agencies = agencies;
    this.procedures = procedures;
    this.childrenOf = childrenOf;
    this.calendars = new AgencyCalendars(schedules);
    this.directory = { agencies: [...agencies.values()], parentOfArea: new Map([...areas.values()].map((a) => [a.code, a.parentCode])) };
    this.loadedRevision = revision;
    this.loadedSignature = signature;
    this.logger.log(
      `catalogue revision ${revision} loaded: ${areas.size} areas, ${agencies.size} agencies, ${procedures.size} procedures, ${schedules.length} published schedules in ${Math.round(performance.now() - started)} ms`,
    );
  }
}
