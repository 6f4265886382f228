import {
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EVENT_CLASSES } from '@motcua/contracts';
import { AmqpConnection } from './amqp-connection';
import { AmqpServer } from './amqp-server';
import { HandlerFailureInterceptor } from './handler-failure.interceptor';
import { MessagingConfig, type MessagingOptions } from './messaging.environment';
import { MessagingReadiness } from './messaging-readiness';
import { OutboxRelay } from './outbox/outbox-relay';
import { UnitOfWork } from './unit-of-work';

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
const STARTUP_WAIT_MS = 5_000;

/**
 * The RabbitMQ transport, outbox and inbox for one service. Needs a TypeORM `DataSource` in the app (with
 * `messagingEntities` and `messagingMigrations` registered).
 *
 * Lifecycle: the connection opens at module init without waiting for the broker (the service keeps taking
 * work into its outbox while the broker is away); the relay starts at bootstrap. At shutdown the consumer stops
 * and drains its in-flight messages, then the relay finishes its batch, then the connection closes.
 */
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('MessagingModule');

  constructor(
    private readonly connection: AmqpConnection,
    private readonly relay: OutboxRelay,
    private readonly server: AmqpServer,
  ) {}

  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MessagingConfig,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => MessagingConfig.resolve(o, o.events ?? EVENT_CLASSES),
        },
        AmqpConnection,
        OutboxRelay,
        UnitOfWork,
        AmqpServer,
        MessagingReadiness,
        { provide: APP_INTERCEPTOR, useClass: HandlerFailureInterceptor },
      ],
      exports: [MessagingConfig, AmqpConnection, UnitOfWork, AmqpServer, OutboxRelay, MessagingReadiness],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.connection.open();
    // Give the broker a moment so a normal start is deterministic (topology declared, consumers up before the
    // app reports ready); a broker that stays away does not stop the service.
    await this.connection.waitUntilConnected(STARTUP_WAIT_MS).catch((err: Error) => this.logger.warn(`${err.message}; starting anyway`));
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Stop taking messages and let in-flight handlers commit and ack, then stop relaying. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.server.close();
    await this.relay.stop();
  }

  /** Last, once nothing uses it any more: the connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
