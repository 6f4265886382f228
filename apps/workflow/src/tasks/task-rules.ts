import { NationalStatus } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';
import { HEAD_ROLES } from '../staff/oversight';
import type { TaskInCase } from './task';

/** What the owner of a step's task may do with it (as a process version lists it). */
export type StepAction = 'forward' | 'send_back' | 'request_supplement' | 'refuse' | 'stop' | 'approve' | 'sign' | 'hand_over';

/** Actions that must say why: the applicant or the step before is told the reason. */
const NEED_REASON: readonly string[] = ['send_back', 'request_supplement', 'refuse', 'stop'];

export type TaskCommand =
  | { readonly kind: 'claim' }
  | { readonly kind: 'assign'; readonly officerId: string }
  | { readonly kind: 'release' }
  | { readonly kind: 'extend'; readonly reason: string; readonly newAppointmentAt: Date }
  | { readonly kind: 'act'; readonly action: string; readonly note?: string; readonly missing?: readonly { readonly code?: string; readonly name: string }[] };

/** What the rules look at in a task and its case. */
export type TaskState = Pick<TaskInCase, 'status' | 'ownerId' | 'version' | 'role' | 'signedStep'>;

/**
 * An officer as a command sees them: whether they are at work, and their roles at the task's agency. For the
 * caller, the roles in force (`rolesInForce`: the organisation's record narrowed by their token); for an officer
 * the caller names (whom a head assigns), the record's.
 */
export interface Officer {
  readonly id: string;
  readonly active: boolean;
  readonly rolesAtAgency: readonly string[];
}

/** 404 for a task that does not exist or that the caller may not see: the two are not told apart. */
export const taskNotFound = (taskId: string) => new Refusal('TASK.NOT_FOUND', `No task ${taskId} that you may see`);

const refuse = (code: string, message: string, field?: string): Refusal => (field ? Refusal.ofField(code, field, message) : new Refusal(code, message));
const eligible = (officer: Officer | undefined, role: string) => officer !== undefined && officer.active && officer.rolesAtAgency.includes(role);

/**
 * Why a command may not change a task (null: it may): a compare-and-set on the task's version (a stale or concurrent command
 * changes nothing), then who may do what. Pure: the caller reads the task and the officers, and writes only if the
 * task is still as read.
 */
export function decide(
  task: TaskState,
  command: TaskCommand,
  expectedVersion: number,
  actor: Officer | undefined,
  allowedActions: readonly string[],
  assignee?: Officer,
): Refusal | null {
  if (task.status !== 'open') return refuse('TASK.CLOSED', 'the task is already done');
  if (task.version !== expectedVersion) {
    return refuse('TASK.VERSION_CONFLICT', `the task is at version ${task.version}, not ${expectedVersion}: reload it`, 'version');
  }
  const isHead = actor !== undefined && actor.active && actor.rolesAtAgency.some((r) => HEAD_ROLES.includes(r));
  switch (command.kind) {
    case 'claim':
      if (task.ownerId !== null) return refuse('TASK.ALREADY_OWNED', 'the task already has an owner');
      if (!eligible(actor, task.role)) return refuse('TASK.NOT_ELIGIBLE', `only an active ${task.role} of the agency may take it`);
      return null;
    case 'assign':
      if (!isHead) return refuse('TASK.NOT_HEAD', 'only the head of the agency assigns its tasks');
      if (!eligible(assignee, task.role)) {
        return refuse('TASK.ASSIGNEE_NOT_ELIGIBLE', `${command.officerId} is not an active ${task.role} of the agency`, 'officerId');
      }
      if (task.ownerId === command.officerId) return refuse('TASK.ALREADY_OWNED', `${command.officerId} already owns the task`, 'officerId');
      return null;
    case 'release':
      if (task.ownerId === null) return refuse('TASK.NOT_OWNED', 'the task has no owner to release');
      if (actor?.id !== task.ownerId && !isHead) return refuse('TASK.NOT_OWNER', 'only its owner or the head of the agency releases a task');
      if (!isHead && !eligible(actor, task.role)) return refuse('TASK.NOT_ELIGIBLE', `only an active ${task.role} of the agency may release it`);
      return null;
    case 'extend':
      if (task.ownerId === null || actor?.id !== task.ownerId) return refuse('TASK.NOT_OWNER', 'only the owner of the task asks for an extension');
      if (!eligible(actor, task.role)) return refuse('TASK.NOT_ELIGIBLE', `only an active ${task.role} of the agency may move the appointment`);
      return null;
    case 'act':
      if (task.ownerId === null || actor?.id !== task.ownerId) return refuse('TASK.NOT_OWNER', 'only the owner of the task acts on it');
      if (!eligible(actor, task.role)) return refuse('TASK.NOT_ELIGIBLE', `only an active ${task.role} of the agency may act on it`);
      if (!allowedActions.includes(command.action)) {
        return refuse('TASK.ACTION_NOT_ALLOWED', `this step allows ${allowedActions.join(', ')}`, 'action');
      }
      if (NEED_REASON.includes(command.action) && !command.note?.trim()) {
        return refuse('TASK.REASON_REQUIRED', `${command.action} needs a reason`, 'note');
      }
      if (command.action === 'hand_over' && task.signedStep === null) {
        return refuse('TASK.RESULT_NOT_SIGNED', 'the result is handed over once it has been signed', 'action');
      }
      // one supplement request lists everything missing (no piecemeal requests)
      if (command.action === 'request_supplement' && !command.missing?.length) {
        return refuse('TASK.MISSING_LIST_REQUIRED', 'a supplement request lists what is missing', 'missing');
      }
      return null;
  }
}

/**
 * Where an action takes the case: to another step (with the national status the dossier then has), to the
 * applicant for a supplement (the case waits, no task open), or closed.
 */
export type Transition =
  | { readonly kind: 'step'; readonly stepNumber: number; readonly nationalStatus: NationalStatus; readonly signedStep: number | null }
  | { readonly kind: 'waiting'; readonly stepNumber: number; readonly nationalStatus: NationalStatus }
  | { readonly kind: 'closed'; readonly nationalStatus: NationalStatus; readonly outcome: 'returned' | 'processed' | 'stopped' };

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
      if (stepNumber >= stepCount) return { kind: 'closed', nationalStatus: NationalStatus.Processed, outcome: 'processed' };
      return {
        kind: 'step',
        stepNumber: stepNumber + 1,
        nationalStatus: signed !== null ? NationalStatus.Processed : NationalStatus.InProgress,
        signedStep: signed,
      };
    }
    case 'send_back': {
      const back = Math.max(1, stepNumber - 1);
      const signed = signedStep !== null && back <= signedStep ? null : signedStep;
      return { kind: 'step', stepNumber: back, nationalStatus: signed !== null ? NationalStatus.Processed : NationalStatus.InProgress, signedStep: signed };
    }
    case 'request_supplement':
      return { kind: 'waiting', stepNumber, nationalStatus: NationalStatus.SupplementRequested };
    case 'refuse':
    case 'stop':
      // the notice of stopped processing, with its reasons, goes to the applicant
      return { kind: 'closed', nationalStatus: NationalStatus.Stopped, outcome: 'stopped' };
    case 'hand_over':
      return { kind: 'closed', nationalStatus: NationalStatus.Returned, outcome: 'returned' };
  }
}
