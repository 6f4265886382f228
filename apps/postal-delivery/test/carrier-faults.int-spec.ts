import { randomUUID } from 'node:crypto';
import { NationalStatus, ReturnMethod, TaskCompleted, event } from '@motcua/contracts';
import { type AnyJson, aDossierAccepted, eventually, publishEvent, useSuite } from '@motcua/testing';
import { type RunningPostalCarrierSimulator, startPostalCarrierSimulator } from '../../../simulators/postal-carrier/postal-carrier-simulator';

const TOKEN = 'integration-carrier-token';
const SECRET = 'integration-carrier-callback-secret';
const DESK = '016.01.20.H26'; // Ủy ban nhân dân phường Ngọc Hà (seed)
const WARD = '00016';

/** Postal killed between the carrier's order and our record of it: one waybill, and it goes on ordering afterwards. */
describe('postal-delivery: a crash mid-order', () => {
  let carrier: RunningPostalCarrierSimulator;

  beforeAll(async () => {
    carrier = await startPostalCarrierSimulator({ token: TOKEN, callbackSecret: SECRET, callbackRetryMs: 50 });
  });
  afterAll(async () => {
    await carrier?.close();
  });

  const running = useSuite('postal-crash', ['workflow', 'postal-delivery'], () => ({
    CARRIER_URL: carrier.url,
    CARRIER_TOKEN: TOKEN,
    CARRIER_CALLBACK_SECRET: SECRET,
    CARRIER_TIMEOUT_MS: '500',
    CARRIER_RETRY_BASE_MS: '100',
    CARRIER_RETRY_MAX_MS: '300',
    CARRIER_POLL_INTERVAL_MS: '50',
    CARRIER_LEASE_MS: '1000',
  }));
  const { suite } = running;
  const db = running.db('postal-delivery');

  beforeAll(async () => {
    await suite.crash('workflow');
    carrier.control({ callbackUrl: `${suite.url('postal-delivery')}/api/v1/carrier/callbacks` });
  });

  const address = { recipient: 'Đỗ Quang Huy', phone: '0987654321', street: 'Số 5 ngõ 12 phố Đội Cấn', wardCode: WARD };
  const acceptedByPost = () =>
    aDossierAccepted({ receivingAgencyCode: DESK, returnMethod: ReturnMethod.Post, deliveryAddress: address, applicant: { wardCode: WARD } });
  const signed = (dossierCode: string) =>
    event(TaskCompleted, {
      dossierCode,
      nationalStatus: NationalStatus.Processed,
      sequence: 7,
      occurredAt: new Date().toISOString(),
      taskId: randomUUID(),
      stepNumber: 2,
      stepName: 'Lãnh đạo Ủy ban nhân dân cấp xã ký giấy khai sinh',
      agencyCode: DESK,
      action: 'sign',
      actorId: 'lanh-dao-ngoc-ha',
      note: null,
      coordinatorId: 'officer-1',
    });
  /** What postal holds of the dossier's shipment and its order (for the message of a wait that times out). */
  const shipmentOf = async (dossierCode: string): Promise<AnyJson | undefined> => {
    const { rows } = await db.query(
      `SELECT s.id, s.state, s.waybill, r.status AS "orderStatus", r.attempts, r.last_error AS "lastError"
         FROM shipment s LEFT JOIN carrier_request r ON r.shipment_id = s.id AND r.kind = 'create' WHERE s.dossier_code = $1`,
      [dossierCode],
    );
    return rows[0];
  };
  const inState = async (dossierCode: string, state: string) => {
    let last: AnyJson | undefined;
    return eventually(
      async () => {
        last = await shipmentOf(dossierCode);
        return last?.state === state ? last : undefined;
      },
      `the shipment of ${dossierCode} to be ${state} (last seen: ${JSON.stringify(last)})`,
      30_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; last seen: ${JSON.stringify(last)}`);
    });
  };
  const announced = async (shipmentId: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM outbox_message WHERE payload->>'shipmentId' = $1 ORDER BY (payload->>'sequence')::int`, [shipmentId])).rows.map(
      (r) => r.type as string,
    );

  it('makes one waybill when postal dies after the carrier made the order and before it recorded the answer', async () => {
    carrier.control({ mode: 'slow', delayMs: 3_000, count: 1 });
    const accepted = acceptedByPost();
    await publishEvent(suite.prefix, accepted);
    await publishEvent(suite.prefix, signed(accepted.dossierCode));
    await eventually(async () => (carrier.orders(accepted.dossierCode).length === 1 ? true : undefined), 'the carrier to have the order');
    await suite.crash('postal-delivery');
    await suite.restart('postal-delivery');
    carrier.control({ callbackUrl: `${suite.url('postal-delivery')}/api/v1/carrier/callbacks` });

    const shipment = await inState(accepted.dossierCode, 'created');
    const orders = carrier.orders(accepted.dossierCode);
    expect(orders).toHaveLength(1);
    expect(orders[0].ItemCode).toBe(shipment.waybill);
    expect(await announced(shipment.id)).toEqual(['postal.shipment.created']);
  });

  it('orders the next result as usual once restarted', async () => {
    const accepted = acceptedByPost();
    await publishEvent(suite.prefix, accepted);
    await publishEvent(suite.prefix, signed(accepted.dossierCode));
    const shipment = await inState(accepted.dossierCode, 'created');
    expect(carrier.orders(accepted.dossierCode).map((o) => o.ItemCode)).toEqual([shipment.waybill]);
  });
});
