import { type Timeliness, timeliness, toVietnamIso } from '@motcua/calendar';
import { NationalStatus } from '@motcua/contracts';
import type { TaskRecord } from '../tasks/task';

/** One task event as the slip reads it (append-only, in order). */
export interface SlipEvent {
  readonly taskId: string;
  readonly kind: string;
  readonly actorId: string | null;
  readonly at: Date;
  readonly details: Record<string, unknown>;
}

/** A step's task as the slip names it: its step, its agency (with its name) and its deadline. */
export type SlipTask = Pick<TaskRecord, 'id' | 'stepNumber' | 'stepName' | 'agencyCode' | 'dueAt'> & { readonly agencyName: string };

/** A change of a step's owner within the step: a hand-over between officers of its agency. */
export interface OwnerChange {
  change: 'claimed' | 'assigned' | 'reassigned' | 'released';
  /** The owner after it; null when the task went back to the queue. */
  ownerId: string | null;
  ownerName: string | null;
  /** Who made it ('system' for an automatic assignment). */
  by: string | null;
  byName: string | null;
  at: string;
}

/** Officers' full names by id, as the slip names everyone beside their id. */
export type OfficerNames = ReadonlyMap<string, string>;

/** What an automatic assignment is signed with on the slip. */
export const SYSTEM_NAME = 'Hệ thống (tự động)';

/** A row of the process-control slip (phiếu kiểm soát quá trình giải quyết hồ sơ): one hand-over. */
export interface SlipRow {
  stepNumber: number;
  stepName: string;
  agencyCode: string;
  agencyName: string;
  /** Who handed the dossier over to this step: the desk officer who received it, or the owner of the step before. */
  givenBy: string | null;
  givenByName: string | null;
  handedOverAt: string;
  /** Who had it: its owner when it ended, or its owner now (null while it waits in the queue). */
  receivedBy: string | null;
  receivedByName: string | null;
  /** When it was first taken from the queue. */
  receivedAt: string | null;
  /** Every change of owner within the step, in order: who had it, from when, and who decided. */
  ownerChanges: OwnerChange[];
  completedAt: string | null;
  /** Who ended it: its owner, or the desk officer who recorded the applicant's withdrawal. */
  completedBy: string | null;
  completedByName: string | null;
  /** The step's deadline: its budget in working hours from the hand-over. */
  stepDeadline: string | null;
  /** Finished early, on time or late against the step's deadline; null while the step is open. */
  result: Timeliness | null;
  /** The action that finished the step (forward, send_back, sign, hand_over…), null while it is open. */
  outcome: string | null;
  note: string | null;
}

/**
 * The slip derived from the task events alone: a row per task in the order the tasks were created, each with
 * its hand-over, first take, current or last owner and end, every officer named beside their id (null for one the
 * names do not hold). Pure: the caller reads the events and the names.
 */
export function controlSlip(tasks: readonly SlipTask[], events: readonly SlipEvent[], coordinatorId: string, names: OfficerNames): SlipRow[] {
  const nameOf = (id: string | null) => (id === null ? null : id === 'system' ? SYSTEM_NAME : (names.get(id) ?? null));
  return tasks.map((task) => {
    const own = events.filter((e) => e.taskId === task.id);
    const created = own.find((e) => e.kind === 'created');
    const firstOwner = own.find((e) => e.kind === 'claimed' || e.kind === 'assigned');
    const ownerEvents = own.filter((e) => ['claimed', 'assigned', 'reassigned', 'released'].includes(e.kind));
    const lastOwnerEvent = ownerEvents.at(-1);
    const completed = own.find((e) => e.kind === 'completed');
    const note = completed?.details.note;
    // nobody recorded: a step resumed after the applicant supplied documents themselves, or a first task
    // opened before the accepting officer was recorded on it; the desk (the coordinator) gave it
    const givenBy = created?.actorId ?? coordinatorId;
    const receivedBy = (lastOwnerEvent?.details.ownerId as string | null | undefined) ?? null;
    const completedBy = completed?.actorId ?? null;
    return {
      stepNumber: task.stepNumber,
      stepName: task.stepName,
      agencyCode: task.agencyCode,
      agencyName: task.agencyName,
      givenBy,
      givenByName: nameOf(givenBy),
      handedOverAt: toVietnamIso(created?.at ?? new Date(0)),
      receivedBy,
      receivedByName: nameOf(receivedBy),
      receivedAt: firstOwner ? toVietnamIso(firstOwner.at) : null,
      ownerChanges: ownerEvents.map((e) => {
        const ownerId = (e.details.ownerId as string | null | undefined) ?? null;
        return {
          change: e.kind as OwnerChange['change'],
          ownerId,
          ownerName: nameOf(ownerId),
          by: e.actorId,
          byName: nameOf(e.actorId),
          at: toVietnamIso(e.at),
        };
      }),
      completedAt: completed ? toVietnamIso(completed.at) : null,
      completedBy,
      completedByName: nameOf(completedBy),
      stepDeadline: task.dueAt ? toVietnamIso(task.dueAt) : null,
      result: completed && task.dueAt ? timeliness(completed.at, task.dueAt) : null,
      outcome: typeof completed?.details.action === 'string' ? completed.details.action : null,
      note: typeof note === 'string' ? note : null,
    };
  });
}

/** The national status a closed case ended with, by how it ended. */
const ENDED_WITH: Readonly<Record<string, NationalStatus>> = {
  returned: NationalStatus.Returned,
  processed: NationalStatus.Processed,
  stopped: NationalStatus.Stopped,
  withdrawn: NationalStatus.Withdrawn,
};

/**
 * The dossier's national status as the slip shows it: how a closed case ended; 5 while it waits for the applicant;
 * otherwise its open task's (4, or 9 once the result is signed).
 */
export function caseNationalStatus(kase: { status: string; outcome: string | null }, openTaskStatus: number | null): number {
  if (kase.status === 'closed') return ENDED_WITH[kase.outcome ?? ''] ?? NationalStatus.Processed;
  if (kase.status === 'awaiting_supplement') return NationalStatus.SupplementRequested;
  return openTaskStatus ?? NationalStatus.InProgress;
}
