import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Variables every service reads for logging and its HTTP port. */
export class ObservabilityEnvironment {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Overrides the service name put in every log line (defaults to the name the app passes in code). */
  @IsOptional()
  @IsString()
  SERVICE_NAME?: string;
}
