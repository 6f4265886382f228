import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';

/** Webhook subscriptions and their sender (validated at start). */
export class WebhookEnvironment {
  /** 'true' lets a subscription send over plain http to 127.0.0.1 or localhost: development only; https otherwise. */
  @IsIn(['true', 'false']) WEBHOOK_ALLOW_LOCAL_HTTP = 'false';
  /** A subscription is disabled after this many failed deliveries in a row… */
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) WEBHOOK_DISABLE_AFTER_FAILURES = 20;
  /** …spanning at least this many hours (fractions allowed; 0: the count alone). */
  @Type(() => Number) @IsNumber() @Min(0) @Max(8_760) WEBHOOK_DISABLE_AFTER_HOURS = 24;
  /** How soon another instance's change of a subscription is seen by this one's fan-out (its own changes at once). */
  @Type(() => Number) @IsInt() @Min(100) @Max(60_000) WEBHOOK_SUBSCRIPTIONS_REFRESH_MS = 1_000;
}
