import { HttpException } from '@nestjs/common';
import { problemTitle } from './problem-titles';

/** One field-level problem in a rejected request (`applicant.fullName`, `isNotEmpty`, the human message). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

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
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export interface ProblemDetailsInit {
  status: number;
  /**
   * Stable, upper-case, dot-separated: `DOSSIER.NOT_FOUND`, `TASK.ALREADY_OWNED`. Clients switch on it. Its
   * Vietnamese title comes from `PROBLEM_TITLES`, where a new code gets one.
   */
  code: string;
  detail?: string;
  errors?: FieldProblem[];
}

/**
 * Throw this from use cases / controllers to answer with a specific problem. The filter renders it as is, titled
 * by its code; every other HttpException gets a generic `HTTP.<REASON>` code.
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
