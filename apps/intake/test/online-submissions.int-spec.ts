import { Role } from '@motcua/auth';
import { BIRTH_REGISTRATION_DOCUMENTS, callApi, useSuite } from '@motcua/testing';

/**
 * Online dossiers from the National Portal (channel 2): filed once per portal reference however often the adapter
 * sends them, then accepted as a dossier of the desk or refused, by that desk only.
 */
describe('online submissions at intake', () => {
  const desk = '004.01.20.H26'; // Ủy ban nhân dân phường Trúc Bạch (seed code)
  const otherDesk = '001.01.20.H26'; // phường Phúc Xá
  const running = useSuite('online-submissions', ['intake', 'workflow']);
  const { suite, auth } = running;
  const db = running.db('intake');
  const api = running.api('intake');
  let portal: string;
  let receiver: string;
  let stranger: string;

  beforeAll(async () => {
    // Workflow filled intake's catalogue replica; its part (a case for the accepted dossier) is not this test's.
    await suite.crash('workflow');
    portal = await auth.token({ subject: 'national-portal', kind: 'machine', scopes: ['submissions:write'] });
    receiver = await running.anOfficer(desk, Role.Receiver);
    stranger = await running.anOfficer(otherDesk, Role.Receiver);
  });

  let serial = 0;
  const aFiling = (overrides: Record<string, unknown> = {}) => ({
    portalReference: `G22.99-261207-${String(++serial).padStart(6, '0')}`,
    procedureCode: '1.001193',
    receivingAgencyCode: desk,
    applicant: { fullName: 'Nguyễn Thị Lan', phone: '0912345678', wardCode: '00004' },
    documents: BIRTH_REGISTRATION_DOCUMENTS.map(({ code, name }) => ({
      code,
      name,
      url: `https://dichvucong.gov.vn/files/${code}.pdf`,
      checksum: 'a'.repeat(64),
    })),
    // Friday 4 December 2026, 18:00: after closing
    filedAt: '2026-12-04T18:00:00+07:00',
    returnMethod: 'electronic',
    ...overrides,
  });
  const file = (body: object, token = portal) => callApi('POST', api('/online-submissions'), token, body);
  const counts = async () =>
    (
      await db.query<{ submissions: number; dossiers: number; events: number }>(
        `SELECT (SELECT count(*) FROM online_submission)::int AS submissions, (SELECT count(*) FROM dossier)::int AS dossiers,
                (SELECT count(*) FROM outbox_message)::int AS events`,
      )
    ).rows[0];
  const outbox = async (type: string, key: string, value: string) =>
    (await db.query<{ payload: any }>(`SELECT payload FROM outbox_message WHERE type = $1 AND payload->>$2 = $3`, [type, key, value])).rows.map(
      (r) => r.payload,
    );

  /** The filing is refused with `code`, naming `field`, and nothing is stored or published. */
  async function refused(body: object, status: number, code: string, field: string): Promise<void> {
    const before = await counts();
    const answer = await file(body);
    expect([answer.status, answer.headers.get('content-type')]).toEqual([status, expect.stringMatching(/^application\/problem\+json/)]);
    expect(answer.body).toMatchObject({ code, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(await counts()).toEqual(before);
  }

  describe('filing', () => {
    it('files a submission once, newly filed, counted from Monday’s opening when filed on Friday evening, to be decided by Tuesday’s closing', async () => {
      const filing = aFiling();
      const first = await file(filing);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        portalReference: filing.portalReference,
        state: 'new',
        nationalStatus: 1,
        filedAt: '2026-12-04T18:00:00.000+07:00',
        countsFrom: '2026-12-07T07:30:00.000+07:00',
        decideBy: '2026-12-08T17:00:00.000+07:00',
        dossierCode: null,
      });
      // the adapter pulled it again, the filing time written in UTC this time: the same submission
      const again = await file({ ...filing, filedAt: '2026-12-04T11:00:00Z' });
      expect([again.status, again.body]).toEqual([200, first.body]);
      const filed = await outbox('intake.submission.filed', 'portalReference', filing.portalReference);
      expect(filed).toEqual([
        expect.objectContaining({
          submissionId: first.body.id,
          nationalStatus: 1,
          sequence: 1,
          countsFrom: '2026-12-07T00:30:00.000Z',
          decideBy: '2026-12-08T10:00:00.000Z',
        }),
      ]);
    });

    it('files it once when two copies arrive at the same time', async () => {
      const filing = aFiling();
      const answers = await Promise.all([file(filing), file(filing), file(filing)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM online_submission WHERE portal_reference = $1`, [filing.portalReference]);
      expect(rows[0].n).toBe(1);
      expect(await outbox('intake.submission.filed', 'portalReference', filing.portalReference)).toHaveLength(1);
    });

    it('refuses the same portal reference with other content, changing nothing', async () => {
      const filing = aFiling();
      expect((await file(filing)).status).toBe(201);
      await refused({ ...filing, applicant: { ...filing.applicant, fullName: 'Trần Văn Nam' } }, 409, 'SUBMISSION.REFERENCE_REUSED', 'portalReference');
    });

    it('refuses bad input, naming the field, storing nothing', async () => {
      await refused(aFiling({ procedureCode: '9.999999' }), 422, 'DOSSIER.PROCEDURE_UNKNOWN', 'procedureCode');
      await refused(aFiling({ procedureCode: '2.000815' }), 422, 'DOSSIER.CHANNEL_NOT_ALLOWED', 'procedureCode'); // chứng thực: at the desk only
      await refused(aFiling({ receivingAgencyCode: otherDesk }), 422, 'DOSSIER.DESK_NOT_ALLOWED', 'receivingAgencyCode');
      const [first, ...rest] = aFiling().documents;
      await refused(aFiling({ documents: [{ ...first, checksum: 'not-a-sha256' }, ...rest] }), 400, 'REQUEST.INVALID', 'documents.0.checksum');
      await refused(aFiling({ documents: [{ ...first, code: 'XYZ' }, ...rest] }), 422, 'SUBMISSION.DOCUMENT_UNKNOWN', 'documents.0.code');
      await refused(aFiling({ filedAt: '2026-12-04T18:00:00' }), 400, 'REQUEST.INVALID', 'filedAt');
      await refused(aFiling({ returnMethod: 'post' }), 422, 'DOSSIER.DELIVERY_ADDRESS_REQUIRED', 'deliveryAddress');
      const { portalReference: _, ...withoutReference } = aFiling();
      await refused(withoutReference, 400, 'REQUEST.INVALID', 'portalReference');
    });

    it('is the portal adapter’s alone: an officer is refused', async () => {
      const before = await counts();
      const answer = await file(aFiling(), receiver);
      expect([answer.status, answer.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      const officerWithScope = await auth.token({ subject: `${desk}.receiver.9`, roles: [Role.Receiver], agencies: [desk], scopes: ['submissions:write'] });
      expect((await file(aFiling(), officerWithScope)).body.code).toBe('SUBMISSION.PORTAL_ONLY');
      expect(await counts()).toEqual(before);
    });
  });

  describe('the desk’s decision', () => {
    const decide = (id: string, what: 'accept' | 'refuse', token = receiver, body: object = {}, key?: string) =>
      callApi('POST', api(`/online-submissions/${id}/${what}`), token, body, key ? { 'idempotency-key': key } : {});

    it('accepts a submission as a channel-2 dossier of the desk, its appointment counted from the filing, once', async () => {
      const filing = aFiling();
      const { body: submission } = await file(filing);
      const accepted = await decide(submission.id, 'accept', receiver, {}, 'accept-1');
      expect(accepted.status).toBe(200);
      const { dossier } = accepted.body;
      expect(dossier).toMatchObject({
        code: expect.stringMatching(/^004\.01\.20\.H26-\d{6}-\d{4}$/),
        channel: 2,
        nationalStatus: 2,
        coordinatorId: `${desk}.receiver.1`,
        portalReference: filing.portalReference,
        filedAt: '2026-12-04T18:00:00.000+07:00',
        // 8 working hours from Monday 07:30
        appointmentAt: '2026-12-07T17:00:00.000+07:00',
        lookupSecret: expect.any(String),
      });
      expect(accepted.body.submission).toMatchObject({ state: 'accepted', nationalStatus: 2, dossierCode: dossier.code, decidedBy: `${desk}.receiver.1` });
      expect(await outbox('intake.dossier.accepted', 'dossierCode', dossier.code)).toEqual([
        expect.objectContaining({ channel: 2, portalReference: filing.portalReference, filedAt: '2026-12-04T11:00:00.000Z' }),
      ]);

      const replay = await decide(submission.id, 'accept', receiver, {}, 'accept-1');
      expect([replay.status, replay.headers.get('idempotent-replayed'), replay.body.dossier.code]).toEqual([200, 'true', dossier.code]);
      const before = await counts();
      expect((await decide(submission.id, 'accept', receiver, {}, 'accept-2')).body.code).toBe('SUBMISSION.ALREADY_DECIDED');
      expect((await decide(submission.id, 'refuse', receiver, { outcome: 'refused', reason: 'Muộn' })).status).toBe(409);
      expect(await counts()).toEqual(before);
      const shown = await callApi('GET', api(`/dossiers/${dossier.code}`), receiver);
      expect(shown.body).toMatchObject({ channel: 2, portalReference: filing.portalReference });
    });

    it('refuses an incomplete submission with everything missing, and tells the portal', async () => {
      const { body: submission } = await file(aFiling({ documents: aFiling().documents.slice(0, 2) }));
      // incomplete: the desk's receipt would refuse it, and the officer is told why
      expect((await decide(submission.id, 'accept')).body.code).toBe('DOSSIER.DOCUMENTS_MISSING');
      expect((await decide(submission.id, 'refuse', receiver, { outcome: 'incomplete', reason: 'Thiếu giấy tờ' })).body.code).toBe(
        'SUBMISSION.MISSING_REQUIRED',
      );
      const missing = [{ code: 'GTTT', name: 'Giấy tờ tùy thân' }];
      const refusal = await decide(submission.id, 'refuse', receiver, { outcome: 'incomplete', reason: 'Thiếu giấy tờ tùy thân', missing });
      expect(refusal.status).toBe(200);
      expect(refusal.body).toMatchObject({ state: 'refused', nationalStatus: 3, outcome: 'incomplete', missing, dossierCode: null });
      expect(await outbox('intake.submission.refused', 'submissionId', submission.id)).toEqual([
        expect.objectContaining({ nationalStatus: 3, sequence: 2, outcome: 'incomplete', missing, actorId: `${desk}.receiver.1` }),
      ]);
      expect((await decide(submission.id, 'accept')).body.code).toBe('SUBMISSION.ALREADY_DECIDED');
    });

    it('is the receiving desk’s alone: another desk neither sees nor decides it', async () => {
      const { body: submission } = await file(aFiling());
      const before = await counts();
      expect((await callApi('GET', api(`/online-submissions/${submission.id}`), stranger)).body.code).toBe('SUBMISSION.NOT_FOUND');
      expect((await callApi('GET', api(`/online-submissions?agency=${desk}`), stranger)).body).toEqual({ items: [], nextCursor: null });
      expect((await decide(submission.id, 'accept', stranger)).status).toBe(404);
      expect((await decide(submission.id, 'refuse', stranger, { outcome: 'refused', reason: 'Không thuộc thẩm quyền' })).status).toBe(404);
      expect(await counts()).toEqual(before);
    });

    it('lists the desk’s new submissions a page at a time', async () => {
      const page1 = await callApi('GET', api(`/online-submissions?agency=${desk}&state=new&limit=2`), receiver);
      expect(page1.status).toBe(200);
      expect(page1.body.items).toHaveLength(2);
      expect(page1.body.items.every((s: any) => s.state === 'new' && s.receivingAgencyCode === desk)).toBe(true);
      const page2 = await callApi('GET', api(`/online-submissions?agency=${desk}&state=new&limit=2&cursor=${page1.body.nextCursor}`), receiver);
      expect(page2.body.items.map((s: any) => s.id)).not.toContain(page1.body.items[0].id);
      const head = await running.anOfficer(desk, Role.HeadOfDesk);
      expect((await callApi('GET', api(`/online-submissions/${page1.body.items[0].id}`), head)).status).toBe(200);
    });
  });
});
