import { isOnThisMachine } from '@motcua/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { PHONE_PATTERN } from '@motcua/contracts';

/** The local carrier simulator's credentials (simulators/postal-carrier): what a development machine runs against. */
export const SIMULATOR_TOKEN = 'motcua-dev-carrier-token';
export const SIMULATOR_CALLBACK_SECRET = 'motcua-dev-carrier-callback-secret';

/**
 * The carrier, as the city's contract with it says (validated at start): where its order API answers, the customer
 * code and token of this city's account, the secret its callbacks are signed with. The defaults are the local
 * simulator's; a carrier elsewhere needs its own token and secret (the service does not start otherwise).
 */
export class CarrierEnvironment {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  CARRIER_URL = 'http://127.0.0.1:3104';

  /** The city's customer code at the carrier (mã khách hàng), on every order. */
  @Matches(/^[A-Za-z0-9._-]{1,40}$/) CARRIER_CUSTOMER_CODE = 'HNI-MOTCUA';

  @IsString() @MinLength(8) CARRIER_TOKEN = SIMULATOR_TOKEN;

  /** The key of the HMAC-SHA256 the carrier signs each status callback with (`X-Signature`). */
  @IsString() @MinLength(16) CARRIER_CALLBACK_SECRET = SIMULATOR_CALLBACK_SECRET;

  /** The carrier's service for documents (BK: bưu kiện thường; EMS: chuyển phát nhanh). */
  @Matches(/^[A-Z0-9]{1,10}$/) CARRIER_SERVICE = 'EMS';

  /**
   * The phone on a waybill for a desk when neither it nor any agency above it has one in the catalogue (the city's
   * committee normally has). Unset: such an order goes without, and the carrier refuses it (the desk is told).
   */
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'POSTAL_DESK_PHONE_FALLBACK must be a phone the carrier takes: 0 or +84, then 9 or 10 digits' })
  POSTAL_DESK_PHONE_FALLBACK?: string;

  /** A sealed result's weight class, in grams. */
  @Type(() => Number) @IsInt() @Min(1) @Max(30_000) POSTAL_RESULT_WEIGHT_GRAMS = 250;
  /** A collected dossier's weight class, in grams. */
  @Type(() => Number) @IsInt() @Min(1) @Max(30_000) POSTAL_DOSSIER_WEIGHT_GRAMS = 500;

  /** A carrier that has not answered in this long has failed the call (transient). */
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) CARRIER_TIMEOUT_MS = 10_000;
  /** How often the dispatcher looks for calls due when it found none. 0 turns it off. */
  @Type(() => Number) @IsInt() @Min(0) @Max(60_000) CARRIER_POLL_INTERVAL_MS = 100;
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) CARRIER_BATCH = 100;
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) CARRIER_CONCURRENCY = 32;
  /** How long a taken call is held before another dispatcher may take it (longer than a call). */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(3_600_000) CARRIER_LEASE_MS = 30_000;
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) CARRIER_MAX_ATTEMPTS = 50;
  @Type(() => Number) @IsInt() @Min(10) @Max(3_600_000) CARRIER_RETRY_BASE_MS = 2_000;
  @Type(() => Number) @IsInt() @Min(10) @Max(86_400_000) CARRIER_RETRY_MAX_MS = 600_000;
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) CARRIER_CIRCUIT_FAILURES = 5;
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) CARRIER_CIRCUIT_OPEN_MS = 5_000;
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) CARRIER_CIRCUIT_MAX_OPEN_MS = 60_000;

  /** How often the reconciler looks for shipments whose callbacks stopped. 0 turns it off. */
  @Type(() => Number) @IsInt() @Min(0) @Max(3_600_000) RECONCILE_INTERVAL_MS = 30_000;
  /** A shipment on its way that has heard nothing for this long is tracked at the carrier. */
  @Type(() => Number) @IsInt() @Min(100) @Max(604_800_000) RECONCILE_AFTER_MS = 1_800_000;
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) RECONCILE_BATCH = 50;
}

/** The simulator's token and secret are in the source tree: used against a carrier not on this machine, each one is a problem. */
export function simulatorCredentialsElsewhere(env: Pick<CarrierEnvironment, 'CARRIER_URL' | 'CARRIER_TOKEN' | 'CARRIER_CALLBACK_SECRET'>): string[] {
  if (isOnThisMachine(env.CARRIER_URL)) return [];
  return [
    ...(env.CARRIER_TOKEN === SIMULATOR_TOKEN ? ['CARRIER_TOKEN: must be set for a carrier other than the local simulator'] : []),
    ...(env.CARRIER_CALLBACK_SECRET === SIMULATOR_CALLBACK_SECRET ? ['CARRIER_CALLBACK_SECRET: must be set for a carrier other than the local simulator'] : []),
  ];
}
