import { IsInt, IsUrl, Max, Min } from 'class-validator';

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
}
