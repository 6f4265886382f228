import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';

/** Variables every service reads for logging and its HTTP port. */
export class ObservabilityEnvironment {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The share of successful requests logged on completion, 0 to 1; failures and slow requests always are. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ACCESS_LOG_SAMPLE: number = 0.1;

  /** A request slower than this (milliseconds) is logged whatever its outcome. */
  @IsInt()
  @Min(0)
  ACCESS_LOG_SLOW_MS: number = 1000;

  /** Overrides the service name put in every log line (defaults to the name the app passes in code). */
  @IsOptional()
  @IsString()
  SERVICE_NAME?: string;
}
