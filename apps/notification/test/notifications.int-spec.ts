import { Role } from '@motcua/auth';
import { eventually, useServiceApp, aDossierAccepted, TEST_DESK } from '@motcua/testing';
import request from 'supertest';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';

interface NotificationRow {
  dossier_code: string;
  receiving_agency_code: string;
  event_message_id: string;
  template_key: string;
  channel: string;
  recipient: string | null;
  subject: string;
  body: string;
  status: string;
}

describe('notification: the applicant is told their dossier was received', () => {
  const { service, db, server } = useServiceApp({ service: SERVICE, module: AppModule, entities, migrations });

  const rowsFor = (dossierCode: string): Promise<NotificationRow[]> =>
    db.query(`SELECT * FROM notification WHERE dossier_code = $1 ORDER BY created_at, id`, [dossierCode]);

  it('records one pending email in Vietnamese when the desk accepts a dossier', async () => {
    const accepted = aDossierAccepted({ applicant: { fullName: 'Nguyễn Thị Hoa', email: 'hoa@example.vn' } });
    const messageId = await service.publish(accepted);

    const [row] = await eventually(async () => {
      const rows = await rowsFor(accepted.dossierCode);
      return rows.length === 1 && rows;
    }, 'the notification row');

    expect(row).toMatchObject({
      receiving_agency_code: TEST_DESK,
      event_message_id: messageId,
      template_key: 'dossier.received',
      channel: 'email',
      recipient: 'hoa@example.vn',
      status: 'pending',
      subject: `Hồ sơ ${accepted.dossierCode} đã được tiếp nhận`,
    });
    expect(row.body).toContain('Kính gửi Ông/Bà Nguyễn Thị Hoa,');
    expect(row.body).toContain(`Mã hồ sơ: ${accepted.dossierCode}`);
    expect(row.body).toContain('Thủ tục hành chính: 1.001193');
    expect(row.body).toContain('Đơn vị tiếp nhận: 000.00.01.H26');
    expect(row.body).toContain('tiếp nhận lúc 09:05 ngày 26/11/2026');
  });

  it('names the procedure and the receiving agency where the event says them, in the log an officer reads', async () => {
    const accepted = aDossierAccepted({ procedureName: 'Đăng ký khai sinh', receivingAgencyName: 'Sở Tư pháp thành phố Hà Nội' });
    await service.publish(accepted);
    await eventually(async () => (await rowsFor(accepted.dossierCode)).length === 1, 'the notification row');
    const token = await service.token([Role.Receiver], [TEST_DESK]);
    const listed = await request(service.app.getHttpServer())
      .get('/api/v1/notifications')
      .query({ dossierCode: accepted.dossierCode })
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(listed.body.items[0].body).toContain('- Thủ tục hành chính: Đăng ký khai sinh (1.001193)\n- Đơn vị tiếp nhận: Sở Tư pháp thành phố Hà Nội');
  });

  it('records the same event delivered twice only once', async () => {
    const accepted = aDossierAccepted();
    const before = { ...server.counts };
    const messageId = await service.publish(accepted);
    await service.publish(accepted, messageId);

    await eventually(() => server.counts.handled + server.counts.duplicate >= before.handled + before.duplicate + 2, 'both copies to be consumed');
    expect(await rowsFor(accepted.dossierCode)).toHaveLength(1);
  });

  it('goes by SMS to an applicant who gave only a phone number', async () => {
    const accepted = aDossierAccepted({ applicant: { email: undefined, phone: '0987654321' } });
    await service.publish(accepted);

    const [row] = await eventually(async () => (await rowsFor(accepted.dossierCode)).length === 1 && rowsFor(accepted.dossierCode), 'the notification row');
    expect(row).toMatchObject({ channel: 'sms', recipient: '0987654321', status: 'pending' });
  });

  it('records an applicant without email or phone as no_contact', async () => {
    const accepted = aDossierAccepted({ applicant: { email: undefined, phone: undefined } });
    await service.publish(accepted);

    const [row] = await eventually(async () => (await rowsFor(accepted.dossierCode)).length === 1 && rowsFor(accepted.dossierCode), 'the notification row');
    expect(row).toMatchObject({ channel: 'none', recipient: null, status: 'no_contact' });
    expect(row.subject).toBe(`Hồ sơ ${accepted.dossierCode} đã được tiếp nhận`);
  });

  describe('GET /api/v1/notifications', () => {
    const list = (dossierCode: string, token: string) =>
      request(service.app.getHttpServer()).get('/api/v1/notifications').query({ dossierCode }).auth(token, { type: 'bearer' });

    it("shows an officer the dossier's delivery log, page by page", async () => {
      const dossierCode = aDossierAccepted().dossierCode;
      for (let i = 0; i < 3; i++) await service.publish(aDossierAccepted({ dossierCode, sequence: i + 1 }));
      await eventually(async () => (await rowsFor(dossierCode)).length === 3, 'three notification rows');
      const token = await service.token([Role.Specialist], [TEST_DESK]);
      const http = service.app.getHttpServer();

      const first = await request(http).get('/api/v1/notifications').query({ dossierCode, limit: 2 }).auth(token, { type: 'bearer' }).expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(first.body.items[0]).toMatchObject({
        dossierCode,
        templateKey: 'dossier.received',
        channel: 'email',
        recipient: 'hoa@example.vn',
        status: 'pending',
        subject: `Hồ sơ ${dossierCode} đã được tiếp nhận`,
        createdAt: expect.stringMatching(/\+07:00$/),
      });

      const second = await request(http)
        .get('/api/v1/notifications')
        .query({ dossierCode, limit: 2, cursor: first.body.nextCursor })
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
      expect(new Set(ids).size).toBe(3);
    });

    it('answers an empty page for a dossier nobody was told about', async () => {
      const response = await list('000.00.01.H26-261126-9999', await service.token([Role.Receiver], [TEST_DESK])).expect(200);
      expect(response.body).toEqual({ items: [], nextCursor: null });
    });

    it("shows the log only to the receiving agency: another agency's officer sees a dossier nobody was told about", async () => {
      const accepted = aDossierAccepted();
      await service.publish(accepted);
      await eventually(async () => (await rowsFor(accepted.dossierCode)).length === 1, 'the notification row');

      const desk = await list(accepted.dossierCode, await service.token([Role.Receiver], [TEST_DESK])).expect(200);
      expect(desk.body.items).toEqual([expect.objectContaining({ dossierCode: accepted.dossierCode, receivingAgencyCode: TEST_DESK })]);

      const otherWard = await service.token([Role.Receiver, Role.Leader], ['000.00.02.H26']);
      const stranger = await list(accepted.dossierCode, otherWard).expect(200);
      expect(stranger.body).toEqual({ items: [], nextCursor: null });
    });

    it('needs a bearer token', async () => {
      const response = await request(service.app.getHttpServer()).get('/api/v1/notifications').query({ dossierCode: '000.00.01.H26-261126-0001' }).expect(401);
      expect(response.body.code).toBe('AUTH.TOKEN_MISSING');
    });

    it('is for officers only: a citizen or a machine client is refused, even for its own dossier', async () => {
      const accepted = aDossierAccepted();
      await service.publish(accepted);
      await eventually(async () => (await rowsFor(accepted.dossierCode)).length === 1, 'the notification row');

      for (const kind of ['citizen', 'machine'] as const) {
        const response = await list(accepted.dossierCode, await service.token([], [TEST_DESK], kind)).expect(403);
        expect(response.body.code).toBe('NOTIFICATION.OFFICERS_ONLY');
      }
      // an officer's token that gives no role acts in no capacity
      const roleless = await list(accepted.dossierCode, await service.token([], [TEST_DESK])).expect(403);
      expect(roleless.body.code).toBe('NOTIFICATION.OFFICERS_ONLY');
    });

    it('refuses a malformed dossier code or cursor as a problem', async () => {
      const token = await service.token([Role.Receiver], [TEST_DESK]);
      const http = service.app.getHttpServer();
      const badCode = await request(http).get('/api/v1/notifications').query({ dossierCode: 'x' }).auth(token, { type: 'bearer' }).expect(400);
      expect(badCode.body.code).toBe('REQUEST.INVALID');
      const badCursor = await request(http)
        .get('/api/v1/notifications')
        .query({ dossierCode: '000.00.01.H26-261126-0001', cursor: Buffer.from('["x","y"]').toString('base64url') })
        .auth(token, { type: 'bearer' })
        .expect(400);
      expect(badCursor.body.code).toBe('REQUEST.INVALID_CURSOR');
    });
  });
});
