import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { Agent as HttpAgent, type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a VNPost-style carrier's order API (docs/postal-carrier.md), over plain HTTP: no framework, nothing
 * of the services imported — it is the other party, and checks what we send as that party would.
 *
 * - `POST /api/v1/orders` (Bearer token): validates the order, issues a waybill (S10: `E` + letter + 8 digits + check
 *   digit + `VN`), answers the same waybill with `Duplicated: true` for an `OrderNumber` seen before, records ACCEPTED.
 * - `POST /api/v1/orders/{ItemCode}/cancel` before pick-up; `GET /api/v1/orders/{ItemCode}/tracking`.
 * - Every event is posted to the callback URL, signed `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, and
 *   retried three times (short backoff) unless answered 2xx.
 * - Steering, for tests and operators: `POST /_control` (mode ok | fail | timeout | slow, for `count` calls or until
 *   changed; callbacks normal | drop | twice | reverse; the callback URL), `POST /_control/orders/{ItemCode}/advance`,
 *   `POST /_control/flush-callbacks`, `GET /_orders[?orderNumber=]`, `POST /_reset`, `GET /_health`.
 */

export interface PostalCarrierSimulatorOptions {
  /** 0 (default): any free port. */
  readonly port?: number;
  readonly host?: string;
  /** What `Authorization: Bearer …` must carry. */
  readonly token: string;
  /** Where status callbacks go; none are posted without one (events are recorded all the same). */
  readonly callbackUrl?: string;
  readonly callbackSecret: string;
  /** The wait before the first retry of an unanswered callback, doubled for each next one; default 200 ms. */
  readonly callbackRetryMs?: number;
  /**
   * The serial of the first waybill (8 digits); default 1. Reset keeps counting: a waybill is never issued twice by
   * one run; main.ts starts from the clock so that a restarted simulator does not reissue the last run's either.
   */
  readonly firstSerial?: number;
  /** Every this many ms, each moving order steps ACCEPTED → PICKED_UP → IN_TRANSIT → DELIVERED; 0 (default): off. */
  readonly autoAdvanceMs?: number;
}

export type CarrierMode = 'ok' | 'fail' | 'timeout' | 'slow';
export type CallbackMode = 'normal' | 'drop' | 'twice' | 'reverse';

/** How the simulator behaves; `POST /_control` changes any part of it. */
export interface CarrierControl {
  /** fail: 503 Code 99, nothing done; timeout: done, never answered; slow: done, answered after `delayMs`. */
  readonly mode: CarrierMode;
  readonly delayMs: number;
  /** How many carrier calls the mode lasts before it returns to ok; null: until changed. */
  readonly count: number | null;
  /** drop: recorded, never posted; twice: each posted twice; reverse: held until flushed, then posted newest first. */
  readonly callbacks: CallbackMode;
  readonly callbackUrl: string | null;
}

export type ShipmentStatus = 'ACCEPTED' | 'PICKED_UP' | 'IN_TRANSIT' | 'DELIVERED' | 'DELIVERY_FAILED' | 'RETURNED' | 'CANCELLED' | 'PICKUP_INCOMPLETE';

export interface CarrierDocument {
  readonly Code: string;
  readonly Name: string;
}

/** One event of a waybill: what tracking lists and a callback carries. */
export interface CarrierEvent {
  readonly EventId: string;
  readonly ItemCode: string;
  readonly OrderNumber: string;
  readonly Status: ShipmentStatus;
  readonly EventTime: string;
  readonly Note: string;
  /** Who signed for it: DELIVERED only, else null. */
  readonly ReceiverName: string | null;
  /** PICKUP_INCOMPLETE only, else empty. */
  readonly MissingDocuments: readonly CarrierDocument[];
}

/** How the posting of one callback went, as `GET /_orders` shows it. */
export interface CallbackDelivery {
  readonly EventId: string;
  state: 'pending' | 'held' | 'dropped' | 'delivered' | 'failed';
  attempts: number;
  answeredWith: number | null;
  error: string | null;
}

/** An order the carrier took, as `GET /_orders` lists it. */
export interface CarrierOrder {
  readonly ItemCode: string;
  readonly OrderNumber: string;
  readonly IsPickup: boolean;
  readonly TotalFee: number;
  /** The body of the first create, as sent. */
  readonly request: Readonly<Record<string, unknown>>;
  /** How many times its OrderNumber was sent again (answered the same waybill). */
  duplicates: number;
  readonly events: CarrierEvent[];
  readonly callbacks: CallbackDelivery[];
}

/** What `POST /_control/orders/{ItemCode}/advance` takes. */
export interface AdvanceCommand {
  readonly status: ShipmentStatus;
  readonly note?: string;
  readonly receiverName?: string;
  readonly missingDocuments?: readonly CarrierDocument[];
  /** ISO 8601; default: now, Vietnam time, a millisecond after the waybill's last event at the earliest. */
  readonly eventTime?: string;
}

export interface RunningPostalCarrierSimulator {
  readonly url: string;
  close(): Promise<void>;
  /** Every order, oldest first; only the one with `orderNumber` when given. */
  orders(orderNumber?: string): CarrierOrder[];
  /** Changes the control as `POST /_control` does (throws on a bad value); the control now. */
  control(change: Partial<CarrierControl>): CarrierControl;
  /** As `POST /_control/orders/{ItemCode}/advance`; throws when the waybill is unknown or cannot move so. */
  advance(itemCode: string, command: AdvanceCommand): CarrierEvent;
  /** Posts the callbacks held in reverse mode, newest first, one after the other; how many there were. */
  flushCallbacks(): Promise<number>;
  /** Resolves once no callback is being posted or waiting for a retry. */
  callbacksSettled(): Promise<void>;
  reset(): void;
}

const MODES: readonly CarrierMode[] = ['ok', 'fail', 'timeout', 'slow'];
const CALLBACK_MODES: readonly CallbackMode[] = ['normal', 'drop', 'twice', 'reverse'];
/** Where each status may go next by `advance` (CANCELLED only by a cancel, before pick-up). */
const NEXT: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  ACCEPTED: ['PICKED_UP', 'PICKUP_INCOMPLETE'],
  PICKED_UP: ['IN_TRANSIT', 'DELIVERED', 'DELIVERY_FAILED'],
  IN_TRANSIT: ['DELIVERED', 'DELIVERY_FAILED', 'RETURNED'],
  // the postman tries again (back in transit, or straight to a second attempt) or sends it back
  DELIVERY_FAILED: ['IN_TRANSIT', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED'],
  DELIVERED: [],
  RETURNED: [],
  CANCELLED: [],
  PICKUP_INCOMPLETE: [],
};
const STATUSES = Object.keys(NEXT) as ShipmentStatus[];
/** The clock's walk, for `autoAdvanceMs`: a result and a pick-up alike. */
const AUTO_NEXT: Partial<Record<ShipmentStatus, ShipmentStatus>> = { ACCEPTED: 'PICKED_UP', PICKED_UP: 'IN_TRANSIT', IN_TRANSIT: 'DELIVERED' };
const NOTES: Readonly<Record<ShipmentStatus, string>> = {
  ACCEPTED: 'Đã tiếp nhận đơn hàng',
  PICKED_UP: 'Đã nhận bưu gửi',
  IN_TRANSIT: 'Đang vận chuyển',
  DELIVERED: 'Phát thành công',
  DELIVERY_FAILED: 'Phát không thành công',
  RETURNED: 'Đã chuyển hoàn',
  CANCELLED: 'Đã hủy đơn hàng',
  PICKUP_INCOMPLETE: 'Hồ sơ không đủ thành phần, không nhận gửi',
};
/** A callback not answered 2xx is posted again this many times. */
const CALLBACK_RETRIES = 3;
const CALLBACK_TIMEOUT_MS = 5_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const DEFAULT_CONTROL = (callbackUrl: string | null): CarrierControl => ({ mode: 'ok', delayMs: 2_000, count: null, callbacks: 'normal', callbackUrl });

/** A carrier's refusal: the HTTP status and the protocol's body. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: { Code: string; Message: string },
  ) {
    super(body.Message);
  }
}

const invalid = (field: string) => new Refusal(400, { Code: '03', Message: `${field} không hợp lệ` });

/** The UPU S10 check digit of an 8-digit serial (weights 8 6 4 2 3 5 9 7; 10 → 0, 11 → 5). */
function s10CheckDigit(serial: string): number {
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, i) => total + weight * Number(serial[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** E: express mail. B for a result sent out, P for a pick-up, so a reader of a log tells the two apart. */
function waybill(sequence: number, isPickup: boolean): string {
  const serial = String(sequence % 100_000_000).padStart(8, '0');
  return `E${isPickup ? 'P' : 'B'}${serial}${s10CheckDigit(serial)}VN`;
}

/** 22 000 đ, and 5 500 đ for every started 500 g (100 g: 27 500 đ, as the doc's example). */
const feeOf = (weightGrams: number) => 22_000 + 5_500 * Math.ceil(weightGrams / 500);

/** An instant as the carrier's clock writes it: Vietnam time with its offset. */
const vietnamTime = (ms: number) => `${new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 23)}+07:00`;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isDateTime = (value: unknown): value is string => typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
const isText = (value: unknown, max = 500): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= max;
const isDocuments = (value: unknown): value is CarrierDocument[] =>
  Array.isArray(value) && value.every((d) => typeof d === 'object' && d !== null && isText((d as CarrierDocument).Code) && isText((d as CarrierDocument).Name));

/** The checks of a create, in the order they are made: the first that fails names its field. */
const ORDER_FIELDS: readonly [string, (value: unknown) => boolean][] = [
  ['OrderNumber', (v) => isText(v, 50)],
  ['CustomerCode', (v) => isText(v, 50)],
  ['ServiceName', (v) => isText(v, 20)],
  ['IsPickup', (v) => v === undefined || typeof v === 'boolean'],
  ...(['Sender', 'Receiver'] as const).flatMap((side): [string, (value: unknown) => boolean][] => [
    [`${side}Fullname`, (v) => isText(v, 200)],
    [`${side}Tel`, (v) => typeof v === 'string' && /^(0|\+84)\d{8,10}$/.test(v)],
    [`${side}Address`, (v) => isText(v)],
    [`${side}ProvinceId`, (v) => typeof v === 'string' && /^\d{2}$/.test(v)],
    [`${side}DistrictId`, (v) => typeof v === 'string' && /^\d{3}$/.test(v)],
    [`${side}WardId`, (v) => typeof v === 'string' && /^\d{5}$/.test(v)],
  ]),
  ['CODAmount', (v) => v === undefined || (Number.isInteger(v) && (v as number) >= 0)],
  ['Weight', (v) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 30_000],
  ['PackageContent', (v) => v === undefined || typeof v === 'string'],
  ['Documents', (v) => v === undefined || isDocuments(v)],
];

/** The order as the carrier takes it, or the refusal naming the first field it cannot take. */
function checkedOrder(body: Record<string, unknown>): { OrderNumber: string; IsPickup: boolean; Weight: number } {
  for (const [field, valid] of ORDER_FIELDS) if (!valid(body[field])) throw invalid(field);
  if (body.IsPickup === true) {
    // a collection needs a window for the postman to come in
    if (!isDateTime(body.PickupWindowStart)) throw invalid('PickupWindowStart');
    if (!isDateTime(body.PickupWindowEnd) || Date.parse(body.PickupWindowEnd) <= Date.parse(body.PickupWindowStart)) throw invalid('PickupWindowEnd');
  }
  return { OrderNumber: body.OrderNumber as string, IsPickup: body.IsPickup === true, Weight: body.Weight as number };
}

/** A change of the control as it arrives over HTTP: checked by `problemWith` before it is applied. */
type ControlChange = Readonly<Partial<Record<keyof CarrierControl, unknown>>>;

const isCount = (value: unknown, least: number) => Number.isInteger(value) && (value as number) >= least;

function problemWith(change: ControlChange): string | null {
  if (change.mode !== undefined && !MODES.includes(change.mode as CarrierMode)) return `mode must be one of ${MODES.join(', ')}`;
  if (change.delayMs !== undefined && !isCount(change.delayMs, 0)) return 'delayMs must be a whole number of milliseconds';
  if (change.count !== undefined && change.count !== null && !isCount(change.count, 1)) return 'count must be a positive whole number, or null';
  if (change.callbacks !== undefined && !CALLBACK_MODES.includes(change.callbacks as CallbackMode))
    return `callbacks must be one of ${CALLBACK_MODES.join(', ')}`;
  if (change.callbackUrl !== undefined && change.callbackUrl !== null && (typeof change.callbackUrl !== 'string' || !URL.canParse(change.callbackUrl))) {
    return 'callbackUrl must be a URL, or null';
  }
  return null;
}

/** What is wrong with an advance command (it comes over HTTP), or null. */
function commandProblem(command: Record<string, unknown>): string | null {
  if (!STATUSES.includes(command.status as ShipmentStatus) || command.status === 'CANCELLED' || command.status === 'ACCEPTED') {
    return `status must be one of ${STATUSES.filter((s) => s !== 'CANCELLED' && s !== 'ACCEPTED').join(', ')}`;
  }
  if (command.note !== undefined && typeof command.note !== 'string') return 'note must be a text';
  if (command.receiverName !== undefined && typeof command.receiverName !== 'string') return 'receiverName must be a text';
  if (command.missingDocuments !== undefined && !isDocuments(command.missingDocuments)) return 'missingDocuments must be a list of { Code, Name }';
  if (command.eventTime !== undefined && !isDateTime(command.eventTime)) return 'eventTime must be an ISO 8601 date-time with its offset';
  return null;
}

/** Answers, unless the client has gone (it timed out): what the answer stood for is done all the same. */
function answer(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed || response.socket?.destroyed !== false) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parsed(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function startPostalCarrierSimulator(options: PostalCarrierSimulatorOptions): Promise<RunningPostalCarrierSimulator> {
  const retryMs = options.callbackRetryMs ?? 200;
  // one pool of kept-alive sockets for all callbacks: a fresh connection per callback would not reach 1000/s
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  let control = DEFAULT_CONTROL(options.callbackUrl ?? null);
  let orders: CarrierOrder[] = [];
  let byOrderNumber = new Map<string, CarrierOrder>();
  let byItemCode = new Map<string, CarrierOrder>();
  /** Orders the clock still walks (autoAdvanceMs). */
  let moving = new Set<CarrierOrder>();
  /** Callbacks held in reverse mode, oldest first. */
  let heldCallbacks: { event: CarrierEvent; delivery: CallbackDelivery; callbackUrl: string }[] = [];
  let sequence = (options.firstSerial ?? 1) - 1;
  let inFlight = 0;
  /** Bumped by reset: a post begun before it no longer counts as in flight. */
  let generation = 0;
  let settledWaiters: (() => void)[] = [];
  const timers = new Set<NodeJS.Timeout>();
  /** Calls held without an answer (timeout, slow): let go on reset and close. */
  const held = new Set<ServerResponse>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const settle = () => {
    if (inFlight > 0) return;
    for (const resolve of settledWaiters) resolve();
    settledWaiters = [];
  };

  const postOnce = (callbackUrl: URL, body: Buffer, signature: string) =>
    new Promise<number>((resolve, reject) => {
      const https = callbackUrl.protocol === 'https:';
      const request = (https ? httpsRequest : httpRequest)(
        callbackUrl,
        {
          method: 'POST',
          agent: https ? httpsAgent : httpAgent,
          timeout: CALLBACK_TIMEOUT_MS,
          headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'x-signature': signature },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`not answered within ${CALLBACK_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end(body);
    });

  /** Posts one callback, retried with a doubling backoff until answered 2xx or out of retries. */
  const post = async (event: CarrierEvent, delivery: CallbackDelivery, callbackUrl: string): Promise<void> => {
    // the signature covers these very bytes: the receiver checks the raw body before parsing it
    const body = Buffer.from(JSON.stringify(event));
    const signature = `sha256=${createHmac('sha256', options.callbackSecret).update(body).digest('hex')}`;
    const url = new URL(callbackUrl);
    const mine = generation;
    inFlight++;
    delivery.state = 'pending';
    try {
      for (let attempt = 0; attempt <= CALLBACK_RETRIES; attempt++) {
        if (attempt > 0) await wait(retryMs * 2 ** (attempt - 1));
        delivery.attempts++;
        try {
          const status = await postOnce(url, body, signature);
          delivery.answeredWith = status;
          if (status >= 200 && status < 300) {
            delivery.state = 'delivered';
            delivery.error = null;
            return;
          }
          delivery.error = `answered ${status}`;
        } catch (error) {
          delivery.error = message(error);
        }
      }
      delivery.state = 'failed';
    } finally {
      if (mine === generation) {
        inFlight--;
        settle();
      }
    }
  };

  /** Records an event on its waybill and posts its callback as the control says. */
  const record = (order: CarrierOrder, status: ShipmentStatus, details: Partial<AdvanceCommand> = {}): CarrierEvent => {
    const last = order.events.at(-1);
    // the carrier's clock orders a waybill's events: two in the same millisecond would tie
    const eventTime = details.eventTime ?? vietnamTime(Math.max(Date.now(), last ? Date.parse(last.EventTime) + 1 : 0));
    const event: CarrierEvent = {
      EventId: `${order.ItemCode}-${order.events.length + 1}`,
      ItemCode: order.ItemCode,
      OrderNumber: order.OrderNumber,
      Status: status,
      EventTime: eventTime,
      Note: details.note ?? NOTES[status],
      ReceiverName: status === 'DELIVERED' ? (details.receiverName ?? (order.request.ReceiverFullname as string)) : null,
      MissingDocuments: status === 'PICKUP_INCOMPLETE' ? (details.missingDocuments ?? []) : [],
    };
    order.events.push(event);
    if (AUTO_NEXT[status]) moving.add(order);
    else moving.delete(order);
    const { callbacks, callbackUrl } = control;
    if (!callbackUrl) return event;
    const delivery: CallbackDelivery = { EventId: event.EventId, state: 'pending', attempts: 0, answeredWith: null, error: null };
    order.callbacks.push(delivery);
    if (callbacks === 'drop') delivery.state = 'dropped';
    else if (callbacks === 'reverse') {
      delivery.state = 'held';
      heldCallbacks.push({ event, delivery, callbackUrl });
    } else {
      void post(event, delivery, callbackUrl);
      if (callbacks === 'twice') {
        const again: CallbackDelivery = { ...delivery, attempts: 0 };
        order.callbacks.push(again);
        void post(event, again, callbackUrl);
      }
    }
    return event;
  };

  const create = (body: Record<string, unknown> | null): { status: number; body: object } => {
    if (!body) throw new Refusal(400, { Code: '03', Message: 'Dữ liệu không hợp lệ: cần một đối tượng JSON' });
    const checked = checkedOrder(body);
    // the check and the insert run without a pause between them: concurrent repeats find the first order
    const first = byOrderNumber.get(checked.OrderNumber);
    if (first) {
      first.duplicates++;
      return {
        status: 200,
        body: { Code: '00', Message: 'OK', Data: { ItemCode: first.ItemCode, OrderNumber: first.OrderNumber, TotalFee: first.TotalFee, Duplicated: true } },
      };
    }
    const order: CarrierOrder = {
      ItemCode: waybill(++sequence, checked.IsPickup),
      OrderNumber: checked.OrderNumber,
      IsPickup: checked.IsPickup,
      TotalFee: feeOf(checked.Weight),
      request: body,
      duplicates: 0,
      events: [],
      callbacks: [],
    };
    orders.push(order);
    byOrderNumber.set(order.OrderNumber, order);
    byItemCode.set(order.ItemCode, order);
    record(order, 'ACCEPTED');
    return {
      status: 200,
      body: { Code: '00', Message: 'OK', Data: { ItemCode: order.ItemCode, OrderNumber: order.OrderNumber, TotalFee: order.TotalFee, Duplicated: false } },
    };
  };

  const known = (itemCode: string): CarrierOrder => {
    const order = byItemCode.get(itemCode);
    if (!order) throw new Refusal(404, { Code: '04', Message: `Không tìm thấy vận đơn ${itemCode}` });
    return order;
  };

  const cancel = (itemCode: string): { status: number; body: object } => {
    const order = known(itemCode);
    const status = order.events.at(-1)?.Status;
    if (status === 'ACCEPTED') record(order, 'CANCELLED');
    else if (status !== 'CANCELLED') throw new Refusal(409, { Code: '09', Message: 'Bưu gửi đã được nhận' });
    return { status: 200, body: { Code: '00', Message: 'OK' } };
  };

  const tracking = (itemCode: string): { status: number; body: object } => {
    const order = known(itemCode);
    return { status: 200, body: { Code: '00', Message: 'OK', Data: { ItemCode: order.ItemCode, OrderNumber: order.OrderNumber, Events: order.events } } };
  };

  const advance = (itemCode: string, command: AdvanceCommand): CarrierEvent => {
    const problem = commandProblem(command as unknown as Record<string, unknown>);
    if (problem) throw new Refusal(400, { Code: '03', Message: problem });
    const order = known(itemCode);
    const from = order.events.at(-1)?.Status ?? 'ACCEPTED';
    if (!NEXT[from].includes(command.status)) {
      throw new Refusal(409, {
        Code: '09',
        Message: `${itemCode} is ${from}: it can go to ${NEXT[from].join(', ') || 'nothing (final)'}, not ${command.status}`,
      });
    }
    if (command.status === 'PICKUP_INCOMPLETE' && !order.IsPickup) throw new Refusal(409, { Code: '09', Message: `${itemCode} is not a pick-up` });
    if (command.status === 'PICKUP_INCOMPLETE' && !command.missingDocuments?.length) {
      throw new Refusal(400, { Code: '03', Message: 'PICKUP_INCOMPLETE needs the missingDocuments' });
    }
    return record(order, command.status, command);
  };

  const flushCallbacks = async (): Promise<number> => {
    const flushed = heldCallbacks.reverse();
    heldCallbacks = [];
    // one after the other, so they arrive in exactly this order
    for (const { event, delivery, callbackUrl } of flushed) await post(event, delivery, callbackUrl);
    return flushed.length;
  };

  /** The mode for this carrier call; a mode given for `count` calls returns to ok after them. */
  const modeForThisCall = (): CarrierControl => {
    const current = control;
    if (current.count !== null) control = current.count <= 1 ? { ...current, mode: 'ok', count: null } : { ...current, count: current.count - 1 };
    return current;
  };

  /** A call of the carrier's API: faults as the control says; the work is done before a timeout or a slow answer. */
  const carrierCall = async (request: IncomingMessage, response: ServerResponse, work: (text: string) => { status: number; body: object }) => {
    const { mode, delayMs } = modeForThisCall();
    if (mode === 'fail') {
      request.resume();
      return answer(response, 503, { Code: '99', Message: 'Hệ thống đang bận, vui lòng thử lại sau' });
    }
    const text = await bodyOf(request);
    let result: { status: number; body: object };
    try {
      if (request.headers.authorization !== `Bearer ${options.token}`) throw new Refusal(401, { Code: '401', Message: 'Token không hợp lệ' });
      result = work(text);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      result = { status: error.status, body: error.body };
    }
    if (mode === 'timeout') {
      // the nasty real case: the order exists, the answer never comes; a retry must get the same waybill
      held.add(response);
      return;
    }
    if (mode === 'slow') {
      held.add(response);
      await wait(delayMs);
      held.delete(response);
    }
    answer(response, result.status, result.body);
  };

  const listOrders = (orderNumber?: string) => {
    if (orderNumber === undefined) return [...orders];
    const order = byOrderNumber.get(orderNumber);
    return order ? [order] : [];
  };

  const changeControl = (change: ControlChange): CarrierControl => {
    const problem = problemWith(change);
    if (problem) throw new Error(problem);
    const known = Object.fromEntries(Object.entries(change).filter(([key]) => key in control));
    control = { ...control, ...(known as Partial<CarrierControl>) };
    return control;
  };

  const reset = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const response of held) response.destroy();
    held.clear();
    orders = [];
    byOrderNumber = new Map();
    byItemCode = new Map();
    moving = new Set();
    heldCallbacks = [];
    generation++;
    inFlight = 0;
    settle();
    control = DEFAULT_CONTROL(options.callbackUrl ?? null);
  };

  const clock =
    options.autoAdvanceMs && options.autoAdvanceMs > 0
      ? setInterval(() => {
          for (const order of [...moving]) {
            const next = AUTO_NEXT[order.events.at(-1)?.Status ?? 'ACCEPTED'];
            if (next) record(order, next);
          }
        }, options.autoAdvanceMs)
      : null;

  const ORDER_CALL = /^\/api\/v1\/orders\/([^/]+)\/(cancel|tracking)$/;
  const ADVANCE = /^\/_control\/orders\/([^/]+)\/advance$/;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const route = `${request.method} ${url.pathname}`;
    const handled = (async () => {
      if (route === 'POST /api/v1/orders') return carrierCall(request, response, (text) => create(parsed(text)));
      const call = ORDER_CALL.exec(url.pathname);
      if (call && request.method === (call[2] === 'cancel' ? 'POST' : 'GET')) {
        const itemCode = decodeURIComponent(call[1]);
        return carrierCall(request, response, () => (call[2] === 'cancel' ? cancel(itemCode) : tracking(itemCode)));
      }
      const advancing = ADVANCE.exec(url.pathname);
      if (advancing && request.method === 'POST') {
        const command = parsed(await bodyOf(request));
        if (!command) return answer(response, 400, { Code: '03', Message: 'a JSON object: { status, note?, receiverName?, missingDocuments?, eventTime? }' });
        try {
          return answer(response, 200, advance(decodeURIComponent(advancing[1]), command as unknown as AdvanceCommand));
        } catch (error) {
          if (error instanceof Refusal) return answer(response, error.status, error.body);
          throw error;
        }
      }
      if (route === 'POST /_control/flush-callbacks') return answer(response, 200, { flushed: await flushCallbacks() });
      if (route === 'GET /_orders') return answer(response, 200, listOrders(url.searchParams.get('orderNumber') ?? undefined));
      if (route === 'GET /_health') return answer(response, 200, { status: 'ok' });
      if (route === 'POST /_reset') {
        reset();
        return answer(response, 200, { reset: true });
      }
      if (route === 'POST /_control') {
        const change = parsed(await bodyOf(request));
        if (!change) return answer(response, 400, { message: 'a JSON object of the control to change' });
        try {
          return answer(response, 200, changeControl(change));
        } catch (error) {
          return answer(response, 400, { message: message(error) });
        }
      }
      answer(response, 404, { Code: '404', Message: `no ${route}` });
    })();
    handled.catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, { Code: '99', Message: message(error) });
    });
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    orders: listOrders,
    control: changeControl,
    advance,
    flushCallbacks,
    callbacksSettled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => settledWaiters.push(resolve))),
    reset,
    async close() {
      if (clock) clearInterval(clock);
      reset();
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
