import { Client, type ClientConfig } from 'pg';

/** A connection not even tried: one tried a moment ago failed, and none has succeeded since. */
export class DatabaseUnreachableError extends Error {
  readonly code = '08001'; // sqlclient_unable_to_establish_sqlconnection
  constructor(readonly cause: unknown) {
    super('Connection terminated: the database was out of reach a moment ago');
    this.name = 'DatabaseUnreachableError';
  }
}

export interface FailFastOptions {
  /** How long opening one connection may take (pg's `connectionTimeoutMillis`). */
  readonly connectTimeoutMs: number;
  /** After a failed connection, how long new ones fail at once instead of trying (and waiting) again. */
  readonly holdDownMs: number;
  readonly now?: () => number;
}

/**
 * pg's Client for a pool (`extra.Client`) whose connections fail fast while the database is out of reach: each
 * attempt is bounded by `connectTimeoutMs`, and for `holdDownMs` after one failed, until one succeeds, new ones
 * fail at once. So when the database hangs, the requests queued for the pool are not each given a connection
 * attempt of their own in turn (a queue of 200 behind 20 connections would wait ten timeouts): they are all
 * answered (503) about one timeout after the failure began. One state per class: create one per pool.
 */
export function failFastClient(o: FailFastOptions): typeof Client {
  const now = o.now ?? Date.now;
  let failure: { at: number; error: unknown } | undefined;
  const settle = (error: unknown) => {
    failure = error ? { at: now(), error } : undefined;
  };
  class FailFastClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(
        typeof config === 'string'
          ? { connectionString: config, connectionTimeoutMillis: o.connectTimeoutMs }
          : { ...config, connectionTimeoutMillis: o.connectTimeoutMs },
      );
    }

    override connect(): Promise<Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: Client) => void)): void;
    override connect(given?: ((err: Error) => void) | ((err: null, c: Client) => void)): Promise<Client> | void {
      const callback = given as ((err: Error | null, c?: Client) => void) | undefined;
      const refused = failure && now() - failure.at < o.holdDownMs ? new DatabaseUnreachableError(failure.error) : undefined;
      if (callback) {
        if (refused) process.nextTick(() => callback(refused));
        else
          super.connect((err: Error | null) => {
            settle(err);
            callback(err, this);
          });
        return;
      }
      if (refused) return Promise.reject(refused);
      return super.connect().then(
        (client) => {
          settle(undefined);
          return client;
        },
        (err: unknown) => {
          settle(err);
          throw err;
        },
      );
    }
  }
  return FailFastClient;
}
