import { HttpException } from '@nestjs/common';
import { problemTitle } from './problem-titles';
import type { FieldProblem } from './refusal';

export type { FieldProblem } from './refusal';

/** The RFC 9457 body every service answers errors with; `code` is the stable, documented error code. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://motcua.vn/problems/';

/** `DOSSIER.NOT_FOUND` → `https://motcua.vn/problems/dossier-not-found`: one URI per stable code. */
export function problemType(code: string): string {
  return (
    PROBLEM_TYPE_BASE +
    code
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

export interface ProblemDetailsInit {
  status: number;
  /**
   * Stable, upper-case, dot-separated: `DOSSIER.NOT_FOUND`, `TASK.ALREADY_OWNED`. Clients switch on it. Its
   * status and Vietnamese title are in `PROBLEMS`, where a new code gets them (the status given here must be the same).
   */
  code: string;
  detail?: string;
  errors?: FieldProblem[];
}

/**
 * A problem of the HTTP layer itself, with its status (the bearer guard's, the validation pipe's, a cursor or an
 * idempotency key refused): the filter renders it as is, titled by its code; every other HttpException gets a generic
 * `HTTP.<REASON>` code. Rules, use cases and controllers throw a `Refusal` instead, which carries no status.
 */
export class ProblemDetailsException extends HttpException {
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: FieldProblem[];

  constructor(o: ProblemDetailsInit) {
    const title = problemTitle(o.code, o.status);
    super({ code: o.code, title, detail: o.detail, errors: o.errors }, o.status, { description: o.detail ?? title });
    this.code = o.code;
    this.title = title;
    this.detail = o.detail;
    this.errors = o.errors;
  }
}
