import { isOnThisMachine } from '@motcua/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The local gateway simulator's credentials (simulators/sms-gateway): what a development machine runs against. */
export const SIMULATOR_API_KEY = 'motcua-dev-sms-key';
export const SIMULATOR_CALLBACK_SECRET = 'motcua-dev-sms-callback-secret';

/**
 * SMS through the brandname gateway (validated at start). The defaults are the local simulator's, so a development
 * machine sends without configuration; a real gateway needs its own key and secret (`SmsGatewaySender` refuses to
 * start with the simulator's credentials against any other address).
 */
export class SmsEnvironment {
  /** The gateway's base URL; the sender posts to `<url>/api/v1/sms`. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  SMS_GATEWAY_URL = 'http://127.0.0.1:3101';

  /** The sender name registered with the carriers (tên định danh): what the citizen's phone shows. */
  @Matches(/^[A-Za-z0-9 ._-]{1,11}$/, { message: 'SMS_BRANDNAME must be 1 to 11 letters, digits, spaces, dots, dashes or underscores' })
  SMS_BRANDNAME = 'MOTCUA';

  /** Sent as `X-Api-Key` on every request. */
  @IsString() @MinLength(8) SMS_GATEWAY_API_KEY = SIMULATOR_API_KEY;

  /** A longer text is shortened to this many segments (each billed): 160 characters alone, 153 each beyond; gateways take 6 at most. */
  @Type(() => Number) @IsInt() @Min(1) @Max(6) SMS_MAX_SEGMENTS = 3;

  /** The key of the HMAC-SHA256 the gateway signs each delivery report with (`X-Signature`). */
  @IsString() @MinLength(16) SMS_CALLBACK_SECRET = SIMULATOR_CALLBACK_SECRET;

  /**
   * Where a citizen looks the dossier up, `{dossierCode}` standing for its code: ends every SMS, whole, so a text
   * shortened to its segments still leads to the rest. Unset: no link.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'SMS_LOOKUP_URL must be an http(s) URL' })
  @MaxLength(120)
  SMS_LOOKUP_URL?: string;
}

/**
 * The simulator's key and secret are in the source tree: against a real gateway they would let anyone send on our
 * brandname or forge delivery reports. Each one used for a gateway not on this machine is a problem (the service
 * does not start).
 */
export function simulatorCredentialsElsewhere(env: Pick<SmsEnvironment, 'SMS_GATEWAY_URL' | 'SMS_GATEWAY_API_KEY' | 'SMS_CALLBACK_SECRET'>): string[] {
  if (isOnThisMachine(env.SMS_GATEWAY_URL)) return [];
  return [
    ...(env.SMS_GATEWAY_API_KEY === SIMULATOR_API_KEY ? ['SMS_GATEWAY_API_KEY: must be set for a gateway other than the local simulator'] : []),
    ...(env.SMS_CALLBACK_SECRET === SIMULATOR_CALLBACK_SECRET ? ['SMS_CALLBACK_SECRET: must be set for a gateway other than the local simulator'] : []),
  ];
}
