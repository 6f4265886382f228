import { Role } from '@motcua/auth';
import { aSubmission, eventually, useSuite } from '@motcua/testing';

/**
 * Số thứ tự hồ sơ under a rush: every parallel receipt at one desk on one day gets its own number, and the
 * day's numbers have no gaps, because each is taken in the receipt's own transaction.
 */
describe('dossier codes under parallel submissions', () => {
  const desk = '013.01.20.H26'; // Ủy ban nhân dân phường Quán Thánh (seed code)
  const running = useSuite('dossier-codes', ['intake', 'workflow']);
  const { suite, auth } = running;
  const db = running.db('intake');

  // Workflow runs until intake's catalogue replica is filled (intake is ready only then), and is then
  // stopped: this test plays workflow's part itself, and intake keeps receiving from its replica.
  beforeAll(() => suite.crash('workflow'));

  it('gives 200 parallel submissions to one desk 200 distinct, gap-free codes', async () => {
    const token = await auth.token({ subject: 'mot-cua-quan-thanh', roles: [Role.Receiver], agencies: [desk] });
    const submit = (i: number) =>
      fetch(`${suite.url('intake')}/api/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(aSubmission({ desk, wardCode: '00013', fullName: `Phạm Minh Đức ${i}` })),
      });
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => submit(i)));
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const codes = await Promise.all(responses.map(async (r) => ((await r.json()) as { code: string }).code));

    const numbers = codes.map((code) => Number(code.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(codes).size).toBe(200);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const day = codes[0].split('-')[1];
    expect(codes.every((code) => code.startsWith(`${desk}-${day}-`))).toBe(true);

    // the database agrees: 200 dossiers, the counter at 200, and one accepted event per dossier in the outbox
    const { rows } = await db.query<{ dossiers: string; counter: number; events: string }>(
      `SELECT (SELECT count(*) FROM dossier) AS dossiers,
              (SELECT last_number FROM dossier_code_counter WHERE agency_code = $1) AS counter,
              (SELECT count(DISTINCT payload->>'dossierCode') FROM outbox_message WHERE type = 'intake.dossier.accepted') AS events`,
      [desk],
    );
    expect(rows[0]).toEqual({ dossiers: '200', counter: 200, events: '200' });
    // each event carries its dossier's own code (the statement that takes the number writes it in the event)
    const events = await db.query<{ code: string }>(`SELECT payload->>'dossierCode' AS code FROM outbox_message WHERE type = 'intake.dossier.accepted'`);
    expect(events.rows.map((r) => r.code).sort()).toEqual([...codes].sort());
  });

  it('numbers a receipt under an Idempotency-Key from the same counter, and past 9999 with every digit', async () => {
    const token = await auth.token({ subject: 'mot-cua-quan-thanh', roles: [Role.Receiver], agencies: [desk] });
    const post = (key?: string) =>
      fetch(`${suite.url('intake')}/api/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify(aSubmission({ desk, wardCode: '00013', fullName: 'Đỗ Văn Nam' })),
      });
    const { rows } = await db.query<{ last_number: number }>(`SELECT last_number FROM dossier_code_counter WHERE agency_code = $1`, [desk]);
    const keyed = (await (await post('dossier-codes-keyed-1')).json()) as { code: string };
    expect(Number(keyed.code.split('-')[2])).toBe(rows[0].last_number + 1);
    await db.query(`UPDATE dossier_code_counter SET last_number = 9998 WHERE agency_code = $1`, [desk]);
    const codes: string[] = [];
    for (const key of ['dossier-codes-keyed-2', undefined]) codes.push(((await (await post(key)).json()) as { code: string }).code);
    expect(codes.map((code) => code.split('-')[2])).toEqual(['9999', '10000']);
    const { rows: events } = await db.query<{ code: string }>(
      `SELECT payload->>'dossierCode' AS code FROM outbox_message WHERE type = 'intake.dossier.accepted' AND payload->>'dossierCode' = ANY($1)`,
      [[keyed.code, ...codes]],
    );
    expect(events).toHaveLength(3);
  });

  it('gives a rolled-back receipt’s number to the next one: a failure leaves no gap', async () => {
    const token = await auth.token({ subject: 'mot-cua-quan-thanh', roles: [Role.Receiver], agencies: [desk] });
    // Make the next insert fail after the counter was taken: a dossier with that code already exists.
    const { rows } = await db.query<{ last_number: number }>(`SELECT last_number FROM dossier_code_counter WHERE agency_code = $1`, [desk]);
    const next = rows[0].last_number + 1;
    const [existing] = (await db.query<{ code: string }>(`SELECT code FROM dossier LIMIT 1`)).rows;
    const blockedCode = existing.code.replace(/-\d+$/, `-${String(next).padStart(4, '0')}`);
    await db.query(
      `INSERT INTO dossier (id, code, procedure_code, channel, receiving_agency_code, coordinator_id, applicant, documents, return_method, national_status, received_at)
       VALUES (gen_random_uuid(), $1, '1.001193', 1, 'X.H26', 'x', '{}', '[]', 'desk', 2, now())`,
      [blockedCode],
    );
    const body = aSubmission({ desk, wardCode: '00013', fullName: 'Lê Thu Hà' });
    const post = () =>
      fetch(`${suite.url('intake')}/api/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await post()).status).toBe(500);
    // a failure no document describes, provoked on purpose: exactly this one
    const violations = await eventually(async () => {
      const found = suite.takeContractViolations();
      return found.length > 0 ? found : undefined;
    }, 'the 500 in intake’s log');
    expect(violations).toEqual([expect.stringMatching(/POST \/api\/v1\/dossiers 500: status 500 is not declared/)]);
    const after = await db.query<{ last_number: number }>(`SELECT last_number FROM dossier_code_counter WHERE agency_code = $1`, [desk]);
    expect(after.rows[0].last_number).toBe(next - 1);
  });
});
