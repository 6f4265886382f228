import { Role } from '@motcua/auth';
import { ReturnMethod, ShipmentCancelled, ShipmentHandedOver, ShipmentReturned, event, type DossierAccepted } from '@motcua/contracts';
import { TEST_DESK, aDossierAccepted, eventually, useServiceApp } from '@motcua/testing';
import request from 'supertest';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';

type Row = Record<'template_key' | 'channel' | 'subject' | 'body' | 'status', string> & { recipient: string | null };

const COORDINATOR = `${TEST_DESK}.receiver.1`;

/** Postal-delivery's events about the result of one dossier sent by post, sequence numbers rising. */
function shipment(accepted: DossierAccepted, shipmentId: string) {
  let sequence = 1;
  const base = (state: ShipmentHandedOver['state'], at: string) => ({
    shipmentId,
    direction: 'outgoing' as const,
    dossierCode: accepted.dossierCode,
    waybill: 'EB123456789VN',
    agencyCode: TEST_DESK,
    state,
    sequence: ++sequence,
    occurredAt: at,
  });
  return {
    handedOver: () => event(ShipmentHandedOver, { ...base('picked_up', '2026-12-02T03:30:00.000Z'), actorId: `${TEST_DESK}.returner.1` }),
    returned: () => event(ShipmentReturned, { ...base('returned', '2026-12-06T08:00:00.000Z'), reason: 'Quá số lần phát' }),
    refused: () =>
      event(ShipmentCancelled, { ...base('order_failed', '2026-12-02T03:30:00.000Z'), waybill: null, reason: 'Bưu điện từ chối đơn: SenderTel không hợp lệ' }),
    cancelled: () => event(ShipmentCancelled, { ...base('cancelled', '2026-12-02T03:30:00.000Z'), reason: 'Công dân đến nhận trực tiếp' }),
  };
}

