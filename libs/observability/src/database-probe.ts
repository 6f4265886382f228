import type { Client, ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

export interface ProbeResult {
  readonly up: boolean;
  readonly details: Record<string, unknown>;
}

export interface DatabaseProbeOptions {
  /** How long a ping (with the connection it may need first) may take before the database counts as down. */
  readonly timeoutMs: number;
  /** How long an answer holds: a storm of probes within it costs one ping. */
  readonly freshForMs: number;
}

/** The smallest part of a pg Client the probe uses; a test may give its own. */
type PingClient = Pick<Client, 'connect' | 'query' | 'end' | 'on'>;

/**
 * Readiness's own look at the database, on one connection of its own rather than one of the pool: while requests
 * hold every pooled connection (or wait for one, the database out of reach), a probe does not queue behind them
 * and still answers within `timeoutMs`. One ping at a time: probes that arrive while one runs, or within
 * `freshForMs` of its answer, get that answer. A connection that failed or did not answer in time is dropped
 * and opened again by the next ping.
 */
export class DatabaseProbe {
  private client?: PingClient;
  private answer?: Promise<ProbeResult>;
  private answeredAt?: number;
  private closed = false;

  constructor(
    private readonly newClient: () => PingClient,
    private readonly options: DatabaseProbeOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** A probe on the database `dataSource` is connected to, through the same pg module and connection settings. */
  static of(dataSource: DataSource, options: DatabaseProbeOptions): DatabaseProbe {
    const pg = (dataSource.driver as unknown as { postgres: typeof import('pg') }).postgres;
    const o = dataSource.options as {
      url?: string;
      host?: string;
      port?: number;
      username?: string;
      password?: string;
      database?: string;
      ssl?: ClientConfig['ssl'];
      applicationName?: string;
    };
    const config: ClientConfig = {
      connectionString: o.url,
      host: o.host,
      port: o.port,
      user: o.username,
      password: o.password,
      database: o.database,
      ssl: o.ssl,
      application_name: `${o.applicationName ?? 'service'} (readiness)`,
      connectionTimeoutMillis: options.timeoutMs,
    };
    return new DatabaseProbe(() => new pg.Client(config), options);
  }

  check(): Promise<ProbeResult> {
    const fresh = this.answeredAt !== undefined && this.now() - this.answeredAt < this.options.freshForMs;
    if (this.answer && (this.answeredAt === undefined || fresh)) return this.answer;
    const answer = this.ping();
    this.answer = answer;
    this.answeredAt = undefined;
    void answer.then(() => {
      if (this.answer === answer) this.answeredAt = this.now();
    });
    return answer;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.drop();
  }

  private async ping(): Promise<ProbeResult> {
    const started = this.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.options.timeoutMs);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([this.select(), late]);
      if (outcome === 'late') {
        void this.drop();
        return { up: false, details: { message: `no answer within ${this.options.timeoutMs} ms` } };
      }
      return { up: true, details: { ms: this.now() - started } };
    } catch (error) {
      void this.drop();
      // what failed, not where: the address and credentials are not for a probe's body
      return { up: false, details: { message: error instanceof Error ? summary(error) : 'unreachable' } };
    } finally {
      clearTimeout(timer);
    }
  }

  private async select(): Promise<'ok'> {
    if (this.closed) throw new Error('shutting down');
    if (!this.client) {
      const client = this.newClient();
      // a connection lost between pings says so here, not as an unhandled error; the next ping opens another
      client.on('error', () => {
        if (this.client === client) this.client = undefined;
      });
      this.client = client;
      try {
        await client.connect();
      } catch (error) {
        if (this.client === client) this.client = undefined;
        throw error;
      }
    }
    await this.client.query('SELECT 1');
    return 'ok';
  }

  /** Ends the connection; a connection that does not even end is given up on after the probe's timeout. */
  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const given = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.timeoutMs)));
    await Promise.race([client.end().catch(() => undefined), given]);
    clearTimeout(timer);
  }
}

/** "ECONNREFUSED", "57P03", "Connection terminated unexpectedly": the kind of failure, never an address. */
function summary(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.message.replace(/\d{1,3}(\.\d{1,3}){3}(:\d+)?|\[[0-9a-f:]+\](:\d+)?/gi, '…');
}
