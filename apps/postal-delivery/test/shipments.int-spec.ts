import { randomUUID } from 'node:crypto';
import { ReturnMethod } from '@motcua/contracts';
import { eventually, useServiceApp, aDossierAccepted } from '@motcua/testing';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';

describe('postal-delivery: accepted dossiers', () => {
  const { service, db, server } = useServiceApp({ service: SERVICE, module: AppModule, entities, migrations });

  const inboxHas = async (messageId: string): Promise<boolean> =>
    ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [messageId])) as unknown[]).length === 1;

  /** Publishes the deliveries, waits until the consumer has settled each one, and returns how the counts moved. */
  async function deliver(...deliveries: [event: object, messageId?: string][]) {
    const before = { ...server.counts };
    for (const [event, messageId] of deliveries) await service.publish(event, messageId);
    const settled = () => server.counts.handled + server.counts.duplicate + server.counts.parked;
    await eventually(() => settled() >= before.handled + before.duplicate + before.parked + deliveries.length, 'the deliveries to settle');
    return {
      handled: server.counts.handled - before.handled,
      duplicate: server.counts.duplicate - before.duplicate,
      retried: server.counts.retried - before.retried,
      parked: server.counts.parked - before.parked,
    };
  }

  it('consumes a dossier whose result is returned at the desk', async () => {
    const messageId = randomUUID();
    const moved = await deliver([aDossierAccepted({ returnMethod: ReturnMethod.Desk }), messageId]);

    expect(moved).toEqual({ handled: 1, duplicate: 0, retried: 0, parked: 0 });
    expect(await inboxHas(messageId)).toBe(true);
  });

  it('consumes a dossier whose result goes by post', async () => {
    const messageId = randomUUID();
    const moved = await deliver([aDossierAccepted({ returnMethod: ReturnMethod.Post }), messageId]);

    expect(moved).toEqual({ handled: 1, duplicate: 0, retried: 0, parked: 0 });
    expect(await inboxHas(messageId)).toBe(true);
  });

  it('handles the same message once and recognises its redelivery as a duplicate', async () => {
    const accepted = aDossierAccepted({ returnMethod: ReturnMethod.Post });
    const messageId = randomUUID();
    const moved = await deliver([accepted, messageId], [accepted, messageId]);

    expect(moved).toEqual({ handled: 1, duplicate: 1, retried: 0, parked: 0 });
    expect(await inboxHas(messageId)).toBe(true);
  });
});