describe('notification: what the applicant is told of a result sent by post', () => {
  const { service, db, server } = useServiceApp({ service: SERVICE, module: AppModule, entities, migrations });

  const told = (dossierCode: string): Promise<Row[]> =>
    db.query(`SELECT template_key, channel, recipient, subject, body, status FROM notification WHERE dossier_code = $1 ORDER BY created_at, id`, [dossierCode]);

  const deliver = async (...events: object[]): Promise<void> => {
    for (const e of events) {
      const before = server.counts.handled + server.counts.duplicate;
      await service.publish(e);
      await eventually(() => server.counts.handled + server.counts.duplicate > before, 'the event to be applied');
    }
  };

  const aPostalDossier = (phoneOnly = false) =>
    aDossierAccepted({
      coordinatorId: COORDINATOR,
      returnMethod: ReturnMethod.Post,
      receivingAgencyName: 'Sở Tư pháp thành phố Hà Nội',
      ...(phoneOnly ? { applicant: { email: undefined, phone: '0987654321' } } : {}),
    });

  it('tells the applicant the waybill when the post takes the result, by SMS to one who gave only a phone', async () => {
    const accepted = aPostalDossier(true);
    await deliver(accepted, shipment(accepted, '0193a1c2-0000-7000-8000-00000000e101').handedOver());

    const rows = await told(accepted.dossierCode);
    expect(rows.map((row) => row.template_key)).toEqual(['dossier.received', 'postal.result_sent']);
    expect(rows[1]).toMatchObject({ channel: 'sms', recipient: '0987654321', status: 'pending' });
    expect(rows[1].body).toContain(`Kết quả hồ sơ ${accepted.dossierCode} đã được gửi qua bưu điện, số vận đơn EB123456789VN.`);
  });

  it('tells one fact once, even when postal-delivery publishes it again under another message id', async () => {
    const accepted = aPostalDossier();
    const handedOver = shipment(accepted, '0193a1c2-0000-7000-8000-00000000e102').handedOver();
    await deliver(accepted, handedOver, handedOver);

    const rows = await told(accepted.dossierCode);
    expect(rows.map((row) => row.template_key)).toEqual(['dossier.received', 'postal.result_sent']);
    expect(rows[1]).toMatchObject({
      channel: 'email',
      recipient: 'hoa@example.vn',
      subject: `Hồ sơ ${accepted.dossierCode}: kết quả đã được gửi qua bưu điện, số vận đơn EB123456789VN`,
    });
  });

  it('a result returned to the desk: the applicant is asked to collect it, the coordinator to hand it over', async () => {
    const accepted = aPostalDossier();
    const post = shipment(accepted, '0193a1c2-0000-7000-8000-00000000e103');
    await deliver(accepted, post.handedOver(), post.returned());

    const rows = await told(accepted.dossierCode);
    expect(rows.map((row) => [row.template_key, row.channel, row.recipient])).toEqual([
      ['dossier.received', 'email', 'hoa@example.vn'],
      ['postal.result_sent', 'email', 'hoa@example.vn'],
      ['postal.result_returned', 'email', 'hoa@example.vn'],
      ['postal.returned_to_desk', 'officer', COORDINATOR],
    ]);
    expect(rows[2].body).toContain('Mời Ông/Bà đến Bộ phận Một cửa của Sở Tư pháp thành phố Hà Nội để nhận trực tiếp kết quả');
    expect(rows[3]).toMatchObject({ status: 'delivered', subject: `Hồ sơ ${accepted.dossierCode}: kết quả gửi bưu điện bị hoàn về (vận đơn EB123456789VN)` });
  });

  it('an order the carrier refused: the coordinator is told once; a cancellation by the desk tells nobody', async () => {
    const accepted = aPostalDossier();
    const post = shipment(accepted, '0193a1c2-0000-7000-8000-00000000e105');
    const refused = post.refused();
    await deliver(accepted, refused, refused);
    const other = aPostalDossier();
    await deliver(other, shipment(other, '0193a1c2-0000-7000-8000-00000000e106').cancelled());

    expect((await told(accepted.dossierCode)).map((row) => [row.template_key, row.channel, row.recipient])).toEqual([
      ['dossier.received', 'email', 'hoa@example.vn'],
      ['postal.order_failed', 'officer', COORDINATOR],
    ]);
    expect((await told(other.dossierCode)).map((row) => row.template_key)).toEqual(['dossier.received']);
  });

  // a delivery is not consumed at all (the applicant signed for it; no handler, so no binding)
  it('says nothing of a pick-up: no dossier, so no applicant record, and the event carries no contact', async () => {
    const accepted = aPostalDossier();
    const post = shipment(accepted, '0193a1c2-0000-7000-8000-00000000e104');
    const pickUp = event(ShipmentHandedOver, { ...post.handedOver(), direction: 'incoming', dossierCode: null });
    await deliver(accepted, pickUp);

    expect((await told(accepted.dossierCode)).map((row) => row.template_key)).toEqual(['dossier.received']);
    expect(await db.query(`SELECT 1 FROM shipment_news WHERE shipment_id = $1`, [pickUp.shipmentId])).toEqual([]);
  });

  it('offers the new templates to operators, with their SMS form, and previews them', async () => {
    const token = await service.token([Role.Admin], [TEST_DESK]);
    const { body } = await request(service.app.getHttpServer()).get('/api/v1/templates').auth(token, { type: 'bearer' }).expect(200);
    const keys = body.items.map((item: { key: string }) => item.key);
    expect(keys).toEqual(expect.arrayContaining(['postal.result_sent', 'postal.delivery_failed', 'postal.result_returned', 'postal.returned_to_desk']));
    const preview = await request(service.app.getHttpServer())
      .post('/api/v1/templates/postal.result_sent/preview')
      .send({
        values: {
          applicantName: 'Nguyễn Thị Hoa',
          dossierCode: 'X-1',
          procedure: 'Đăng ký khai sinh (1.001193)',
          receivingAgency: 'Sở Tư pháp',
          coordinator: 'cán bộ đầu mối của hồ sơ',
          appointmentAt: '17:00 ngày 10/12/2026',
          lookupUrl: 'https://dichvucong.hanoi.gov.vn/tra-cuu/X-1',
          waybill: 'EB123456789VN',
          occurredAt: '10:30 ngày 02/12/2026',
        },
      })
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(preview.body.sms).toBe(
      'Kết quả hồ sơ X-1 đã được gửi qua bưu điện, số vận đơn EB123456789VN. Tra cứu hồ sơ tại https://dichvucong.hanoi.gov.vn/tra-cuu/X-1',
    );
  });
});
