import { type AnyJson, eventually, publishEvent, useSuite } from '@motcua/testing';
import { type RunningPostalCarrierSimulator, startPostalCarrierSimulator } from '../../../simulators/postal-carrier/postal-carrier-simulator';
import { SECRET, TOKEN, acceptedByPost, carrierEnv, signed } from './postal-fixture';

/** Postal killed between the carrier's order and our record of it: one waybill, and it goes on ordering afterwards. */
describe('postal-delivery: a crash mid-order', () => {
  let carrier: RunningPostalCarrierSimulator;

  beforeAll(async () => {
    carrier = await startPostalCarrierSimulator({ token: TOKEN, callbackSecret: SECRET, callbackRetryMs: 50 });
  });
  afterAll(async () => {
    await carrier?.close();
  });

  const running = useSuite('postal-crash', ['workflow', 'postal-delivery'], () => carrierEnv(carrier));
  const { suite } = running;
  const db = running.db('postal-delivery');

  beforeAll(async () => {
    await suite.crash('workflow');
    carrier.control({ callbackUrl: `${suite.url('postal-delivery')}/api/v1/carrier/callbacks` });
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
