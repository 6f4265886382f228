import { type Timeliness, timeliness, toVietnamIso } from '@motcua/calendar';
import { NationalStatus } from '@motcua/contracts';
import { POSTAL_ACTOR_ID, POSTAL_ACTOR_NAME, type PostalFactKind } from '../cases/postal-fact';
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
  /** A step's task, or what the post did with the result sent to the applicant. */
  kind: 'step' | 'postal';
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
  /** For a postal row: the shipment and its update (its waybill is also in the giver's or receiver's name). */
  shipment?: { shipmentId: string; sequence: number; waybill: string | null };
}

/** What the post did with a case's result, as the slip reads it (append-only, one per shipment update). */
export interface SlipPostalFact {
  readonly shipmentId: string;
  readonly sequence: number;
  readonly kind: PostalFactKind;
  readonly waybill: string | null;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly receivedBy: string | null;
  readonly reason: string | null;
  readonly at: Date;
}

/**
 * The slip derived from the task events alone: a row per task in the order the tasks were created, each with
 * its hand-over, first take, current or last owner and end, every officer named beside their id (null for one the
 * names do not hold). Pure: the caller reads the events and the names.
 */
export function controlSlip(tasks: readonly SlipTask[], events: readonly SlipEvent[], coordinatorId: string, names: OfficerNames): SlipRow[] {
  const nameOf = (id: string | null) =>
    id === null ? null : id === 'system' ? SYSTEM_NAME : id === POSTAL_ACTOR_ID ? POSTAL_ACTOR_NAME : (names.get(id) ?? null);
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
      kind: 'step' as const,
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

/** The post as the slip names it: with the waybill it carries the result under. */
export const postName = (waybill: string | null) => (waybill ? `${POSTAL_ACTOR_NAME} (vận đơn ${waybill})` : POSTAL_ACTOR_NAME);

/** What each postal fact is called on the slip. */
const POSTAL_STEP_NAMES: Readonly<Record<PostalFactKind, string>> = {
  handed_over: 'Bộ phận Một cửa giao kết quả cho bưu điện',
  delivered: 'Bưu điện phát kết quả cho người nhận',
  delivery_failed: 'Bưu điện phát kết quả không thành công',
  returned: 'Bưu điện chuyển hoàn kết quả về Bộ phận Một cửa',
  cancelled: 'Hủy gửi kết quả qua bưu điện',
};

/**
 * The slip's rows for what the post did with the result, after the steps' rows, in the carrier's order (its time,
 * then the shipment's sequence) whatever order the news arrived in; `stepNumber` is the last step's (the
 * returner's), during which the result went out. Handed over: the returner gives it to the post; delivered or not
 * delivered: the post to the applicant; returned: the post back to the desk; cancelled: nobody gave it.
 */
export function postalSlipRows(facts: readonly SlipPostalFact[], lastStepNumber: number, applicantName: string | null, names: OfficerNames): SlipRow[] {
  return [...facts]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.sequence - b.sequence)
    .map((f) => {
      const post = { id: POSTAL_ACTOR_ID, name: postName(f.waybill) };
      const applicant = { id: null, name: applicantName ?? f.receivedBy };
      const desk = { id: f.agencyCode, name: f.agencyName };
      const returner = { id: f.actorId, name: f.actorName ?? (f.actorId ? (names.get(f.actorId) ?? null) : null) };
      const nobody = { id: null, name: null };
      const [giver, receiver] =
        f.kind === 'handed_over' ? [returner, post] : f.kind === 'returned' ? [post, desk] : f.kind === 'cancelled' ? [nobody, nobody] : [post, applicant];
      const note =
        f.kind === 'delivered'
          ? f.receivedBy
            ? `Người ký nhận: ${f.receivedBy}`
            : null
          : f.kind === 'cancelled'
            ? (f.reason ?? 'Đã hủy gửi kết quả qua bưu điện')
            : f.reason;
      const at = toVietnamIso(f.at);
      return {
        kind: 'postal' as const,
        stepNumber: lastStepNumber,
        stepName: POSTAL_STEP_NAMES[f.kind],
        agencyCode: f.agencyCode,
        agencyName: f.agencyName,
        givenBy: giver.id,
        givenByName: giver.name,
        handedOverAt: at,
        receivedBy: receiver.id,
        receivedByName: receiver.name,
        receivedAt: f.kind === 'cancelled' ? null : at,
        ownerChanges: [],
        completedAt: at,
        completedBy: null,
        completedByName: null,
        stepDeadline: null,
        result: null,
        outcome: `postal_${f.kind}`,
        note,
        shipment: { shipmentId: f.shipmentId, sequence: f.sequence, waybill: f.waybill },
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
