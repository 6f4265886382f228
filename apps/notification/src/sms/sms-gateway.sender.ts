import { Injectable } from '@nestjs/common';
import { EnvironmentError, readEnvironment } from '@motcua/config';
import type { ChannelSender, OutgoingMessage, SendOutcome } from '../delivery/channel-sender';
import { DeliveryEnvironment } from '../delivery/delivery.environment';
import { API_KEY_HEADER, SEND_PATH, type SmsGatewayRequest, outcomeOf } from './sms-gateway.protocol';
import { SmsEnvironment, simulatorCredentialsElsewhere } from './sms.environment';
import { fitSms, toGatewayPhone, toGsm7 } from './sms-text';

/**
 * The SMS channel's adapter: one message, one POST to the brandname gateway, one outcome. The text goes without
 * diacritics within SMS_MAX_SEGMENTS, the number in its 84… form, our notification id as the request id (the
 * gateway sends a repeat of it only once). It never retries: the dispatcher does, from the outcome.
 */
@Injectable()
export class SmsGatewaySender implements ChannelSender {
  readonly channel = 'sms' as const;
  private readonly env = readEnvironment(SmsEnvironment);
  /** The dispatcher stops waiting after this long; the request is abandoned with it, so none is left open. */
  private readonly timeoutMs = readEnvironment(DeliveryEnvironment).DELIVERY_SEND_TIMEOUT_MS;
  private readonly url = new URL(SEND_PATH, this.env.SMS_GATEWAY_URL).toString();

  constructor() {
    const problems = simulatorCredentialsElsewhere(this.env);
    if (problems.length > 0) throw new EnvironmentError(problems);
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const phone = toGatewayPhone(message.recipient);
    if (!phone.ok) return { kind: 'permanent', error: phone.reason };
    const request: SmsGatewayRequest = {
      brandname: this.env.SMS_BRANDNAME,
      phone: phone.phone,
      message: fitSms(toGsm7(message.body), { maxSegments: this.env.SMS_MAX_SEGMENTS, link: this.lookupLink(message.dossierCode) }),
      requestId: message.notificationId,
    };
    let response: Response;
    let body: string;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', [API_KEY_HEADER]: this.env.SMS_GATEWAY_API_KEY },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      return { kind: 'transient', error: `gateway not reached: ${reasonOf(error, this.timeoutMs)}` };
    }
    return outcomeOf({ status: response.status, retryAfter: response.headers.get('retry-after'), body }, Date.now());
  }

  private lookupLink(dossierCode: string): string | undefined {
    return this.env.SMS_LOOKUP_URL ? toGsm7(this.env.SMS_LOOKUP_URL.replaceAll('{dossierCode}', encodeURIComponent(dossierCode))) : undefined;
  }
}

/**
 * A fetch failure in words an operator reads: the timeout, or the network error under fetch's "fetch failed"
 * (`ECONNREFUSED`, `UND_ERR_SOCKET`…). Read by shape, not `instanceof`: fetch's errors may come from another realm.
 */
function reasonOf(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (typeof message !== 'string') return String(error);
  const detail = cause?.code ?? cause?.message;
  return detail === undefined ? message : `${message}: ${String(detail)}`;
}
