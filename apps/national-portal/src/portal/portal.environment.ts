import { isOnThisMachine } from '@motcua/config';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

/** The local portal simulator's client credentials (simulators/national-portal): what a development machine runs against. */
export const SIMULATOR_CLIENT_ID = 'motcua-dev-portal';
export const SIMULATOR_CLIENT_SECRET = 'motcua-dev-portal-secret';

/**
 * The National Public Service Portal as this province's account with it says (validated at start): where it answers,
 * the client credentials its session tokens are issued for, how the adapter paces itself. The defaults are the local
 * simulator's; a portal elsewhere needs its own credentials (the service does not start otherwise).
 */
export class PortalEnvironment {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  PORTAL_URL = 'http://127.0.0.1:3105';

  @IsString() @MinLength(3) PORTAL_CLIENT_ID = SIMULATOR_CLIENT_ID;
  @IsString() @MinLength(8) PORTAL_CLIENT_SECRET = SIMULATOR_CLIENT_SECRET;

  /** A portal that has not answered in this long failed the call (transient). */
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) PORTAL_TIMEOUT_MS = 10_000;
  /** The session token is renewed this long before the portal said it expires. */
  @Type(() => Number) @IsInt() @Min(0) @Max(3_600_000) PORTAL_TOKEN_RENEW_MARGIN_MS = 60_000;

  /** How often the dispatcher looks for due updates when it found none. 0 turns it off (tests step it by hand). */
  @Type(() => Number) @IsInt() @Min(0) @Max(60_000) PORTAL_POLL_INTERVAL_MS = 100;
  /** Dossiers in one DongBoHoSoMC call (the portal takes at most 50). */
  @Type(() => Number) @IsInt() @Min(1) @Max(50) PORTAL_DOSSIER_BATCH = 50;
  /** Rows in one CapNhatTienDoHoSoMC call (the portal takes at most 10). */
  @Type(() => Number) @IsInt() @Min(1) @Max(10) PORTAL_PROGRESS_BATCH = 10;
  /** Dossiers taken in one round (their heads are then sent in batches). */
  @Type(() => Number) @IsInt() @Min(1) @Max(5_000) PORTAL_TAKE = 500;
  /** Calls to the portal at once, per replica. */
  @Type(() => Number) @IsInt() @Min(1) @Max(256) PORTAL_CONCURRENCY = 8;
  /** How long a taken dossier is held before another dispatcher may take it (longer than a call). */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(3_600_000) PORTAL_LEASE_MS = 30_000;
  @Type(() => Number) @IsInt() @Min(10) @Max(3_600_000) PORTAL_RETRY_BASE_MS = 1_000;
  @Type(() => Number) @IsInt() @Min(10) @Max(86_400_000) PORTAL_RETRY_MAX_MS = 300_000;
  /** A record the portal refuses is tried this many times, then parked for an operator with the portal's message. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100) PORTAL_MAX_REFUSALS = 3;
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000) PORTAL_CIRCUIT_FAILURES = 5;
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) PORTAL_CIRCUIT_OPEN_MS = 5_000;
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) PORTAL_CIRCUIT_MAX_OPEN_MS = 60_000;

  /** How often online dossiers are pulled from the portal. 0 turns the pull off. */
  @Type(() => Number) @IsInt() @Min(0) @Max(3_600_000) PORTAL_PULL_INTERVAL_MS = 30_000;
  @Type(() => Number) @IsInt() @Min(1) @Max(500) PORTAL_PULL_BATCH = 50;

  /** `LoaiDoiTuong` when the applicant's kind is not known (1 a citizen, 2 an organisation): meaning not confirmed. */
  @Type(() => Number) @IsIn([1, 2]) PORTAL_APPLICANT_KIND_DEFAULT = 1;
  /** `HinhThuc` for an electronic return (the portal's list has only 0 desk and 1 post): meaning not confirmed. */
  @Type(() => Number) @IsIn([0, 1]) PORTAL_ELECTRONIC_RETURN_CODE = 0;

  /** Intake, which files the online dossiers pulled from the portal. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  INTAKE_URL = 'http://127.0.0.1:3001';
  /** The adapter's machine token at intake (scope submissions:write); unset in development: one is issued from the dev keys. */
  @IsOptional() @IsString() INTAKE_TOKEN?: string;
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) INTAKE_TIMEOUT_MS = 10_000;
}

/** The simulator's credentials are in the source tree: used against a portal not on this machine, they are a problem. */
export function simulatorCredentialsElsewhere(env: Pick<PortalEnvironment, 'PORTAL_URL' | 'PORTAL_CLIENT_ID' | 'PORTAL_CLIENT_SECRET'>): string[] {
  if (isOnThisMachine(env.PORTAL_URL)) return [];
  return [
    ...(env.PORTAL_CLIENT_ID === SIMULATOR_CLIENT_ID ? ['PORTAL_CLIENT_ID: must be set for a portal other than the local simulator'] : []),
    ...(env.PORTAL_CLIENT_SECRET === SIMULATOR_CLIENT_SECRET ? ['PORTAL_CLIENT_SECRET: must be set for a portal other than the local simulator'] : []),
  ];
}
