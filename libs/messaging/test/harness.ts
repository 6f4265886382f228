import { ConsoleLogger, Controller, Inject, Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EventClass } from '@motcua/contracts';
import { createHttpAdapter } from '@motcua/http';
import { RequestContext, type RequestContextValue } from '@motcua/observability';
import { IsInt, IsString, Min } from 'class-validator';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { AmqpContext, AmqpServer, MessagingModule, OutboxRelay, UnitOfWork, messagingEntities, messagingMigrations, type MessagingEnvironment } from '../src';

/** Test-only contracts, so the tests do not depend on the real ones changing. */
export class ParcelRegistered {
  static readonly type = 'test.parcel.registered';
  static readonly version = 1;

  @IsString()
  code: string;

  @IsInt()
  @Min(0)
  weight: number;
}

export class ParcelWeighed {
  static readonly type = 'test.parcel.weighed';
  static readonly version = 1;

  @IsString()
  code: string;
}

export class LetterPosted {
  static readonly type = 'mail.letter.posted';
  static readonly version = 2;

  @IsString()
  code: string;
}

export const TEST_EVENTS: ReadonlyMap<string, EventClass> = new Map<string, EventClass>(
  [ParcelRegistered, ParcelWeighed, LetterPosted].map((cls) => [cls.type, cls as EventClass]),
);

export function parcel(code: string, weight = 1): ParcelRegistered {
  return Object.assign(new ParcelRegistered(), { code, weight });
}

/** One handled delivery, as the handler saw it. */
export interface Seen {
  type: string;
  code: string;
  messageId: string;
  attempt: number;
  at: number;
  context: RequestContextValue | undefined;
  amqpCorrelationId: string | undefined;
  headers: Record<string, unknown>;
}

/** What the test app's handlers do and record; the test sets `behaviour` to make them fail or publish. */
export class Recorder {
  readonly seen: Seen[] = [];
  behaviour: (event: { code: string }, ctx: AmqpContext) => Promise<void> = async () => undefined;

  of(type: string): Seen[] {
    return this.seen.filter((s) => s.type === type);
  }
}

const RECORDER = Symbol('RECORDER');

@Controller()
class TestHandlers {
  constructor(@Inject(RECORDER) private readonly recorder: Recorder) {}

  @EventPattern<string>(ParcelRegistered.type)
  async onRegistered(@Payload() event: ParcelRegistered, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.handle(ParcelRegistered.type, event, ctx);
  }

  @EventPattern<string>(ParcelWeighed.type)
  async onWeighed(@Payload() event: ParcelWeighed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.handle(ParcelWeighed.type, event, ctx);
  }

  @EventPattern<string>(LetterPosted.type)
  async onLetter(@Payload() event: LetterPosted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.handle(LetterPosted.type, event, ctx);
  }

  private async handle(type: string, event: { code: string }, ctx: AmqpContext): Promise<void> {
    const message = ctx.getMessage();
    this.recorder.seen.push({
      type,
      code: event.code,
      messageId: message.properties.messageId as string,
      attempt: ctx.getAttempt(),
      at: Date.now(),
      context: RequestContext.current(),
      amqpCorrelationId: message.properties.correlationId as string | undefined,
      headers: { ...(message.properties.headers ?? {}) },
    });
    // The effect the tests count: written in the handler's transaction, so it commits with the inbox row.
    await ctx.transaction.manager.query(`INSERT INTO test_effect (type, code, message_id) VALUES ($1, $2, $3)`, [
      type,
      event.code,
      message.properties.messageId,
    ]);
    await this.recorder.behaviour(event, ctx);
  }
}

export class CreateTestEffects1764140000999 implements MigrationInterface {
  name = 'CreateTestEffects1764140000999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE test_effect (id serial PRIMARY KEY, type text NOT NULL, code text NOT NULL, message_id text NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE test_effect`);
  }
}

export interface TestService {
  readonly app: INestApplication;
  readonly recorder: Recorder;
  readonly unitOfWork: UnitOfWork;
  readonly relay: OutboxRelay;
  readonly server: AmqpServer;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

const quiet: LoggerService = {
  log: () => undefined,
  warn: () => undefined,
  // Set MESSAGING_TEST_LOGS=1 to see what the transport says while a test runs.
  error: (...args: unknown[]) => (process.env.MESSAGING_TEST_LOGS ? console.error(...args) : undefined),
  debug: () => undefined,
  verbose: () => undefined,
};

/** A small real app: TypeORM on its own database, the messaging module, the test handlers, the AMQP server. */
export async function startService(options: {
  service: string;
  bindings: string[];
  databaseUrl: string;
  environment: Partial<MessagingEnvironment>;
  consume?: boolean;
}): Promise<TestService> {
  const recorder = new Recorder();

  @Module({ controllers: [TestHandlers], providers: [{ provide: RECORDER, useValue: recorder }] })
  class TestHandlersModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: options.databaseUrl,
        entities: messagingEntities,
        migrations: [...messagingMigrations, CreateTestEffects1764140000999],
        migrationsRun: true,
        synchronize: false,
        logging: false,
        extra: { max: 10 },
      }),
      MessagingModule.forService({
        service: options.service,
        bindings: options.bindings,
        events: TEST_EVENTS,
        environment: options.environment,
      }),
      TestHandlersModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication(createHttpAdapter(), { logger: process.env.MESSAGING_TEST_LOGS ? new ConsoleLogger() : quiet });
  if (options.consume !== false) {
    app.connectMicroservice({ strategy: app.get(AmqpServer) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.init();
  let closed = false;
  return {
    app,
    recorder,
    unitOfWork: app.get(UnitOfWork),
    relay: app.get(OutboxRelay),
    server: app.get(AmqpServer),
    dataSource: app.get(DataSource),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

export async function effects(service: TestService): Promise<{ type: string; code: string; message_id: string }[]> {
  return service.dataSource.query(`SELECT type, code, message_id FROM test_effect ORDER BY id`);
}

export async function unsentCount(service: TestService): Promise<number> {
  const [row] = (await service.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL`)) as { n: number }[];
  return row.n;
}
export { eventually } from '@motcua/testing';
