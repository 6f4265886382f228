import { type Timeliness, timeliness, toVietnamIso } from '@motcua/calendar';

/** One task event as the slip reads it (append-only, in order). */
export interface SlipEvent {
  readonly taskId: string;
  readonly kind: string;
  readonly actorId: string | null;
  readonly at: Date;
  readonly details: Record<string, unknown>;
}

export interface SlipTask {
  readonly id: string;
  readonly stepNumber: number;
  readonly stepName: string;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly dueAt: Date | null;
}

/** A change of a step's owner within the step: a hand-over between officers of its agency. */
export interface OwnerChange {
  change: 'claimed' | 'assigned' | 'reassigned' | 'released';
  /** The owner after it; null when the task went back to the queue. */
  ownerId: string | null;
  /** Who made it ('system' for an automatic assignment). */
  by: string | null;
  at: string;
}

/** A row of the process-control slip (phiếu kiểm soát quá trình giải quyết hồ sơ): one hand-over. */
export interface SlipRow {
  stepNumber: number;
  stepName: string;
  agencyCode: string;
  agencyName: string;
  /** Who handed the dossier over to this step: the desk officer who received it, or the owner of the step before. */
  givenBy: string | null;
  handedOverAt: string;
  /** Who had it: its owner when it ended, or its owner now (null while it waits in the queue). */
  receivedBy: string | null;
  /** When it was first taken from the queue. */
  receivedAt: string | null;
  /** Every change of owner within the step, in order: who had it, from when, and who decided. */
  ownerChanges: OwnerChange[];
  completedAt: string | null;
  /** Who ended it: its owner, or the desk officer who recorded the applicant's withdrawal. */
  completedBy: string | null;
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
 * its hand-over, first take, current or last owner and end. Pure: the caller reads the events.
 */
export function controlSlip(tasks: readonly SlipTask[], events: readonly SlipEvent[], coordinatorId: string): SlipRow[] {
  return tasks.map((task) => {
    const own = events.filter((e) => e.taskId === task.id);
    const created = own.find((e) => e.kind === 'created');
    const firstOwner = own.find((e) => e.kind === 'claimed' || e.kind === 'assigned');
    const ownerEvents = own.filter((e) => ['claimed', 'assigned', 'reassigned', 'released'].includes(e.kind));
    const lastOwnerEvent = ownerEvents.at(-1);
    const completed = own.find((e) => e.kind === 'completed');
    const note = completed?.details.note;
    return {
      stepNumber: task.stepNumber,
      stepName: task.stepName,
      agencyCode: task.agencyCode,
      agencyName: task.agencyName,
      // nobody recorded: a step resumed after the applicant supplied documents themselves, or a first task
      // opened before the accepting officer was recorded on it; the desk (the coordinator) gave it
      givenBy: created?.actorId ?? coordinatorId,
      handedOverAt: toVietnamIso(created?.at ?? new Date(0)),
      receivedBy: (lastOwnerEvent?.details.ownerId as string | null | undefined) ?? null,
      receivedAt: firstOwner ? toVietnamIso(firstOwner.at) : null,
      ownerChanges: ownerEvents.map((e) => ({
        change: e.kind as OwnerChange['change'],
        ownerId: (e.details.ownerId as string | null | undefined) ?? null,
        by: e.actorId,
        at: toVietnamIso(e.at),
      })),
      completedAt: completed ? toVietnamIso(completed.at) : null,
      completedBy: completed?.actorId ?? null,
      stepDeadline: task.dueAt ? toVietnamIso(task.dueAt) : null,
      result: completed && task.dueAt ? timeliness(completed.at, task.dueAt) : null,
      outcome: typeof completed?.details.action === 'string' ? completed.details.action : null,
      note: typeof note === 'string' ? note : null,
    };
  });
}
