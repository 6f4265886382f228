import { Role } from '@motcua/auth';
import { type AnyJson, callApi, eventually, receiveDossier, taskInQueue, useSuite } from '@motcua/testing';
import { type RunningPostalCarrierSimulator, startPostalCarrierSimulator } from '../simulators/postal-carrier/postal-carrier-simulator';
import { type RunningSmsGatewaySimulator, startSmsGatewaySimulator } from '../simulators/sms-gateway/sms-gateway-simulator';
import { type SmtpSimulator, startSmtpSimulator } from '../simulators/smtp/smtp-simulator';

/**
 * The result by post, end to end: a birth registration received at the Ngọc Hà ward desk with return by post is
 * walked to signing by the ward's officers; postal-delivery orders it from the carrier (the simulator, in this
 * test's process, over HTTP), the desk's returner hands it to the postman, and the carrier's signed callbacks carry
 * it to the applicant. Intake, workflow, notification and postal-delivery run as processes on the real broker and
 * databases; the carrier, the SMTP server and the SMS gateway run here.
 */
describe('a result returned by post, from the desk to the applicant’s door', () => {
  const CARRIER_TOKEN = 'postal-return-carrier-token';
  const CARRIER_SECRET = 'postal-return-carrier-callback-secret';
  const SMS_API_KEY = 'postal-return-sms-api-key';
  const SMS_SECRET = 'postal-return-sms-callback-secret';
  const NGOC_HA = '016.01.20.H26'; // Ủy ban nhân dân phường Ngọc Hà (seed): birth registration, received and decided at the ward
  const WARD = '00016';

  // the providers first: useSuite's env function runs in its beforeAll, after this one
  let carrier: RunningPostalCarrierSimulator;
  let smtp: SmtpSimulator;
  let gateway: RunningSmsGatewaySimulator;
  beforeAll(async () => {
    carrier = await startPostalCarrierSimulator({ token: CARRIER_TOKEN, callbackSecret: CARRIER_SECRET, callbackRetryMs: 50 });
    smtp = await startSmtpSimulator();
    gateway = await startSmsGatewaySimulator({ apiKey: SMS_API_KEY, callbackSecret: SMS_SECRET, reportDelayMs: 50 });
  });

  const fixture = useSuite('postal-return', ['intake', 'workflow', 'notification', 'postal-delivery'], () => ({
    CARRIER_URL: carrier.url,
    CARRIER_TOKEN,
    CARRIER_CALLBACK_SECRET: CARRIER_SECRET,
    CARRIER_TIMEOUT_MS: '500',
    CARRIER_RETRY_BASE_MS: '100',
    CARRIER_RETRY_MAX_MS: '300',
    CARRIER_POLL_INTERVAL_MS: '50',
    RECONCILE_INTERVAL_MS: '200',
    RECONCILE_AFTER_MS: '1500',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.smtpPort),
    SMS_GATEWAY_URL: gateway.url,
    SMS_GATEWAY_API_KEY: SMS_API_KEY,
    SMS_CALLBACK_SECRET: SMS_SECRET,
    DELIVERY_POLL_INTERVAL_MS: '20',
  }));
  const { suite } = fixture;
  const intake = fixture.api('intake');
  const workflow = fixture.api('workflow');
  const postal = fixture.api('postal-delivery');
  let returner: string;
  let receiver: string;

  // postal and notification listen only now
  beforeAll(async () => {
    carrier.control({ callbackUrl: `${suite.url('postal-delivery')}/api/v1/carrier/callbacks` });
    gateway.control({ callbackUrl: `${suite.url('notification')}/api/v1/delivery-reports/sms` });
    returner = await fixture.anOfficer(NGOC_HA, Role.Returner);
    receiver = await fixture.anOfficer(NGOC_HA, Role.Receiver);
  });

  afterAll(async () => {
    await carrier?.close();
    await smtp?.close();
    await gateway?.close();
  });

  /** Claims the dossier's task at the desk as officer 1 of `role` and ends it with `action`: the answer. */
  async function step(code: string, role: Role, action: string): Promise<AnyJson> {
    const token = await fixture.anOfficer(NGOC_HA, role);
    const task = await taskInQueue(fixture, code, NGOC_HA, token, 'none');
    expect(task).toMatchObject({ role, agencyCode: NGOC_HA });
    const claimed = await callApi('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version });
    expect(claimed.status).toBe(200);
    const done = await callApi('POST', workflow(`/tasks/${task.id}/actions`), token, { version: claimed.body.version, action });
    expect([action, done.status]).toEqual([action, 200]);
    return done.body;
  }

  const address = { recipient: 'Đỗ Quang Huy', phone: '0987654321', street: 'Số 5 ngõ 12 phố Đội Cấn', wardCode: WARD };

  /** A birth registration by post, received at the desk and signed by the ward's leader: its receipt. */
  async function signedByPost(email: string): Promise<{ code: string; lookupSecret: string }> {
    const receipt = await receiveDossier(fixture, {
      desk: NGOC_HA,
      wardCode: WARD,
      fullName: 'Đỗ Quang Huy',
      applicant: { email },
      returnMethod: 'post',
      deliveryAddress: address,
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ returnMethod: 'post', deliveryAddress: address });
    const code: string = receipt.body.code;
    await step(code, Role.Specialist, 'forward');
    const signed = await step(code, Role.Leader, 'sign');
    expect(signed.nationalStatus).toBe(9);
    return { code, lookupSecret: receipt.body.lookupSecret };
  }

  /** The dossier's outgoing shipment as the desk's returner lists it, once the carrier has given it a waybill. */
  const shipmentWithWaybill = (code: string) =>
    eventually(async () => {
      const { status, body } = await callApi('GET', postal(`/shipments?dossierCode=${encodeURIComponent(code)}&direction=outgoing`), returner);
      expect(status).toBe(200);
      return body.items.length === 1 && body.items[0].state === 'created' && body.items[0].waybill ? (body.items[0] as AnyJson) : undefined;
    }, `the shipment of ${code} with a waybill`);

  const record = async (code: string) => (await callApi('GET', intake(`/dossiers/${code}`), receiver)).body;
  const slip = async (code: string) => (await callApi('GET', workflow(`/dossiers/${code}/control-slip`), receiver)).body;
  const postalRows = async (code: string): Promise<AnyJson[]> => ((await slip(code)).rows ?? []).filter((r: AnyJson) => r.kind === 'postal');
  const log = async (code: string): Promise<AnyJson[]> => {
    const { status, body } = await callApi('GET', `${suite.url('notification')}/api/v1/notifications?dossierCode=${code}&limit=100`, receiver);
    expect(status).toBe(200);
    return body.items;
  };
  const tracking = (code: string, secret: string) =>
    callApi('GET', postal(`/tracking/${encodeURIComponent(code)}`), null, undefined, { 'x-lookup-secret': secret });

  /** Hands the shipment to the postman, the desk's returner recording it: the answer. */
  async function handOver(id: string): Promise<AnyJson> {
    const handed = await callApi('POST', postal(`/shipments/${id}/handover`), returner, { note: 'Đã ký phiếu bàn giao với bưu tá' });
    expect(handed.status).toBe(200);
    expect(handed.body.state).toBe('picked_up');
    return handed.body;
  }

  it('is ordered once, handed to the postman, delivered: returned (10) at the delivery time on every record, the applicant told the waybill', async () => {
    const email = `huy.postal.${Date.now()}@example.vn`;
    const { code, lookupSecret } = await signedByPost(email);

    // postal has the shipment with its waybill; the carrier has exactly one order, numbered by the dossier code
    const shipment = await shipmentWithWaybill(code);
    const waybill: string = shipment.waybill;
    expect(waybill).toMatch(/^E[A-Z]\d{9}VN$/);
    expect(shipment).toMatchObject({ direction: 'outgoing', dossierCode: code, orderNumber: code, agencyCode: NGOC_HA, procedureCode: '1.001193' });
    expect(shipment.receiver).toMatchObject({ name: address.recipient, phone: address.phone, wardCode: WARD });
    const orders = carrier.orders(code);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ ItemCode: waybill, IsPickup: false, duplicates: 0 });
    expect(orders[0].request).toMatchObject({ OrderNumber: code, ReceiverFullname: address.recipient, ReceiverTel: address.phone, ReceiverWardId: WARD });

    // the returner hands it over; the carrier carries it to the door
    await handOver(shipment.id);
    carrier.advance(waybill, { status: 'PICKED_UP' });
    carrier.advance(waybill, { status: 'IN_TRANSIT' });
    const delivered = carrier.advance(waybill, { status: 'DELIVERED', receiverName: address.recipient });
    const deliveredAt = Date.parse(delivered.EventTime);

    // intake: returned (10), its last status row at the carrier's delivery time, and the postal block delivered
    const returned = await eventually(async () => {
      const body = await record(code);
      return body.nationalStatus === 10 && body.postal?.state === 'delivered' ? body : undefined;
    }, `status 10 and the delivery on intake's record of ${code}`);
    expect(returned.postal).toMatchObject({ waybill, state: 'delivered', stateName: 'Đã phát thành công' });
    const last = returned.history.at(-1);
    expect(last.nationalStatus).toBe(10);
    expect(Date.parse(last.occurredAt)).toBe(deliveredAt);
    expect(returned.history.map((h: AnyJson) => h.nationalStatus).slice(-2)).toEqual([9, 10]);

    // workflow: the case closed as returned, and the slip's rows for the hand-over to the post and the delivery
    const closedSlip = await eventually(async () => {
      const body = await slip(code);
      return body.status === 'closed' && body.rows?.filter((r: AnyJson) => r.kind === 'postal').length >= 2 ? body : undefined;
    }, `the control slip of ${code} closed with the postal rows`);
    expect(closedSlip).toMatchObject({ nationalStatus: 10, outcome: 'returned' });
    const rows = closedSlip.rows.filter((r: AnyJson) => r.kind === 'postal');
    expect(rows.map((r: AnyJson) => r.outcome)).toEqual(['postal_handed_over', 'postal_delivered']);
    expect(rows.every((r: AnyJson) => r.shipment?.waybill === waybill && r.shipment?.shipmentId === shipment.id)).toBe(true);
    const [handedRow, deliveredRow] = rows;
    expect(handedRow).toMatchObject({ givenBy: `${NGOC_HA}.returner.1`, receivedBy: 'postal', agencyCode: NGOC_HA });
    expect(handedRow.receivedByName).toContain(waybill);
    expect(deliveredRow).toMatchObject({ givenBy: 'postal', note: `Người ký nhận: ${address.recipient}` });
    expect(Date.parse(deliveredRow.completedAt)).toBe(deliveredAt);
    // the returner's step ended by the post, at the delivery time
    const returnerRow = closedSlip.rows.filter((r: AnyJson) => r.kind === 'step').at(-1);
    expect(returnerRow).toMatchObject({ completedBy: 'postal' });
    expect(Date.parse(returnerRow.completedAt)).toBe(deliveredAt);

    // notification: the applicant is told the waybill when the postman took it, in the log and at the SMTP server
    const sent = await eventually(async () => {
      const found = (await log(code)).find((n) => n.templateKey === 'postal.result_sent');
      return found?.status === 'sent' || found?.status === 'delivered' ? found : undefined;
    }, `the applicant's hand-over message of ${code}`);
    expect(sent).toMatchObject({ channel: 'email', recipient: email });
    expect(sent.subject).toBe(`Hồ sơ ${code}: kết quả đã được gửi qua bưu điện, số vận đơn ${waybill}`);
    expect(sent.body).toContain(`- Số vận đơn: ${waybill}`);
    const mails = smtp.messages().filter((m) => m.to.includes(email));
    expect(mails.map((m) => m.subject)).toContain(sent.subject);
    const applicantKeys = (await log(code)).filter((n) => n.channel !== 'officer').map((n) => n.templateKey);
    expect(applicantKeys.filter((k) => k === 'postal.result_sent')).toHaveLength(1);
    // in order, each once; the delivery itself tells the applicant nothing (they signed for it)
    expect(applicantKeys).toEqual(['dossier.received', 'result.by_post', 'postal.result_sent']);

    // the applicant's tracking with the secret on the receipt; a wrong secret reads as no such dossier
    const tracked = await tracking(code, lookupSecret);
    expect(tracked.status).toBe(200);
    expect(tracked.body.dossierCode).toBe(code);
    expect(tracked.body.shipments).toHaveLength(1);
    expect(tracked.body.shipments[0]).toMatchObject({ waybill, state: 'delivered', stateName: 'Đã phát thành công' });
    expect(tracked.body.shipments[0].history.at(-1)).toMatchObject({ state: 'delivered' });
    expect(Date.parse(tracked.body.shipments[0].history.at(-1).at)).toBe(deliveredAt);
    expect(JSON.stringify(tracked.body)).not.toContain(address.phone); // no phone numbers, no officers
    expect(JSON.stringify(tracked.body)).not.toContain(`${NGOC_HA}.returner`);
    const wrong = await tracking(code, `${lookupSecret}x`);
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(wrong.body)).not.toContain(waybill);
  });

  it('fails at the door and comes back to the desk: still 9, the postal state returned; the returner hands it over in person (10)', async () => {
    const email = `huy.returned.${Date.now()}@example.vn`;
    const { code, lookupSecret } = await signedByPost(email);
    const shipment = await shipmentWithWaybill(code);
    const waybill: string = shipment.waybill;
    await handOver(shipment.id);
    carrier.advance(waybill, { status: 'PICKED_UP' });
    carrier.advance(waybill, { status: 'IN_TRANSIT' });
    carrier.advance(waybill, { status: 'DELIVERY_FAILED', note: 'Người nhận vắng nhà' });
    // days pass at a real carrier between the failed attempt and the return: the attempt is heard before the return
    // comes (a late one, after the shipment ended, would be kept as history only and told to nobody)
    await eventually(async () => {
      const body = await record(code);
      return body.postal?.state === 'delivery_failed' ? body : undefined;
    }, `the failed delivery on intake's record of ${code}`);
    carrier.advance(waybill, { status: 'RETURNED', note: 'Hoàn về người gửi sau 3 lần phát' });

    // intake: the postal state says returned; the status stays 9 (workflow has closed nothing)
    const back = await eventually(async () => {
      const body = await record(code);
      return body.postal?.state === 'returned' ? body : undefined;
    }, `the return on intake's record of ${code}`);
    expect(back.postal).toMatchObject({ waybill, state: 'returned' });
    const rows = await eventually(async () => {
      const found = await postalRows(code);
      return found.length >= 3 ? found : undefined;
    }, `the postal rows of ${code}'s slip`);
    expect(rows.map((r: AnyJson) => r.outcome)).toEqual(['postal_handed_over', 'postal_delivery_failed', 'postal_returned']);
    expect(rows[1].note).toBe('Người nhận vắng nhà');
    expect(rows[2]).toMatchObject({ givenBy: 'postal', receivedBy: NGOC_HA });
    // workflow decided on the return in the transaction that wrote its row: had it closed the case, its
    // case.closed would be on its way to intake; a moment for it to arrive before reading the status
    expect((await slip(code)).status).toBe('in_progress');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await record(code)).nationalStatus).toBe(9);
    expect((await tracking(code, lookupSecret)).body.shipments[0]).toMatchObject({ waybill, state: 'returned' });

    // the applicant is told to come to the desk; the coordinator, to take the parcel back
    const told = await eventually(async () => {
      const all = await log(code);
      const keys = all.map((n) => n.templateKey);
      return keys.includes('postal.result_returned') && keys.includes('postal.returned_to_desk') ? all : undefined;
    }, `the returned messages of ${code}`);
    expect(told.find((n) => n.templateKey === 'postal.result_returned')).toMatchObject({ channel: 'email', recipient: email });
    expect(told.find((n) => n.templateKey === 'postal.delivery_failed')?.body).toContain('Người nhận vắng nhà');

    // the applicant comes; the returner hands the result over at the desk, by workflow's normal action
    const handedOver = await step(code, Role.Returner, 'hand_over');
    expect(handedOver).toMatchObject({ status: 'done', nationalStatus: 10 });
    const done = await eventually(async () => {
      const body = await record(code);
      return body.nationalStatus === 10 ? body : undefined;
    }, `status 10 on intake's record of ${code}`);
    expect(done.postal).toMatchObject({ waybill, state: 'returned' }); // the post's state is history, unchanged
    expect(done.history.filter((h: AnyJson) => h.nationalStatus === 10)).toHaveLength(1);
    const closed = await slip(code);
    expect(closed).toMatchObject({ status: 'closed', nationalStatus: 10, outcome: 'returned' });
    expect(closed.rows.filter((r: AnyJson) => r.kind === 'step').at(-1)).toMatchObject({ outcome: 'hand_over', completedBy: `${NGOC_HA}.returner.1` });
  });
});
