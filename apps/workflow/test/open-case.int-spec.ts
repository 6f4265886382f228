import { randomUUID } from 'node:crypto';
import { parkingLotQueueName } from '@motcua/messaging';
import type { DossierAccepted } from '@motcua/contracts';
import { publishEvent, withBrokerChannel, withEventPublisher, eventually, useSuite, aDossierAccepted } from '@motcua/testing';

/** Opening cases from accepted dossiers: once per dossier, and never routed to nobody. */
describe('workflow opens a case for an accepted dossier', () => {
  const running = useSuite('open-case', ['workflow']);
  const { suite } = running;
  const db = running.db('workflow');

  const accepted = (overrides: Parameters<typeof aDossierAccepted>[0] = {}) =>
    aDossierAccepted({ receivingAgencyCode: '031.01.20.H26', applicant: { fullName: 'Vũ Thị Mai', wardCode: '00031' }, ...overrides });

  const casesOf = async (dossierCode: string) =>
    (
      await db.query(
        `SELECT c.process_version, t.agency_code, t.step_number, t.status FROM dossier_case c JOIN task t ON t.case_id = c.id WHERE c.dossier_code = $1`,
        [dossierCode],
      )
    ).rows;

  /** The parked messages of this test's workflow, by dossier code, with their error header (left parked:
   * unacknowledged, they return to the queue when the channel closes). */
  const parked = async (): Promise<Map<string, string>> =>
    withBrokerChannel(async (channel) => {
      const found = new Map<string, string>();
      for (
        let message = await channel.get(parkingLotQueueName(suite.prefix, 'workflow'));
        message;
        message = await channel.get(parkingLotQueueName(suite.prefix, 'workflow'))
      ) {
        found.set(JSON.parse(message.content.toString()).dossierCode, String(message.properties.headers?.['x-error']));
      }
      return found;
    });

  it('opens one case with its first task at the applicant’s ward, pinned to the version in force', async () => {
    const dossier = accepted();
    await publishEvent(suite.prefix, dossier);
    const rows = await eventually(async () => ((await casesOf(dossier.dossierCode)).length ? casesOf(dossier.dossierCode) : undefined), 'the case');
    expect(rows).toEqual([{ process_version: 1, agency_code: '031.01.20.H26', step_number: 1, status: 'open' }]);
  });

  it('knows the whole city: every district and ward, each with its People’s Committee', async () => {
    const { rows } = await db.query<{ level: string; areas: number; committees: number }>(
      `SELECT a.level, count(*)::int AS areas, count(g.code)::int AS committees
         FROM administrative_area a LEFT JOIN agency g ON g.area_code = a.code AND g.kind = 'people_committee'
        GROUP BY a.level ORDER BY a.level`,
    );
    expect(rows).toEqual([
      { level: 'city', areas: 1, committees: 1 },
      { level: 'district', areas: 30, committees: 30 },
      { level: 'ward', areas: 579, committees: 579 },
    ]);
  });

  it('has the city departments and, in every district, its five processing units', async () => {
    const { rows } = await db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM agency WHERE kind <> 'people_committee' GROUP BY kind ORDER BY kind`,
    );
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(byKind).toMatchObject({
      department_health: 1,
      department_transport: 1,
      justice_division: 30,
      natural_resources_division: 30,
      economy_division: 30,
      land_registration_branch: 30,
    });
    expect(byKind.urban_management_division + byKind.economy_infrastructure_division).toBe(30);
  });

  it('has demo staff for every desk and every ward committee’s birth registration step', async () => {
    const { rows } = await db.query<{ missing: number }>(
      `SELECT count(*)::int AS missing FROM agency g
        WHERE (g.has_desk AND NOT EXISTS (SELECT 1 FROM officer_role r WHERE r.agency_code = g.code AND r.role = 'receiver'))
           OR (g.level = 'ward' AND NOT EXISTS (SELECT 1 FROM officer_role r WHERE r.agency_code = g.code AND r.role = 'specialist'))`,
    );
    expect(rows[0].missing).toBe(0);
    const { rows: officers } = await db.query<{ id: string; full_name: string; status: string }>(
      `SELECT id, full_name, status FROM officer WHERE id = '004.01.20.H26.receiver.1'`,
    );
    expect(officers).toEqual([{ id: '004.01.20.H26.receiver.1', full_name: expect.any(String), status: 'active' }]);
  });

  it('routes a commune of a rural district to its own committee, whatever desk received it', async () => {
    // thị trấn Tây Đằng, huyện Ba Vì (statistics code 09619), received at the Giảng Võ ward desk in the city centre
    const dossier = accepted({ applicant: { wardCode: '09619' } });
    await publishEvent(suite.prefix, dossier);
    const rows = await eventually(async () => ((await casesOf(dossier.dossierCode)).length ? casesOf(dossier.dossierCode) : undefined), 'the case');
    const { rows: committee } = await db.query<{ code: string; name: string }>(`SELECT code, name FROM agency WHERE area_code = '09619'`);
    expect(committee).toHaveLength(1);
    expect(rows).toEqual([{ process_version: 1, agency_code: committee[0].code, step_number: 1, status: 'open' }]);
  });

  it('opens no second case when the same dossier arrives again under another message id', async () => {
    const dossier = accepted();
    await publishEvent(suite.prefix, dossier);
    await eventually(async () => ((await casesOf(dossier.dossierCode)).length ? true : undefined), 'the first case');
    const again = await publishEvent(suite.prefix, dossier);
    await eventually(
      async () => ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [again])).rowCount ? true : undefined),
      'the second copy to be consumed',
    );
    expect(await casesOf(dossier.dossierCode)).toHaveLength(1);
  });

  it('parks at once, with the reason, a dossier whose procedure or area the catalogue cannot route', async () => {
    const unknownProcedure = accepted({ procedureCode: '9.999999' });
    const unknownArea = accepted({ applicant: { wardCode: '99999' } });
    await publishEvent(suite.prefix, unknownProcedure);
    await publishEvent(suite.prefix, unknownArea);
    const errors = await eventually(
      async () => {
        const found = await parked();
        return found.has(unknownProcedure.dossierCode) && found.has(unknownArea.dossierCode) ? found : undefined;
      },
      'both dossiers in the parking lot',
      10_000,
    );
    expect(errors.get(unknownProcedure.dossierCode)).toContain('CATALOGUE.PROCEDURE_UNKNOWN');
    expect(errors.get(unknownArea.dossierCode)).toContain('ROUTING.UNKNOWN_AREA');
    expect(await casesOf(unknownProcedure.dossierCode)).toEqual([]);
    expect(await casesOf(unknownArea.dossierCode)).toEqual([]);
    // parked on the first attempt: no retry copy was ever made
    expect(errors.get(unknownArea.dossierCode)).not.toContain('attempt');
  });

  /** Acceptances published back to back on one channel, each under its own message id: the consumer batches them. */
  const publishAtOnce = (dossiers: DossierAccepted[]) =>
    withEventPublisher(suite.prefix, async (publish) => {
      for (const dossier of dossiers) publish(dossier, randomUUID());
    });

  // last: it publishes a version of the procedure the others use
  it('opens a burst’s cases together: once each, a version published on another replica in force at once, the unroutable parked alone', async () => {
    const receivedAt = new Date().toISOString();
    const dossiers = Array.from({ length: 10 }, () => accepted({ receivedAt }));
    const unroutable = accepted({ receivedAt, applicant: { wardCode: '99999' } });
    // another replica publishes version 2, in force for these dossiers: this one holds version 1 in memory
    await db.query(
      `INSERT INTO process_version (procedure_code, version, published_at, steps)
       SELECT procedure_code, 2, now() - interval '1 minute', steps FROM process_version WHERE procedure_code = '1.001193' AND version = 1`,
    );
    await publishAtOnce([...dossiers.slice(0, 5), unroutable, dossiers[2], ...dossiers.slice(5)]);
    for (const dossier of dossiers) {
      const rows = await eventually(async () => ((await casesOf(dossier.dossierCode)).length ? casesOf(dossier.dossierCode) : undefined), 'the case');
      expect(rows).toEqual([{ process_version: 2, agency_code: '031.01.20.H26', step_number: 1, status: 'open' }]);
    }
    const told = await db.query(
      `SELECT payload->>'dossierCode' AS code, count(*)::int AS n FROM outbox_message WHERE type = 'workflow.task.created' AND payload->>'dossierCode' = ANY($1) GROUP BY 1`,
      [dossiers.map((d) => d.dossierCode)],
    );
    expect(told.rows.map((r) => r.n)).toEqual(dossiers.map(() => 1));
    const errors = await eventually(async () => {
      const found = await parked();
      return found.has(unroutable.dossierCode) ? found : undefined;
    }, 'the unroutable dossier in the parking lot');
    expect(errors.get(unroutable.dossierCode)).toContain('ROUTING.UNKNOWN_AREA');
  });

  it('spreads a burst’s first tasks over the step’s officers when it assigns the least loaded, counting those the batch gave', async () => {
    const receivedAt = new Date().toISOString();
    await db.query(
      `INSERT INTO process_version (procedure_code, version, published_at, steps)
       SELECT procedure_code, 3, now() - interval '30 seconds', jsonb_set(steps, '{0,assignment}', '"least_loaded"')
         FROM process_version WHERE procedure_code = '1.001193' AND version = 2`,
    );
    const dossiers = Array.from({ length: 9 }, () => accepted({ receivedAt }));
    await publishAtOnce(dossiers);
    const codes = dossiers.map((d) => d.dossierCode);
    const owners = await eventually(async () => {
      const { rows } = await db.query(`SELECT owner_id FROM task WHERE dossier_code = ANY($1) AND owner_id IS NOT NULL`, [codes]);
      return rows.length === codes.length ? rows.map((r) => r.owner_id as string) : undefined;
    }, 'every first task assigned');
    const { rows: eligible } = await db.query(
      `SELECT DISTINCT o.id FROM officer_role r JOIN officer o ON o.id = r.officer_id
        WHERE r.agency_code = '031.01.20.H26' AND r.role = 'specialist' AND o.status = 'active'`,
    );
    expect(eligible.length).toBeGreaterThan(1);
    const perOfficer = eligible.map(({ id }) => owners.filter((owner) => owner === id).length);
    expect(perOfficer.reduce((a, b) => a + b, 0)).toBe(codes.length);
    expect(Math.max(...perOfficer) - Math.min(...perOfficer)).toBeLessThanOrEqual(1);
  });
});
