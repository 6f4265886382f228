import type { MessageProperties, Options } from 'amqplib';

/** Header names of the envelope (architecture.md §3). */
export const Headers = {
  version: 'x-event-version',
  causationId: 'x-causation-id',
  attempt: 'x-attempt',
  lastError: 'x-last-error',
  error: 'x-error',
  failedAt: 'x-failed-at',
  originalRoutingKey: 'x-original-routing-key',
} as const;

export interface OutboxRow {
  id: string;
  type: string;
  version: number;
  payload: string;
  correlation_id: string;
  causation_id: string | null;
  created_at: Date;
}

/** The AMQP properties of a first publication: routing key = type = the event type. */
export function publishOptionsFor(row: OutboxRow, service: string): Options.Publish {
  return {
    messageId: row.id,
    type: row.type,
    correlationId: row.correlation_id,
    timestamp: Math.floor(row.created_at.getTime() / 1000),
    contentType: 'application/json',
    persistent: true,
    appId: service,
    headers: {
      [Headers.version]: row.version,
      ...(row.causation_id ? { [Headers.causationId]: row.causation_id } : {}),
      [Headers.attempt]: 1,
    },
  };
}

/** Headers the broker adds on its own (dead-lettering, quorum delivery counts): a republished copy drops them. */
function withoutBrokerHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !/^x-(death|first-death-|last-death-|delivery-count)/.test(name)));
}

function copyOf(properties: MessageProperties, headers: Record<string, unknown>): Options.Publish {
  const copy: Options.Publish = { persistent: true, headers };
  if (properties.messageId !== undefined) copy.messageId = properties.messageId;
  if (properties.type !== undefined) copy.type = properties.type;
  if (properties.correlationId !== undefined) copy.correlationId = properties.correlationId;
  if (properties.timestamp !== undefined) copy.timestamp = properties.timestamp;
  if (properties.contentType !== undefined) copy.contentType = properties.contentType;
  if (properties.contentEncoding !== undefined) copy.contentEncoding = properties.contentEncoding;
  if (properties.appId !== undefined) copy.appId = properties.appId;
  return copy;
}

/** A copy for the next retry tier: same id and properties, the attempt counted up, the error that caused it. */
export function retryCopyOptions(properties: MessageProperties, originalRoutingKey: string, nextAttempt: number, error: string): Options.Publish {
  const headers = withoutBrokerHeaders(properties.headers);
  return copyOf(properties, {
    ...headers,
    [Headers.attempt]: nextAttempt,
    [Headers.lastError]: truncate(error),
    [Headers.originalRoutingKey]: headers[Headers.originalRoutingKey] ?? originalRoutingKey,
  });
}

/** A copy for the parking lot: what failed, when, and where the message was first routed. */
export function parkedCopyOptions(properties: MessageProperties, originalRoutingKey: string, error: string, failedAt: Date): Options.Publish {
  const headers = withoutBrokerHeaders(properties.headers);
  return copyOf(properties, {
    ...headers,
    [Headers.error]: truncate(error),
    [Headers.failedAt]: failedAt.toISOString(),
    [Headers.originalRoutingKey]: headers[Headers.originalRoutingKey] ?? originalRoutingKey,
  });
}

/** Header values go into every copy of the message: keep an error readable, not a 50 kB stack. */
function truncate(text: string, max = 2000): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The message text of whatever a handler threw (Nest's RPC filter turns errors into `{ status, message }`). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = (error as { message: unknown }).message;
    return typeof message === 'string' ? message : JSON.stringify(message);
  }
  return String(error);
}
