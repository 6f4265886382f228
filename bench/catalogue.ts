/**
 * (c) The catalogue with the full seed (Hà Nội's areas, agencies and procedures), measured on the real classes
 * and real databases:
 *   - workflow's load at start: `Catalogue.reload()` over a migrated workflow database (first and median of 20);
 *   - the snapshot a replica receives: its size, and the time to apply it to a replica table;
 *   - a replica's load into memory (`CatalogueReplica.refresh()`) and the heap it holds (measured with the
 *     garbage collector run before and after, so only what the replica keeps is counted).
 * Run with `node --expose-gc` (npm run bench does).
 */
import { DataSource } from 'typeorm';
import { CatalogueReplica, CatalogueReplicaEnvironment } from '@motcua/catalogue-replica';
import { postgresOptions, runMigrations } from '@motcua/persistence';
import { createTestDatabase } from '@motcua/testing';
import { entities as intakeEntities, migrations as intakeMigrations } from '../apps/intake/src/database';
import { CalendarStore } from '../apps/workflow/src/calendar/calendar.store';
import { Catalogue } from '../apps/workflow/src/catalogue/catalogue';
import { CatalogueStore } from '../apps/workflow/src/catalogue/catalogue.store';
import { entities as workflowEntities, migrations as workflowMigrations } from '../apps/workflow/src/database';

const ms = (from: number) => performance.now() - from;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const heapMiB = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export async function catalogueFigures(rows: [string, string][]): Promise<void> {
  const workflowDb = await createTestDatabase('bench_catalogue_workflow');
  const intakeDb = await createTestDatabase('bench_catalogue_intake');
  const workflow = new DataSource(postgresOptions({ url: workflowDb.url, entities: workflowEntities, migrations: workflowMigrations }));
  const intake = new DataSource(postgresOptions({ url: intakeDb.url, entities: intakeEntities, migrations: intakeMigrations }));
  try {
    await Promise.all([workflow.initialize(), intake.initialize()]);
    let started = performance.now();
    await runMigrations(workflow);
    rows.push(['(c) workflow migrations from empty, full seed (ms)', ms(started).toFixed(0)]);
    await runMigrations(intake);

    const store = new CatalogueStore(workflow);
    const catalogue = new Catalogue(store);
    const loads: number[] = [];
    for (let i = 0; i < 20; i++) {
      started = performance.now();
      await catalogue.reload();
      loads.push(ms(started));
    }
    const { agencies } = catalogue.current;
    rows.push([
      `(c) workflow catalogue load at start, ${agencies.length} agencies: first / median of 20 (ms)`,
      `${loads[0].toFixed(1)} / ${median(loads).toFixed(1)}`,
    ]);

    started = performance.now();
    // As `CatalogueReplication.publishSnapshot` reads it, in one transaction.
    const snapshot = await workflow.transaction(async (manager) => ({
      ...(await store.catalogueSnapshot(manager)),
      schedules: await new CalendarStore(workflow).officialSchedules(manager),
    }));
    const read = ms(started);
    const bytes = Buffer.byteLength(JSON.stringify(snapshot));
    rows.push([
      `(c) snapshot: ${snapshot.areas.length} areas, ${snapshot.agencies.length} agencies, ${snapshot.procedures.length} procedures: read (ms) / size (KiB)`,
      `${read.toFixed(1)} / ${(bytes / 1024).toFixed(0)}`,
    ]);

    const replica = new CatalogueReplica(intake, new CatalogueReplicaEnvironment());
    started = performance.now();
    await intake.transaction((manager) =>
      replica.apply(manager, 1, [
        ...snapshot.areas.map((entry) => ({ kind: 'area' as const, code: entry.code, entry })),
        ...snapshot.agencies.map((entry) => ({ kind: 'agency' as const, code: entry.code, entry })),
        ...snapshot.procedures.map((entry) => ({ kind: 'procedure' as const, code: entry.code, entry })),
      ]),
    );
    rows.push(['(c) replica: snapshot applied to the table (ms)', ms(started).toFixed(1)]);

    const before = heapMiB();
    started = performance.now();
    await replica.refresh();
    const loaded = ms(started);
    const after = heapMiB();
    rows.push(['(c) replica: loaded into memory (ms) / heap it holds (MiB)', `${loaded.toFixed(1)} / ${(after - before).toFixed(2)}`]);
    if (replica.allProcedures().length !== snapshot.procedures.length) throw new Error('the replica did not load the whole snapshot');
  } finally {
    await Promise.all([workflow.destroy().catch(() => undefined), intake.destroy().catch(() => undefined)]);
    await Promise.all([workflowDb.drop(), intakeDb.drop()]);
  }
}
