import { Role } from '@motcua/auth';
import { eventually, useSuite } from '@motcua/testing';
import { procedures } from '../apps/workflow/src/migrations/seed/1764150000006-procedures';

/**
 * Every seeded procedure, walked from the desk to its first task: a dossier received at a desk the catalogue
 * allows lands in the queue of the agency its first step names, and one received at a desk or through a channel
 * the catalogue does not allow is refused with a stable code and leaves nothing behind. Intake and workflow run
 * as processes on the real broker and databases; the expected agencies are spelled out here, not computed.
 */
describe('each seeded procedure, received and routed', () => {
  // Seed codes: phường Trúc Bạch and phường Phúc Xá (quận Ba Đình), quận Ba Đình, huyện Ba Vì, xã Phú Cường (Ba Vì)
  const TRUC_BACH = '004.01.20.H26';
  const PHUC_XA = '001.01.20.H26';
  const BA_DINH = '000.01.20.H26';
  const BA_VI = '000.19.20.H26';
  const PHU_CUONG = '625.19.20.H26';

  interface Walk {
    procedure: string;
    desk: string;
    ward: string;
    /** The agency and role of the first step's task. */
    firstAgency: string;
    firstRole: Role;
    /** A desk of the city that may not receive it for this applicant. */
    wrongDesk: string;
    /** True when the procedure is not received by public post (channel 3). */
    notByPost?: true;
  }

  const walks: Walk[] = [
    { procedure: '1.001193', desk: TRUC_BACH, ward: '00004', firstAgency: TRUC_BACH, firstRole: Role.Specialist, wrongDesk: PHUC_XA },
    // certification at any ward of the city: a Trúc Bạch resident at the Phúc Xá desk, done by Phúc Xá
    { procedure: '2.000815', desk: PHUC_XA, ward: '00004', firstAgency: PHUC_XA, firstRole: Role.Specialist, wrongDesk: BA_DINH, notByPost: true },
    { procedure: '1.000894', desk: PHU_CUONG, ward: '09625', firstAgency: PHU_CUONG, firstRole: Role.Specialist, wrongDesk: TRUC_BACH, notByPost: true },
    { procedure: '1.000656', desk: TRUC_BACH, ward: '00004', firstAgency: TRUC_BACH, firstRole: Role.Specialist, wrongDesk: BA_VI },
    { procedure: '1.001612', desk: BA_DINH, ward: '00004', firstAgency: '004.01.21.H26', firstRole: Role.Specialist, wrongDesk: TRUC_BACH, notByPost: true },
    // a quận's urban management division, a huyện's economy and infrastructure division
    { procedure: '1.009994', desk: BA_DINH, ward: '00004', firstAgency: '003.01.21.H26', firstRole: Role.Specialist, wrongDesk: BA_VI, notByPost: true },
    { procedure: '1.009994', desk: BA_VI, ward: '09625', firstAgency: '003.19.21.H26', firstRole: Role.Specialist, wrongDesk: BA_DINH, notByPost: true },
    // liên thông ward → district: received at the ward, which checks first
    { procedure: '1.004227', desk: PHU_CUONG, ward: '09625', firstAgency: PHU_CUONG, firstRole: Role.Specialist, wrongDesk: TRUC_BACH, notByPost: true },
    // a city procedure received at a district desk (of another district than the applicant's), decided by Sở Tư pháp
    { procedure: '2.000505', desk: BA_VI, ward: '00004', firstAgency: BA_VI, firstRole: Role.Receiver, wrongDesk: TRUC_BACH },
    {
      procedure: '1.002804',
      desk: '000.00.02.H26',
      ward: '00004',
      firstAgency: '000.00.02.H26',
      firstRole: Role.Specialist,
      wrongDesk: BA_DINH,
      notByPost: true,
    },
    { procedure: '1.002483', desk: '000.00.03.H26', ward: '00004', firstAgency: '000.00.03.H26', firstRole: Role.Specialist, wrongDesk: '000.00.02.H26' },
    { procedure: '1.003055', desk: '000.00.03.H26', ward: '09625', firstAgency: '000.00.03.H26', firstRole: Role.Specialist, wrongDesk: BA_DINH },
  ];

  const fixture = useSuite('procedures', ['intake', 'workflow']);
  const { suite, auth } = fixture;

  const receiverAt = (desk: string) => fixture.anOfficer(desk, Role.Receiver);

  const dossier = (walk: Walk, overrides: Record<string, unknown> = {}) => {
    const seeded = procedures.find((p) => p.code === walk.procedure);
    if (!seeded) throw new Error(`${walk.procedure} is not seeded`);
    return {
      procedureCode: walk.procedure,
      receivingAgencyCode: walk.desk,
      channel: 1,
      applicant: { fullName: 'Hoàng Thị Yến', idNumber: '001190054321', phone: '0987654321', wardCode: walk.ward },
      // every required document, recorded by its catalogue code
      documents: seeded.documents.filter((d) => d.required).map((d) => ({ code: d.code, name: d.name, copies: d.copies })),
      returnMethod: 'desk',
      ...overrides,
    };
  };

  const submit = async (body: unknown, token: string) => {
    const response = await fetch(`${suite.url('intake')}/api/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  const get = async (url: string, token: string) => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('covers every seeded procedure', () => {
    expect(new Set(walks.map((w) => w.procedure))).toEqual(new Set(procedures.map((p) => p.code)));
  });

  it.each(walks.map((walk) => [`${walk.procedure} at ${walk.desk} for ward ${walk.ward}`, walk] as const))(
    '%s: accepted, and its first task waits in the right agency’s queue',
    async (_, walk) => {
      const receiver = await receiverAt(walk.desk);
      const receipt = await submit(dossier(walk), receiver);
      expect(receipt.status).toBe(201);
      expect(receipt.body.code.startsWith(`${walk.desk}-`)).toBe(true);

      const record = await eventually(async () => {
        const { body } = await get(`${suite.url('intake')}/api/v1/dossiers/${receipt.body.code}`, receiver);
        return body.nationalStatus === 4 ? body : undefined;
      }, `${receipt.body.code} routed`);
      expect(record.currentStep.agencyCode).toBe(walk.firstAgency);
      expect(record.processVersion).toBe(1);

      const officer = await auth.token({ subject: `${walk.firstAgency}.${walk.firstRole}.1`, roles: [walk.firstRole], agencies: [walk.firstAgency] });
      const queue = await get(`${suite.url('workflow')}/api/v1/tasks?agency=${walk.firstAgency}&limit=100`, officer);
      expect(queue.body.items.filter((t: any) => t.dossierCode === receipt.body.code)).toEqual([
        expect.objectContaining({ agencyCode: walk.firstAgency, stepNumber: 1, role: walk.firstRole }),
      ]);
    },
  );

  it.each(walks.map((walk) => [`${walk.procedure} at ${walk.wrongDesk} for ward ${walk.ward}`, walk] as const))(
    '%s: refused, the desk not allowed',
    async (_, walk) => {
      const refused = await submit(dossier(walk, { receivingAgencyCode: walk.wrongDesk }), await receiverAt(walk.wrongDesk));
      expect(refused).toMatchObject({
        status: 422,
        body: { code: 'DOSSIER.DESK_NOT_ALLOWED', errors: [expect.objectContaining({ field: 'receivingAgencyCode' })] },
      });
    },
  );

  it.each(walks.filter((w) => w.notByPost).map((walk) => [walk.procedure, walk] as const))('%s: refused by post, the channel not allowed', async (_, walk) => {
    const refused = await submit(dossier(walk, { channel: 3 }), await receiverAt(walk.desk));
    expect(refused).toMatchObject({ status: 422, body: { code: 'DOSSIER.CHANNEL_NOT_ALLOWED', errors: [expect.objectContaining({ field: 'channel' })] } });
  });

  it('refuses a dossier missing a required document, naming it, and an unknown procedure', async () => {
    const [birth] = walks;
    const receiver = await receiverAt(birth.desk);
    const body = dossier(birth);
    const missing = await submit({ ...body, documents: body.documents.filter((d) => d.code !== 'GCS') }, receiver);
    expect(missing).toMatchObject({ status: 422, body: { code: 'DOSSIER.DOCUMENTS_MISSING' } });
    expect(missing.body.errors).toEqual([{ field: 'documents', code: 'DOCUMENT_MISSING', message: expect.stringMatching(/^GCS: Giấy chứng sinh/) }]);
    const unknown = await submit({ ...body, procedureCode: '9.999999' }, receiver);
    expect(unknown).toMatchObject({ status: 422, body: { code: 'DOSSIER.PROCEDURE_UNKNOWN' } });
  });

  it('left nothing behind for the refusals: only the accepted dossiers exist', async () => {
    const { rows } = await fixture.db('intake').query<{ n: string }>(`SELECT count(*) AS n FROM dossier`);
    expect(Number(rows[0].n)).toBe(walks.length);
  });
});
