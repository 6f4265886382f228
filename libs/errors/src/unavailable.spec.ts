import { createServer } from 'node:net';
import { once } from 'node:events';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDependencyUnavailable } from './unavailable';

/** A server's error as pg raises it: its SQLSTATE in `code`. */
function serverError(code: string, message = 'server says no'): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

/** What a failed query looks like to a repository: TypeORM's wrapper, the driver's error inside it. */
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

const systemError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -1, syscall: 'connect' });

describe('isDependencyUnavailable', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection because of crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
    ['08001', 'could not connect'],
    ['08P01', 'protocol violation'],
    ['25006', 'cannot execute INSERT in a read-only transaction'],
  ])('sees the server unable to serve (%s), bare and wrapped by TypeORM', (code, message) => {
    expect(isDependencyUnavailable(serverError(code, message))).toBe(true);
    expect(isDependencyUnavailable(wrapped(serverError(code, message)))).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])(
    'sees the host out of reach (%s)',
    (code) => {
      expect(isDependencyUnavailable(systemError(code))).toBe(true);
      expect(isDependencyUnavailable(new Error('fetch failed', { cause: systemError(code) }))).toBe(true);
    },
  );

  it('sees a connection attempt to several addresses that all refused (AggregateError)', () => {
    expect(isDependencyUnavailable(new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], ''))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'timeout expired',
    'Client has encountered a connection error and is not queryable',
  ])('sees pg and pg-pool saying "%s", bare and wrapped', (message) => {
    expect(isDependencyUnavailable(new Error(message))).toBe(true);
    expect(isDependencyUnavailable(wrapped(new Error(message)))).toBe(true);
    expect(isDependencyUnavailable(new Error('transaction failed', { cause: new Error(message) }))).toBe(true);
  });

  it('sees the broker connection down', () => {
    expect(isDependencyUnavailable(Object.assign(new Error('the broker connection is down'), { name: 'BrokerUnavailableError' }))).toBe(true);
  });

  it('sees a transaction whose connection died between two statements (TypeORM released its runner)', () => {
    expect(isDependencyUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(serverError('23505', 'duplicate key value violates unique constraint'))],
    ['a serialization failure', wrapped(serverError('40001', 'could not serialize access'))],
    ['a syntax error', wrapped(serverError('42601', 'syntax error at or near "SELEC"'))],
    ['a statement timeout', wrapped(serverError('57014', 'canceling statement due to statement timeout'))],
    ['a plain error that mentions a refusal', new Error('connection refused')],
    ['a type error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('does not take %s for an outage', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });

  it('survives an error that wraps itself', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDependencyUnavailable(error)).toBe(false);
  });

  it('knows what pg itself raises when nothing listens on the port, or the server hangs up', async () => {
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as { port: number };
    closed.close();
    await once(closed, 'close');
    const refused = await new Client({ host: '127.0.0.1', port, user: 'x', database: 'x' }).connect().catch((e: unknown) => e);
    expect(isDependencyUnavailable(refused)).toBe(true);

    const hangUp = createServer((socket) => socket.destroy()).listen(0, '127.0.0.1');
    await once(hangUp, 'listening');
    try {
      const address = hangUp.address() as { port: number };
      const terminated = await new Client({ host: '127.0.0.1', port: address.port, user: 'x', database: 'x' }).connect().catch((e: unknown) => e);
      expect(isDependencyUnavailable(terminated)).toBe(true);
    } finally {
      hangUp.close();
    }
  });
});
