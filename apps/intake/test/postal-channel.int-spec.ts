import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import { ShipmentCreated, ShipmentDelivered, ShipmentDeliveryFailed, ShipmentHandedOver, type ShipmentState, event } from '@motcua/contracts';
import { aDeliveryAddress, aSubmission, callApi, eventually, publishEvent, useSuite } from '@motcua/testing';

/**
 * The public postal service (Decision 45/2016) at the desk: a result returned by post needs an address the post can
 * reach, a dossier the post brought names its pick-up, and the result's way to the applicant shows beside the status.
 */
describe('intake and the post', () => {
  const desk = '004.01.20.H26'; // Ủy ban nhân dân phường Trúc Bạch (seed code)
  const running = useSuite('postal-channel', ['intake', 'workflow']);
  const { suite } = running;
  const db = running.db('intake');
  let receiver: string;

  beforeAll(async () => {
    // Workflow filled intake's catalogue replica (intake is ready only then); this test plays workflow's and the post's part.
    await suite.crash('workflow');
    receiver = await running.anOfficer(desk, Role.Receiver);
  });

  const lan = { desk, wardCode: '00004', fullName: 'Nguyễn Thị Lan', applicant: { phone: '0912345678' } };
  const submit = (body: object) => callApi('POST', running.api('intake')('/dossiers'), receiver, body);
  const record = async (code: string) => (await callApi('GET', running.api('intake')(`/dossiers/${code}`), receiver)).body;
  const counts = async () =>
    (
      await db.query<{ dossiers: number; events: number }>(
        `SELECT (SELECT count(*) FROM dossier)::int AS dossiers, (SELECT count(*) FROM outbox_message WHERE type = 'intake.dossier.accepted')::int AS events`,
      )
    ).rows[0];
  const accepted = async (code: string) =>
    (await db.query<{ payload: any }>(`SELECT payload FROM outbox_message WHERE type = 'intake.dossier.accepted' AND payload->>'dossierCode' = $1`, [code]))
      .rows[0]?.payload;

  /** The submission is refused with `code`, naming `field`, and nothing is stored or published. */
  async function refused(body: object, status: number, code: string, field: string): Promise<void> {
    const before = await counts();
    const answer = await submit(body);
    expect([answer.status, answer.headers.get('content-type')]).toEqual([status, expect.stringMatching(/^application\/problem\+json/)]);
    expect(answer.body).toMatchObject({ code, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(await counts()).toEqual(before);
  }

  describe('the delivery address at receipt', () => {
    it('refuses a post return without an address, naming the field', async () => {
      const { deliveryAddress: _, ...withoutAddress } = aSubmission({ ...lan, returnMethod: 'post' });
      await refused(withoutAddress, 422, 'DOSSIER.DELIVERY_ADDRESS_REQUIRED', 'deliveryAddress');
    });

    it('refuses an address in a ward the catalogue does not know', async () => {
      await refused(
        aSubmission({ ...lan, returnMethod: 'post', deliveryAddress: aDeliveryAddress({ wardCode: '99999' }) }),
        422,
        'DOSSIER.DELIVERY_WARD_UNKNOWN',
        'deliveryAddress.wardCode',
      );
    });

    it('refuses an address without a phone the postman can call', async () => {
      const { phone: _, ...withoutPhone } = aDeliveryAddress();
      await refused(aSubmission({ ...lan, returnMethod: 'post', deliveryAddress: withoutPhone }), 400, 'REQUEST.INVALID', 'deliveryAddress.phone');
      await refused(
        aSubmission({ ...lan, returnMethod: 'post', deliveryAddress: aDeliveryAddress({ phone: '12345' }) }),
        400,
        'REQUEST.INVALID',
        'deliveryAddress.phone',
      );
    });

    it('refuses an address given with a return at the desk: the frontend has a bug', async () => {
      await refused(
        aSubmission({ ...lan, returnMethod: 'desk', deliveryAddress: aDeliveryAddress() }),
        422,
        'DOSSIER.DELIVERY_ADDRESS_NOT_EXPECTED',
        'deliveryAddress',
      );
    });

    it('stores a good address, shows it to the officer, and carries it on the accepted dossier', async () => {
      const deliveryAddress = aDeliveryAddress({ recipient: 'Trần Văn Nam', phone: '+84912345678', wardCode: '00016' });
      const { status, body } = await submit(aSubmission({ ...lan, returnMethod: 'post', deliveryAddress }));
      expect(status).toBe(201);
      expect(body).toMatchObject({ returnMethod: 'post', deliveryAddress, pickupWaybill: null, postal: null });
      expect((await record(body.code)).deliveryAddress).toEqual(deliveryAddress);
      expect(await accepted(body.code)).toMatchObject({ returnMethod: 'post', deliveryAddress });
      expect(await accepted(body.code)).not.toHaveProperty('pickupWaybill');
    });

    it('never shows the address in the citizen’s lookup', async () => {
      const { body } = await submit(aSubmission({ ...lan, returnMethod: 'post' }));
      const lookup = await callApi('GET', running.api('intake')(`/dossiers/${body.code}`), '', undefined, { 'x-lookup-secret': body.lookupSecret });
      expect(lookup.status).toBe(200);
      expect(lookup.body).toMatchObject({ result: { method: 'post' }, postal: null });
      expect(JSON.stringify(lookup.body)).not.toContain('Phó Đức Chính');
    });
  });

  describe('a dossier the post brought (channel 3)', () => {
    it('keeps the pick-up waybill, shows it to the officer and carries it on the accepted dossier', async () => {
      const { status, body } = await submit(aSubmission({ ...lan, channel: 3, pickupWaybill: 'EB123456789VN' }));
      expect(status).toBe(201);
      expect((await record(body.code)).pickupWaybill).toBe('EB123456789VN');
      expect(await accepted(body.code)).toMatchObject({ channel: 3, pickupWaybill: 'EB123456789VN' });
      expect(await accepted(body.code)).not.toHaveProperty('deliveryAddress');
    });

    it('refuses a pick-up waybill on another channel, and one of the wrong shape', async () => {
      await refused(aSubmission({ ...lan, channel: 1, pickupWaybill: 'EB123456789VN' }), 422, 'DOSSIER.PICKUP_WAYBILL_NOT_POST', 'pickupWaybill');
      await refused(aSubmission({ ...lan, channel: 3, pickupWaybill: 'EB-1234' }), 400, 'REQUEST.INVALID', 'pickupWaybill');
    });
  });

  describe('the result on its way by post', () => {
    /** Publishes through the broker and waits until intake has consumed it. */
    async function deliver(message: object, messageId = randomUUID()): Promise<void> {
      await publishEvent(suite.prefix, message, messageId);
      await eventually(
        async () => ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [messageId])).rowCount === 1 ? true : undefined),
        `message ${messageId} to be consumed`,
      );
    }

    const shipmentId = randomUUID();
    const fact = (code: string, sequence: number, state: ShipmentState, minute: number) => ({
      shipmentId,
      direction: 'outgoing' as const,
      dossierCode: code,
      waybill: 'EB987654321VN',
      agencyCode: desk,
      state,
      sequence,
      occurredAt: `2026-12-03T0${minute}:00:00.000Z`,
    });

    it('follows the shipment in its order, ignores a stale fact, applies a repeated one once, and leaves the status to workflow', async () => {
      const { body } = await submit(aSubmission({ ...lan, returnMethod: 'post' }));
      const code = body.code as string;
      await deliver(event(ShipmentCreated, { ...fact(code, 1, 'created', 1), codAmount: 0, postalFee: 25_000 }));
      await deliver(event(ShipmentHandedOver, { ...fact(code, 2, 'picked_up', 2), actorId: `${desk}.returner.1` }));
      expect((await record(code)).postal).toEqual({
        waybill: 'EB987654321VN',
        state: 'picked_up',
        stateName: 'Đã giao cho bưu điện',
        updatedAt: '2026-12-03T09:00:00.000+07:00',
      });

      // the delivery (4) comes before the failed attempt (3): the failure, older, changes nothing
      const delivered = event(ShipmentDelivered, { ...fact(code, 4, 'delivered', 4), receivedBy: 'Nguyễn Thị Lan' });
      const deliveredId = randomUUID();
      await deliver(delivered, deliveredId);
      await deliver(event(ShipmentDeliveryFailed, { ...fact(code, 3, 'delivery_failed', 3), reason: 'Không có người nhận' }));
      await deliver(delivered, deliveredId);
      const shown = await record(code);
      expect(shown.postal).toMatchObject({ state: 'delivered', stateName: 'Đã phát thành công', updatedAt: '2026-12-03T11:00:00.000+07:00' });
      expect(shown.nationalStatus).toBe(2); // 10 is workflow's to say, when it closes the case
      expect(shown.history.map((h: any) => h.nationalStatus)).toEqual([2]);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM inbox_message WHERE message_id = $1`, [deliveredId]);
      expect(rows[0].n).toBe(1);

      const lookup = await callApi('GET', running.api('intake')(`/dossiers/${code}`), '', undefined, { 'x-lookup-secret': body.lookupSecret });
      expect(lookup.body.postal).toMatchObject({ waybill: 'EB987654321VN', state: 'delivered', stateName: 'Đã phát thành công' });
    });
  });
});
