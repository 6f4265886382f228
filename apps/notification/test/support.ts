import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Role } from '@motcua/auth';
import { createService } from '@motcua/bootstrap';
import { DossierAccepted, event, NationalStatus, ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import { AmqpConnection, AmqpServer, eventsExchangeName, MessageHeaders, topologyNames } from '@motcua/messaging';
import { createTestAuth, createTestDatabase, deleteTopology, uniquePrefix, withBrokerChannel } from '@motcua/testing';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';

/** The notification service as it runs in production (HTTP and consumer), on a fresh database and topology. */
export interface RunningNotificationService {
  readonly app: INestApplication;
  readonly prefix: string;
  /** An officer's token (of the receiving desk) with these roles; default: receiver. */
  token(roles?: Role[]): Promise<string>;
  /** Publishes an event straight to the exchange as the outbox relay would (persistent, typed, with an id). */
  publish(event: DossierAccepted, messageId?: string): Promise<string>;
  /** Messages the consumer has finished (applied or recognised as duplicates). */
  consumed(): number;
  stop(): Promise<void>;
}

export async function startNotificationService(): Promise<RunningNotificationService> {
  const database = await createTestDatabase(SERVICE);
  const prefix = uniquePrefix(SERVICE);
  const auth = createTestAuth();
  Object.assign(process.env, auth.env, {
    DATABASE_URL: database.url,
    MESSAGING_PREFIX: prefix,
    MESSAGING_RETRY_DELAYS_MS: '200',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  const cleanUp = async () => {
    await deleteTopology(topologyNames(prefix, [SERVICE], 1));
    await database.drop();
    auth.cleanup();
  };
  let app: INestApplication;
  try {
    app = await createService({
      service: SERVICE,
      title: 'notification (test)',
      description: 'notification under test',
      defaultPort: 0,
      module: AppModule,
      entities,
      migrations,
    });
    await app.init();
    // The connection opens without waiting; once it is up, the topology is declared and the consumer runs.
    await app.get(AmqpConnection).waitUntilConnected(10_000);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const server = app.get(AmqpServer);
  return {
    app,
    prefix,
    token: (roles = [Role.Receiver]) => auth.token({ subject: 'officer-1', roles, agencies: ['000.00.01.H26'] }),
    async publish(payload, messageId = randomUUID()) {
      await withBrokerChannel(async (channel) => {
        channel.publish(eventsExchangeName(prefix), DossierAccepted.type, Buffer.from(JSON.stringify(payload)), {
          messageId,
          type: DossierAccepted.type,
          correlationId: randomUUID(),
          timestamp: Math.floor(Date.now() / 1000),
          contentType: 'application/json',
          persistent: true,
          appId: 'intake',
          headers: { [MessageHeaders.version]: DossierAccepted.version, [MessageHeaders.attempt]: 1 },
        });
        await channel.waitForConfirms();
      });
      return messageId;
    },
    consumed: () => server.counts.handled + server.counts.duplicate,
    async stop() {
      await app.close();
      await cleanUp();
    },
  };
}

let dossierNumber = 0;

/** A dossier the desk of 000.00.01.H26 accepted; override what the scenario is about. */
export function aDossierAccepted(
  overrides: Partial<Omit<DossierAccepted, 'applicant'>> & { applicant?: Partial<DossierAccepted['applicant']> } = {},
): DossierAccepted {
  const { applicant, ...rest } = overrides;
  dossierNumber += 1;
  return event(DossierAccepted, {
    dossierCode: `000.00.01.H26-261126-${String(dossierNumber).padStart(4, '0')}`,
    nationalStatus: NationalStatus.Accepted,
    sequence: 1,
    occurredAt: '2026-11-26T02:05:00.000Z',
    procedureCode: '1.001193',
    channel: SubmissionChannel.InPerson,
    receivingAgencyCode: '000.00.01.H26',
    coordinatorId: 'officer-1',
    applicant: { fullName: 'Nguyễn Thị Hoa', wardCode: '00004', email: 'hoa@example.vn', phone: '0912345678', ...applicant },
    returnMethod: ReturnMethod.Desk,
    receivedAt: '2026-11-26T02:05:00.000Z',
    ...rest,
  });
}

/** Polls until `check` neither throws nor returns false, or fails with its last error after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | false> | T | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result as T;
      throw new Error('condition still false');
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
