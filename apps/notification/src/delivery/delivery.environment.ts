import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** How the dispatcher sends: polling, batches, leases, retries, circuits and rate limits (validated at start). */
export class DeliveryEnvironment {
  /** How often each channel's dispatcher looks for due messages when it found none. 0 turns dispatch off. */
  @Type(() => Number) @IsInt() @Min(0) @Max(60_000) DELIVERY_POLL_INTERVAL_MS = 100;
  /** At most this many messages taken at once per channel. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) DELIVERY_BATCH = 100;
  /** At most this many messages in flight at once per channel. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) DELIVERY_CONCURRENCY = 50;
  /** A provider that has not answered in this long has failed the attempt (transient). */
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) DELIVERY_SEND_TIMEOUT_MS = 10_000;
  /** How long a taken message is held by its dispatcher before another may take it (longer than a send). */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(3_600_000) DELIVERY_LEASE_MS = 30_000;
  /** Attempts before a transient failure fails the message. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100) DELIVERY_MAX_ATTEMPTS = 10;
  /** The first retry waits up to this long (exponential, full jitter). */
  @Type(() => Number) @IsInt() @Min(10) @Max(3_600_000) DELIVERY_RETRY_BASE_MS = 2_000;
  /** No retry waits longer than this. */
  @Type(() => Number) @IsInt() @Min(10) @Max(86_400_000) DELIVERY_RETRY_MAX_MS = 600_000;
  /** Transient failures in a row that open a channel's circuit. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) DELIVERY_CIRCUIT_FAILURES = 5;
  /** How long an open circuit waits before a probe; doubles while the provider stays down, up to the maximum. */
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) DELIVERY_CIRCUIT_OPEN_MS = 5_000;
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) DELIVERY_CIRCUIT_MAX_OPEN_MS = 60_000;
  /** Messages a second per channel and per notification process (a brandname quota is divided by the replicas). */
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) EMAIL_RATE_PER_SECOND = 400;
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) SMS_RATE_PER_SECOND = 300;
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) WEBHOOK_RATE_PER_SECOND = 200;
}
