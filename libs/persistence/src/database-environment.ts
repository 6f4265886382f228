import { IsInt, IsUrl, Max, Min } from 'class-validator';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_POOL_WAIT_MS } from './data-source';

/** The service's own database: `postgres://user:password@host:5432/intake`. */
export class DatabaseEnvironment {
  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: 'DATABASE_URL must be a postgres:// URL' },
  )
  DATABASE_URL!: string;

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 20;

  /**
   * Milliseconds opening a connection may take (after one failed, new ones fail at once for half a second): while
   * the database is down, clients hear so (503) within seconds.
   */
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS: number = DEFAULT_CONNECT_TIMEOUT_MS;

  /** Milliseconds a query waits for a free connection of a busy pool before the request fails with 503. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  DATABASE_POOL_WAIT_MS: number = DEFAULT_POOL_WAIT_MS;
}
