/** One field-level problem in a refused request or command (`applicant.fullName`, `isNotEmpty`, the human message). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * Why the domain says no: a stable code (`TASK.ALREADY_OWNED`), what went wrong in this instance (`detail`), and the
 * fields at fault. No HTTP in it: pure rules return one, use cases and controllers throw one, and the problem-details
 * filter answers it with the status and Vietnamese title its code has in `PROBLEMS`, the one place codes meet HTTP.
 */
export class Refusal extends Error {
  readonly code: string;
  readonly detail?: string;
  readonly errors?: FieldProblem[];

  constructor(code: string, detail?: string, errors?: FieldProblem[]) {
    super(detail ?? code);
    this.name = 'Refusal';
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }

  /** A refusal of one field's value, the field's problem carrying the same code and message. */
  static ofField(code: string, field: string, detail: string): Refusal {
    return new Refusal(code, detail, [{ field, code, message: detail }]);
  }
}
