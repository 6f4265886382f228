import { readEnvironment } from '@motcua/config';
import type { EventClass } from '@motcua/contracts';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { parseRetryDelays } from './retry-policy';
import { DEFAULT_RETRY_DELAYS_MS } from './topology';

/**
 * The messaging variables, read once at start with `readEnvironment` (a bad value stops the service, named).
 * The explicit types are needed: `design:type` metadata drives the conversion of the string values.
 */
export class MessagingEnvironment {
  @Matches(/^amqps?:\/\//, { message: 'must be an amqp:// or amqps:// URL' })
  AMQP_URL: string = 'amqp://guest:guest@127.0.0.1:5672';

  /** Prepended to every exchange and queue name, so parallel test runs never share topology. */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may hold only letters, digits, ".", "_" and "-"' })
  MESSAGING_PREFIX: string = '';

  /** Unacknowledged deliveries per consumer. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  MESSAGING_PREFETCH: number = 64;

  /**
   * Consumer transactions running at once (each takes a database connection). Two: one may wait on a lock while the
   * other goes on, and under load each takes more of what has queued, so a batch's fixed statements (BEGIN, inbox,
   * COMMIT) are shared by more messages (docs/adr/021-round-trips.md: 4 → 2 cut CPU per routed dossier by a fifth).
   */
  @IsInt()
  @Min(1)
  @Max(100)
  MESSAGING_CONSUMER_CONCURRENCY: number = 2;

  /** Most deliveries applied in one consumer transaction when they queue up; 1 applies each on its own. */
  @IsInt()
  @Min(1)
  @Max(1000)
  MESSAGING_BATCH_SIZE: number = 32;

  /** One retry tier (delay queue) per entry, in milliseconds. */
  @Matches(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, { message: 'must be a comma-separated list of milliseconds' })
  MESSAGING_RETRY_DELAYS_MS: string = DEFAULT_RETRY_DELAYS_MS.join(',');

  /** First delivery plus retries; after that the message is parked. */
  @IsInt()
  @Min(1)
  MESSAGING_MAX_ATTEMPTS: number = 4;

  /** Fallback poll of the outbox; the relay is normally woken at once after a commit. */
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE: number = 200;

  /** Sent outbox rows (and inbox ids) older than this are purged. */
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_HOURS: number = 168;
}

export interface MessagingOptions {
  /** 'intake' | 'workflow' | ...: names the service's queues and is the AMQP appId of what it publishes. */
  service: string;
  /**
   * Routing-key patterns to bind the inbox to. Left out (what services do), the inbox is bound to exactly the
   * event types of the service's `@EventPattern` handlers: a new handler is all it takes to receive an event,
   * and nothing else arrives. Explicit patterns are for tests and tools.
   */
  bindings?: string[];
  /** Registry used to validate arriving payloads; default EVENT_CLASSES. */
  events?: ReadonlyMap<string, EventClass>;
  /** Overrides of the environment (tests). */
  environment?: Partial<MessagingEnvironment>;
}

/** The resolved settings every messaging provider shares. */
export class MessagingConfig {
  constructor(
    readonly service: string,
    /** null: bind the inbox to the handled event types. */
    readonly bindings: readonly string[] | null,
    readonly events: ReadonlyMap<string, EventClass>,
    readonly amqpUrl: string,
    readonly prefix: string,
    readonly prefetch: number,
    readonly consumerConcurrency: number,
    readonly consumerBatchSize: number,
    readonly retryDelaysMs: readonly number[],
    readonly maxAttempts: number,
    readonly pollIntervalMs: number,
    readonly batchSize: number,
    readonly retentionHours: number,
  ) {}

  static resolve(options: MessagingOptions, events: ReadonlyMap<string, EventClass>, source: NodeJS.ProcessEnv = process.env): MessagingConfig {
    if (!/^[a-z][a-z0-9-]*$/.test(options.service)) {
      throw new Error(`MessagingModule: service "${options.service}" must be lower-case letters, digits and "-"`);
    }
    const overrides = Object.fromEntries(
      Object.entries(options.environment ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, String(value)]),
    );
    const env = readEnvironment(MessagingEnvironment, { ...source, ...overrides });
    return new MessagingConfig(
      options.service,
      options.bindings ? [...options.bindings] : null,
      events,
      env.AMQP_URL,
      env.MESSAGING_PREFIX,
      env.MESSAGING_PREFETCH,
      env.MESSAGING_CONSUMER_CONCURRENCY,
      env.MESSAGING_BATCH_SIZE,
      parseRetryDelays(env.MESSAGING_RETRY_DELAYS_MS),
      env.MESSAGING_MAX_ATTEMPTS,
      env.OUTBOX_POLL_INTERVAL_MS,
      env.OUTBOX_BATCH_SIZE,
      env.OUTBOX_RETENTION_HOURS,
    );
  }
}
