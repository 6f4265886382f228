import { Injectable } from '@nestjs/common';
import { EnvironmentError, readEnvironment } from '@motcua/config';
import { toVietnamIso } from '@motcua/calendar';
import { CARRIER_STATUSES, type CarrierStatus } from '../shipments/shipment-rules';
import { Carrier, type CarrierAnswer, type CarrierEvent, type CarrierOrder, type PlacedOrder } from './carrier';
import { CarrierEnvironment, simulatorCredentialsElsewhere } from './carrier.environment';

/** The body of every answer: `Code` "00" is success (docs/postal-carrier.md). */
interface CarrierReply<T> {
  Code?: string;
  Message?: string;
  Data?: T;
}

/** An event as the carrier writes it, in a callback or in tracking. */
export interface CarrierEventBody {
  EventId: string;
  ItemCode: string;
  OrderNumber: string;
  Status: string;
  EventTime: string;
  Note?: string | null;
  ReceiverName?: string | null;
  MissingDocuments?: { Code?: string; Name: string }[] | null;
}

const isStatus = (status: string): status is CarrierStatus => (CARRIER_STATUSES as readonly string[]).includes(status);

/** A carrier event in our terms, or null when it is not one we know (an unknown status is logged and skipped, never guessed). */
export function carrierEventOf(body: CarrierEventBody): CarrierEvent | null {
  if (!isStatus(body.Status)) return null;
  const at = new Date(body.EventTime);
  if (Number.isNaN(at.getTime())) return null;
  return {
    eventId: body.EventId,
    waybill: body.ItemCode,
    orderNumber: body.OrderNumber,
    status: body.Status,
    at,
    note: body.Note ?? null,
    receiverName: body.ReceiverName ?? null,
    missingDocuments: (body.MissingDocuments ?? []).map((d) => ({ ...(d.Code ? { code: d.Code } : {}), name: d.Name })),
  };
}

/**
 * The VNPost-style order API (docs/postal-carrier.md): create with the order number as the idempotency key, cancel
 * before pick-up, track by waybill. Each call is one request within the timeout and one answer: 2xx with Code 00 is
 * accepted, 4xx (but 408 and 429) refused for good, anything else (5xx, 429, no answer) failed for now. It never
 * retries: the dispatcher does, from the answer.
 */
@Injectable()
export class VnpostCarrier extends Carrier {
  private readonly env = readEnvironment(CarrierEnvironment);

  constructor() {
    super();
    const problems = simulatorCredentialsElsewhere(this.env);
    if (problems.length > 0) throw new EnvironmentError(problems);
  }

  async createOrder(order: CarrierOrder): Promise<CarrierAnswer<PlacedOrder>> {
    const body = {
      OrderNumber: order.orderNumber,
      CustomerCode: this.env.CARRIER_CUSTOMER_CODE,
      ServiceName: order.service,
      IsPickup: order.isPickup,
      SenderFullname: order.sender.name,
      SenderTel: order.sender.phone,
      SenderAddress: order.sender.street,
      SenderProvinceId: order.sender.provinceCode,
      SenderDistrictId: order.sender.districtCode,
      SenderWardId: order.sender.wardCode,
      ReceiverFullname: order.receiver.name,
      ReceiverTel: order.receiver.phone,
      ReceiverAddress: order.receiver.street,
      ReceiverProvinceId: order.receiver.provinceCode,
      ReceiverDistrictId: order.receiver.districtCode,
      ReceiverWardId: order.receiver.wardCode,
      CODAmount: order.codAmount,
      Weight: order.weightGrams,
      PackageContent: order.content,
      Documents: order.documents.map((d) => ({ ...(d.code ? { Code: d.code } : {}), Name: d.name })),
      ...(order.windowStart && order.windowEnd ? { PickupWindowStart: toVietnamIso(order.windowStart), PickupWindowEnd: toVietnamIso(order.windowEnd) } : {}),
    };
    const answer = await this.call<{ ItemCode: string; TotalFee?: number; Duplicated?: boolean }>('POST', '/api/v1/orders', body);
    if (answer.kind !== 'accepted') return answer;
    const data = answer.value;
    if (!data || typeof data.ItemCode !== 'string') return { kind: 'transient', error: 'the carrier accepted the order without a waybill number' };
    return {
      kind: 'accepted',
      value: { waybill: data.ItemCode, fee: typeof data.TotalFee === 'number' ? data.TotalFee : null, duplicated: data.Duplicated === true },
    };
  }

  async cancel(waybill: string): Promise<CarrierAnswer<null>> {
    const answer = await this.call<unknown>('POST', `/api/v1/orders/${encodeURIComponent(waybill)}/cancel`, {});
    return answer.kind === 'accepted' ? { kind: 'accepted', value: null } : answer;
  }

  async track(waybill: string): Promise<CarrierEvent[]> {
    const answer = await this.call<{ Events?: CarrierEventBody[] }>('GET', `/api/v1/orders/${encodeURIComponent(waybill)}/tracking`);
    if (answer.kind !== 'accepted') throw new Error(`tracking ${waybill}: ${answer.error}`);
    return (answer.value?.Events ?? []).map(carrierEventOf).filter((e): e is CarrierEvent => e !== null);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<CarrierAnswer<T | undefined>> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.env.CARRIER_URL), {
        method,
        headers: { authorization: `Bearer ${this.env.CARRIER_TOKEN}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.env.CARRIER_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'transient', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    let reply: CarrierReply<T> = {};
    try {
      reply = (await response.json()) as CarrierReply<T>;
    } catch {
      // an answer that is not JSON: its status says enough
    }
    const said = `${response.status} ${reply.Code ?? ''} ${reply.Message ?? ''}`.trim();
    if (response.ok && reply.Code === '00') return { kind: 'accepted', value: reply.Data };
    if (response.status === 429 || response.status === 408 || response.status >= 500 || response.ok) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return { kind: 'transient', error: said, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1_000 } : {}) };
    }
    return { kind: 'permanent', error: said };
  }
}
