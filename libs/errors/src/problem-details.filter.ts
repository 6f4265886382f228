import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type FieldProblem, PROBLEM_CONTENT_TYPE, type ProblemDetails, ProblemDetailsException, problemType } from './problem-details';
import { FRAMEWORK_PROBLEMS } from './framework-problems';
import { problemStatus, problemTitle } from './problem-titles';
import { Refusal } from './refusal';
import { isDependencyUnavailable } from './unavailable';
import { RequestContext } from '@motcua/observability';

/**
 * Renders every error of an HTTP request as RFC 9457 problem details with a stable `code`. Only HTTP: for a
 * message handler the exception is rethrown so the transport's retry / parking-lot rules see it.
 */
@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request: unknown = http.getRequest();
    const response: unknown = http.getResponse();
    const adapter = this.adapterHost.httpAdapter;

    const problem = problemOf(exception);
    problem.instance = String(adapter.getRequestUrl(request)).split('?')[0];
    problem.correlationId = RequestContext.current()?.correlationId ?? correlationIdOf(request);

    if (problem.code === UNAVAILABLE) {
      // an outage, not a bug: its stack says nothing, and a storm of requests would write it once each
      this.logger.warn({ code: problem.code, path: problem.instance }, exception instanceof Error ? exception.message : 'non-error thrown');
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, code: problem.code, path: problem.instance }, exception instanceof Error ? exception.message : 'non-error thrown');
    }
    if (adapter.isHeadersSent(response)) return;
    adapter.setHeader(response, 'content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    // "later" says when: a limit's own wait if it set one (the lookup's), else a short one
    const retryAfter = retryAfterOf(problem.status);
    if (retryAfter !== undefined && adapter.getHeader(response, 'retry-after') === undefined) adapter.setHeader(response, 'retry-after', retryAfter);
    adapter.reply(response, problem, problem.status);
  }
}

/** The code of a request that failed because the service's database or broker cannot be reached just now. */
export const UNAVAILABLE = 'SERVICE.UNAVAILABLE';

/** Seconds a client waits before it tries again after a 503 or a 429 that said nothing more precise. */
export const RETRY_AFTER_SECONDS = 3;

/** The `Retry-After` a status answers with by default: 503 and 429 say when to come back; nothing else does. */
export function retryAfterOf(status: number): string | undefined {
  return status === 503 || status === 429 ? String(RETRY_AFTER_SECONDS) : undefined;
}

/**
 * The problem details of any error, titled in Vietnamese by its code (`PROBLEMS`): a domain `Refusal` with the
 * status its code has there; a `ProblemDetailsException` as thrown; an error of the HTTP layer itself (Fastify's, before any handler runs:
 * unreadable JSON, a content type other than JSON, a body or path too long) by its stable `REQUEST.*` code; another
 * `HttpException` as `HTTP.<REASON>`; the database or the broker out of reach (`isDependencyUnavailable`) as a 503
 * `SERVICE.UNAVAILABLE` that says nothing of it; anything else as a 500 that says nothing.
 */
export function problemOf(exception: unknown): ProblemDetails {
  if (exception instanceof Refusal) {
    const status = problemStatus(exception.code);
    return withoutUndefined({
      type: problemType(exception.code),
      title: problemTitle(exception.code, status),
      status,
      detail: exception.detail,
      code: exception.code,
      errors: exception.errors,
    });
  }
  if (exception instanceof ProblemDetailsException) {
    return withoutUndefined({
      type: problemType(exception.code),
      title: problemTitle(exception.code, exception.getStatus()),
      status: exception.getStatus(),
      detail: exception.detail,
      code: exception.code,
      errors: exception.errors,
    });
  }
  const framework = frameworkProblemOf(exception);
  if (framework) return framework;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    // Lets another lib (or Nest itself) pass a code without depending on ProblemDetailsException.
    const explicit = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const code = typeof explicit.code === 'string' ? explicit.code : `HTTP.${httpReason(status)}`;
    return withoutUndefined({
      type: problemType(code),
      // by the code, in Vietnamese, whatever title (English, from Nest or a library) the exception carries
      title: problemTitle(code, status),
      status,
      detail: status >= 500 ? undefined : detailOf(exception, explicit),
      code,
      errors: Array.isArray(explicit.errors) ? (explicit.errors as FieldProblem[]) : undefined,
    });
  }
  if (isDependencyUnavailable(exception)) {
    return {
      type: problemType(UNAVAILABLE),
      title: problemTitle(UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE),
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: 'The service cannot reach its data just now: try again in a few seconds.',
      code: UNAVAILABLE,
    };
  }
  // Unknown failure: say nothing about it to the client, log it with the correlation id instead.
  return {
    type: problemType('INTERNAL'),
    title: problemTitle('INTERNAL', HttpStatus.INTERNAL_SERVER_ERROR),
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL',
  };
}

/** Fastify's error (as Fastify raises it, or as Nest wraps it in an HttpException with it as the cause) by its stable code. */
function frameworkProblemOf(exception: unknown): ProblemDetails | undefined {
  const error = exception instanceof HttpException && exception.cause !== undefined ? exception.cause : exception;
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  const known = typeof fastifyCode === 'string' ? FRAMEWORK_PROBLEMS[fastifyCode] : undefined;
  return (
    known && { type: problemType(known.code), title: problemTitle(known.code, known.status), status: known.status, detail: known.detail, code: known.code }
  );
}

function detailOf(exception: HttpException, body: Record<string, unknown>): string | undefined {
  if (typeof body.detail === 'string') return body.detail;
  const message = body.message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message || undefined;
}

/** 404 → NOT_FOUND, 422 → UNPROCESSABLE_ENTITY: Nest's own HttpStatus names. */
function httpReason(status: number): string {
  const name = (HttpStatus as unknown as Record<number, string | undefined>)[status];
  return name ?? String(status);
}

function correlationIdOf(request: unknown): string | undefined {
  const id = (request as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
