import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

/** How notification reaches its SMTP server (validated at start). Locally: the SMTP catcher of `npm run start:all`. */
export class EmailEnvironment {
  @IsString() @MinLength(1) SMTP_HOST = '127.0.0.1';
  @Type(() => Number) @IsInt() @Min(1) @Max(65_535) SMTP_PORT = 3102;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it (`SMTP_REQUIRE_TLS` insists). */
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true') @IsBoolean() SMTP_SECURE = false;
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true') @IsBoolean() SMTP_REQUIRE_TLS = false;
  /** Refuse a server whose certificate does not verify (leave on outside development). */
  @Transform(({ value }: { value: unknown }) => value !== false && value !== 'false') @IsBoolean() SMTP_TLS_REJECT_UNAUTHORIZED = true;
  @IsOptional() @IsString() SMTP_USER?: string;
  @IsOptional() @IsString() SMTP_PASSWORD?: string;
  /**
   * Connections kept open to the server, and messages sent on one before it is renewed. An SMTP message takes
   * several round trips on its connection, so the connections bound the email channel: with 5, a dispatcher
   * loaded at 150 emails/s fell seconds behind (bench part n: p99 5–11 s); with 20, p99 under 0.7 s. Keep it
   * within the relay's per-client connection limit.
   */
  @Type(() => Number) @IsInt() @Min(1) @Max(100) SMTP_MAX_CONNECTIONS = 20;
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) SMTP_MAX_MESSAGES = 1_000;
  @IsEmail() MAIL_FROM_ADDRESS = 'mot-cua@dichvucong.hanoi.gov.vn';
  @IsString() @MinLength(1) MAIL_FROM_NAME = 'Bộ phận Một cửa';
  /** The right-hand side of every Message-ID: the notification's id at this domain, the same on every attempt. */
  @IsString() @MinLength(1) MAIL_MESSAGE_ID_DOMAIN = 'motcua.hanoi.gov.vn';
}
