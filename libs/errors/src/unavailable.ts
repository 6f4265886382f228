/**
 * Whether an error says that something the service depends on (its PostgreSQL, the broker) cannot be reached or is
 * restarting, rather than that the request or the code is wrong: the same request will likely succeed in a few
 * seconds, so the client is told 503 with `Retry-After`, never 500. A pure function of the error as thrown, looked
 * at through the wrappers it comes in (TypeORM's `QueryFailedError` and its `driverError`, `cause`, the
 * `AggregateError` of a connection attempt to several addresses), by codes and messages only: no driver is imported.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  return chainOf(error).some(says);
}

/**
 * SQLSTATEs of a server that cannot serve now (PostgreSQL, Appendix A): the whole class 08 (connection exception) by
 * its prefix, and these.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping (a restart, a failover)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or in recovery
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction: a write reached a standby (during a failover)
]);

/** What Node's sockets and resolver say when a host cannot be reached or a connection dies under us. */
const UNAVAILABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What `pg` and `pg-pool` say without a code, and the broker connection of `@motcua/messaging`, by name. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/, // pg-pool: no connection within connectionTimeoutMillis
  /^timeout expired$/, // pg: its own connectionTimeoutMillis, the server not answering the connection
  /^Client has encountered a connection error and is not queryable$/,
  /^Query read timeout$/,
];
const UNAVAILABLE_NAMES = new Set([
  'BrokerUnavailableError',
  // TypeORM releases a transaction's query runner when its connection reports an error: the server went away
  // between two statements (a restart's admin shutdown), and the next one, often the COMMIT, finds the runner gone.
  // Nothing was committed. Measured: the one 500 of a 100,000-dossier fault run, while PostgreSQL restarted.
  'QueryRunnerAlreadyReleasedError',
]);

function says(error: object): boolean {
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string') {
    if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSTEM_CODES.has(code)) return true;
  }
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** The error and what it wraps, breadth first, each once, at most a few levels deep. */
function chainOf(error: unknown): object[] {
  const seen = new Set<object>();
  let level: unknown[] = [error];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const e of level) {
      if (typeof e !== 'object' || e === null || seen.has(e)) continue;
      seen.add(e);
      const { cause, driverError, errors } = e as { cause?: unknown; driverError?: unknown; errors?: unknown };
      next.push(cause, driverError);
      if (e instanceof AggregateError && Array.isArray(errors)) next.push(...(errors as unknown[]));
    }
    level = next;
  }
  return [...seen];
}
