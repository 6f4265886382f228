import { NationalStatus } from '@motcua/contracts';

/** Roles that head an agency's work and may assign or take back its tasks. */
export const HEAD_ROLES: readonly string[] = ['head_of_desk', 'leader', 'division_head'];

/** What the owner of a step's task may do with it (as a process version lists it). */
export type StepAction = 'forward' | 'send_back' | 'request_supplement' | 'refuse' | 'stop' | 'approve' | 'sign' | 'hand_over';

/** The actions this version of workflow carries out; the others are refused until they are built. */
export const SUPPORTED_ACTIONS: readonly StepAction[] = ['forward', 'approve', 'sign', 'send_back', 'hand_over'];

export type TaskCommand =
  | { readonly kind: 'claim' }
  | { readonly kind: 'assign'; readonly officerId: string }
  | { readonly kind: 'release' }
  | { readonly kind: 'act'; readonly action: string; readonly note?: string };

export interface TaskState {
  readonly status: 'open' | 'done';
  readonly ownerId: string | null;
  readonly version: number;
  readonly role: string;
}

/** An officer as the organisation knows them: their roles at the task's agency, and whether they are at work. */
export interface Officer {
  readonly id: string;
  readonly active: boolean;
  readonly rolesAtAgency: readonly string[];
}

export type Refusal = { readonly ok: false; readonly status: 403 | 409 | 422; readonly code: string; readonly message: string; readonly field?: string };
export type Decision = { readonly ok: true } | Refusal;

const refuse = (status: Refusal['status'], code: string, message: string, field?: string): Refusal => ({ ok: false, status, code, message, field });
const eligible = (officer: Officer | undefined, role: string) => officer !== undefined && officer.active && officer.rolesAtAgency.includes(role);

/**
 * Whether a command may change a task: a compare-and-set on the task's version (a stale or concurrent command
 * changes nothing), then who may do what. Pure: the caller reads the task under a row lock and the officers.
 */
export function decide(
  task: TaskState,
  command: TaskCommand,
  expectedVersion: number,
  actor: Officer | undefined,
  allowedActions: readonly string[],
  assignee?: Officer,
): Decision {
  if (task.status !== 'open') return refuse(409, 'TASK.CLOSED', 'the task is already done');
  if (task.version !== expectedVersion) {
    return refuse(409, 'TASK.VERSION_CONFLICT', `the task is at version ${task.version}, not ${expectedVersion}: reload it`, 'version');
  }
  const isHead = actor !== undefined && actor.active && actor.rolesAtAgency.some((r) => HEAD_ROLES.includes(r));
  switch (command.kind) {
    case 'claim':
      if (task.ownerId !== null) return refuse(409, 'TASK.ALREADY_OWNED', 'the task already has an owner');
      if (!eligible(actor, task.role)) return refuse(403, 'TASK.NOT_ELIGIBLE', `only an active ${task.role} of the agency may take it`);
      return { ok: true };
    case 'assign':
      if (!isHead) return refuse(403, 'TASK.NOT_HEAD', 'only the head of the agency assigns its tasks');
      if (!eligible(assignee, task.role)) {
        return refuse(422, 'TASK.ASSIGNEE_NOT_ELIGIBLE', `${command.officerId} is not an active ${task.role} of the agency`, 'officerId');
      }
      if (task.ownerId === command.officerId) return refuse(409, 'TASK.ALREADY_OWNED', `${command.officerId} already owns the task`, 'officerId');
      return { ok: true };
    case 'release':
      if (task.ownerId === null) return refuse(409, 'TASK.NOT_OWNED', 'the task has no owner to release');
      if (actor?.id !== task.ownerId && !isHead) return refuse(403, 'TASK.NOT_OWNER', 'only its owner or the head of the agency releases a task');
      return { ok: true };
    case 'act':
      if (task.ownerId === null || actor?.id !== task.ownerId) return refuse(403, 'TASK.NOT_OWNER', 'only the owner of the task acts on it');
      if (!allowedActions.includes(command.action)) {
        return refuse(422, 'TASK.ACTION_NOT_ALLOWED', `this step allows ${allowedActions.join(', ')}`, 'action');
      }
      if (!(SUPPORTED_ACTIONS as readonly string[]).includes(command.action)) {
        return refuse(422, 'TASK.ACTION_NOT_SUPPORTED', `${command.action} is not carried out yet`, 'action');
      }
      if (command.action === 'send_back' && !command.note?.trim()) return refuse(422, 'TASK.REASON_REQUIRED', 'sending back needs a reason', 'note');
      return { ok: true };
  }
}

/** Where an action takes the case: to another step (with the national status the dossier then has), or closed. */
export type Transition =
  | { readonly kind: 'step'; readonly stepNumber: number; readonly nationalStatus: NationalStatus; readonly signedStep: number | null }
  | { readonly kind: 'closed'; readonly nationalStatus: NationalStatus };

/**
 * The step after an action. Forwarding, approving and signing move to the next step; signing issues the result,
 * so from then on the dossier is processed (9) until it is handed over (10); sending back returns to the previous
 * step, and a result sent back to or before its signing step must be signed again.
 */
export function transition(action: StepAction, stepNumber: number, stepCount: number, signedStep: number | null): Transition {
  switch (action) {
    case 'forward':
    case 'approve':
    case 'sign': {
      const signed = action === 'sign' ? stepNumber : signedStep;
      if (stepNumber >= stepCount) return { kind: 'closed', nationalStatus: signed !== null ? NationalStatus.Processed : NationalStatus.InProgress };
      return { kind: 'step', stepNumber: stepNumber + 1, nationalStatus: signed !== null ? NationalStatus.Processed : NationalStatus.InProgress, signedStep: signed };
    }
    case 'send_back': {
      const back = Math.max(1, stepNumber - 1);
      const signed = signedStep !== null && back <= signedStep ? null : signedStep;
      return { kind: 'step', stepNumber: back, nationalStatus: signed !== null ? NationalStatus.Processed : NationalStatus.InProgress, signedStep: signed };
    }
    case 'hand_over':
      return { kind: 'closed', nationalStatus: NationalStatus.Returned };
    default:
      throw new Error(`${action} has no transition yet`);
  }
}
