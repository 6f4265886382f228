import { type DirectoryAgency, type StepDefinition, isOfKind } from '@motcua/catalogue';

/** Who may be asked to do a step (the staff roles; an administrator configures, never processes). */
export const STEP_ROLES = ['receiver', 'head_of_desk', 'leader', 'division_head', 'specialist', 'clerk', 'returner'] as const;

/** What the owner of a step's task may do with it. */
export const STEP_ACTIONS = ['forward', 'send_back', 'request_supplement', 'refuse', 'stop', 'approve', 'sign', 'hand_over'] as const;

/**
 * The longest time budget a step may have: 10 000 working hours, some five years of working days. A budget is
 * counted out period by period when a task opens (its deadline), so an unbounded one (1e300) would never finish.
 */
export const MAX_BUDGET_HOURS = 10_000;
const MAX_NAME_LENGTH = 300;
const STEP_FIELDS = ['number', 'name', 'agency', 'role', 'budgetHours', 'actions', 'assignment'];
const RULE_FIELDS: Record<string, string[]> = { receiving: ['kind'], fixed: ['kind', 'agencyCode'], competent: ['kind', 'level', 'agencyKind'] };

export interface DefinitionProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Checks a process version before it is published: a definition with a problem is refused as a whole, each
 * problem naming its field (`steps.2.role`). Pure: the organisation it is checked against is passed in.
 */
export function checkProcessDefinition(steps: readonly StepDefinition[], agencies: readonly DirectoryAgency[], onDate: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const problem = (field: string, code: string, message: string) => problems.push({ field, code, message });
  if (steps.length === 0) {
    problem('steps', 'PROCESS.EMPTY', 'a process has at least one step');
    return problems;
  }
  const inForce = agencies.filter((a) => a.validFrom <= onDate && (a.validTo === null || onDate <= a.validTo));
  steps.forEach((step, index) => {
    const at = `steps.${index}`;
    if (step.number !== index + 1) problem(`${at}.number`, 'PROCESS.STEP_OUT_OF_ORDER', `step ${index + 1} is numbered ${step.number}`);
    if (!step.name?.trim()) problem(`${at}.name`, 'PROCESS.STEP_UNNAMED', 'every step has a name');
    if (!(STEP_ROLES as readonly string[]).includes(step.role)) {
      problem(`${at}.role`, 'PROCESS.UNKNOWN_ROLE', `${step.role} is not one of ${STEP_ROLES.join(', ')}`);
    }
    if (!(Number.isFinite(step.budgetHours) && step.budgetHours > 0)) {
      problem(`${at}.budgetHours`, 'PROCESS.BUDGET_NOT_POSITIVE', 'the time budget is a positive number of working hours');
    } else if (step.budgetHours > MAX_BUDGET_HOURS) {
      problem(`${at}.budgetHours`, 'PROCESS.BUDGET_TOO_LARGE', `the time budget is at most ${MAX_BUDGET_HOURS} working hours`);
    }
    if (step.actions.length === 0) problem(`${at}.actions`, 'PROCESS.NO_ACTION', 'a step allows at least one action');
    for (const action of step.actions) {
      if (!(STEP_ACTIONS as readonly string[]).includes(action)) {
        problem(`${at}.actions`, 'PROCESS.UNKNOWN_ACTION', `${action} is not one of ${STEP_ACTIONS.join(', ')}`);
      }
    }
    // The first step has nothing to send back to; the last has nothing to forward to.
    if (index === 0 && step.actions.includes('send_back')) problem(`${at}.actions`, 'PROCESS.SEND_BACK_FROM_FIRST_STEP', 'the first step cannot send back');
    if (index === steps.length - 1 && step.actions.includes('forward')) {
      problem(`${at}.actions`, 'PROCESS.FORWARD_FROM_LAST_STEP', 'the last step cannot forward');
    }
    // a result is issued (signed, status 9) before it is handed over (10)
    if (step.actions.includes('hand_over') && !steps.slice(0, index).some((before) => before.actions.includes('sign'))) {
      problem(`${at}.actions`, 'PROCESS.HAND_OVER_BEFORE_SIGN', 'a result is handed over only after a step that signs it');
    }
    const rule = step.agency;
    if (rule.kind === 'fixed' && !inForce.some((a) => a.code === rule.agencyCode)) {
      problem(`${at}.agency`, 'PROCESS.AGENCY_UNRESOLVABLE', `no agency ${rule.agencyCode} in force on ${onDate}`);
    }
    if (rule.kind === 'competent' && !inForce.some((a) => a.level === rule.level && isOfKind(rule.agencyKind, a.kind))) {
      problem(`${at}.agency`, 'PROCESS.AGENCY_UNRESOLVABLE', `no ${String(rule.agencyKind)} at level ${rule.level} exists on ${onDate}`);
    }
  });
  return problems;
}

const isKinds = (value: unknown) => typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((k) => typeof k === 'string'));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a process definition as a client sent it (JSON of any shape) into step definitions, or says what is
 * malformed, field by field. Unknown fields are refused (they would be stored with the version and replicated), and
 * so is a name longer than a document's. What it returns still has to pass `checkProcessDefinition`.
 */
export function parseStepDefinitions(input: unknown): { steps: StepDefinition[]; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const malformed = (field: string, message: string) => problems.push({ field, code: 'PROCESS.MALFORMED', message });
  if (!Array.isArray(input)) {
    malformed('steps', 'steps is a list of step definitions');
    return { steps: [], problems };
  }
  const steps: StepDefinition[] = [];
  input.forEach((raw: unknown, index) => {
    const at = `steps.${index}`;
    if (!isObject(raw)) return malformed(at, 'a step is an object');
    for (const key of Object.keys(raw)) if (!STEP_FIELDS.includes(key)) malformed(`${at}.${key}`, 'unknown field');
    const { number, name, agency, role, budgetHours, actions, assignment } = raw;
    if (assignment !== undefined && assignment !== 'claim' && assignment !== 'least_loaded') malformed(`${at}.assignment`, "'claim' or 'least_loaded'");
    if (!Number.isInteger(number)) malformed(`${at}.number`, 'an integer');
    if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH) malformed(`${at}.name`, `a string of at most ${MAX_NAME_LENGTH} characters`);
    if (typeof role !== 'string') malformed(`${at}.role`, 'a string');
    if (typeof budgetHours !== 'number') malformed(`${at}.budgetHours`, 'a number of working hours');
    if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string')) malformed(`${at}.actions`, 'a list of action names');
    const rule = isObject(agency) ? agency : undefined;
    const ruleOk =
      rule?.kind === 'receiving' ||
      (rule?.kind === 'fixed' && typeof rule.agencyCode === 'string') ||
      (rule?.kind === 'competent' && typeof rule.level === 'string' && isKinds(rule.agencyKind));
    if (!ruleOk) {
      malformed(`${at}.agency`, "{ kind: 'receiving' } | { kind: 'fixed', agencyCode } | { kind: 'competent', level, agencyKind: kind | kinds }");
    } else {
      for (const key of Object.keys(rule)) if (!RULE_FIELDS[rule.kind as string].includes(key)) malformed(`${at}.agency.${key}`, 'unknown field');
    }
    steps.push(raw as unknown as StepDefinition);
  });
  return { steps, problems };
}
