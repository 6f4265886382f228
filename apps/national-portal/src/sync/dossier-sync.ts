import type {
  AppointmentChanged,
  CaseClosed,
  DossierAccepted,
  DossierSupplemented,
  SubmissionFiled,
  SubmissionRefused,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
} from '@motcua/contracts';
import type { HoSo, SupplementEntry, TienDo } from '../portal/national-portal';
import { portalDate } from '../portal/portal-date';

/**
 * What the portal should know of one dossier, built from intake's and workflow's events: pure, no framework.
 *
 * Ordering. Each producer numbers its events per dossier (intake: 1 the acceptance, then its supplements; workflow:
 * 1, 2, … its steps and ends). The snapshot never goes back: an event at or below the producer's highest sequence
 * applied is late and changes no state (the status stays), it only fills what is still missing (a date, the receipt).
 * The national status follows workflow once workflow has spoken; before that, intake's acceptance (2); intake's
 * supplement moves it only out of 5 (supplement requested) to 4, the answer to the open request.
 *
 * Progress rows are facts of their own, not states: every hand-over (a step's task created, a step completed) is
 * queued once, whatever its sequence against the others (workflow publishes a step's completion and the next task's
 * creation together, and they may be consumed in either order), keyed by its task (`task-created#<taskId>`,
 * `task-completed#<taskId>`): a redelivered or repeated one adds no second row.
 *
 * Each event yields the updates to queue, in order: a new DongBoHoSoMC version when the HoSo the portal should see
 * changed (none until intake's acceptance gives the applicant and the procedure), and its hand-over's progress row.
 */

export type DossierEventOf =
  | { readonly type: 'accepted'; readonly event: DossierAccepted }
  | { readonly type: 'supplemented'; readonly event: DossierSupplemented }
  | { readonly type: 'submission-filed'; readonly event: SubmissionFiled }
  | { readonly type: 'submission-refused'; readonly event: SubmissionRefused }
  | { readonly type: 'task-created'; readonly event: TaskCreated }
  | { readonly type: 'task-completed'; readonly event: TaskCompleted }
  | { readonly type: 'supplement-requested'; readonly event: SupplementRequested }
  | { readonly type: 'appointment-changed'; readonly event: AppointmentChanged }
  | { readonly type: 'case-closed'; readonly event: CaseClosed };

/** The settings of fields whose meaning the portal has not confirmed (docs/national-portal.md, configuration). */
export interface MappingSettings {
  readonly applicantKindDefault: 1 | 2;
  readonly electronicReturnCode: 0 | 1;
}

/** An open step, remembered from its task's creation for the row of its completion. */
interface OpenTask {
  readonly role: string;
  readonly stepName: string;
  readonly startedAt: string;
}

interface Supplement {
  readonly round: number;
  readonly requestedAt: string;
  readonly content: string;
  readonly appointmentBefore: string | null;
  readonly appointmentAfter: string | null;
  readonly suppliedAt: string | null;
}

/** The sync record's state (kept as jsonb): the facts heard so far, in our terms; the HoSo is derived from them. */
export interface DossierFacts {
  readonly dossierCode: string | null;
  readonly portalReference: string | null;
  readonly intakeSequence: number;
  readonly workflowSequence: number;
  /** Intake's receipt (or an online submission's filing): null until heard. */
  readonly receipt: {
    readonly procedureCode: string;
    readonly procedureName: string | null;
    readonly channel: 1 | 2 | 3;
    readonly applicant: { fullName: string; idNumber?: string; phone?: string; email?: string; address?: string };
    readonly returnMethod: string;
    readonly agencyCode: string;
    readonly filedAt: string;
    readonly receivedAt: string | null;
    readonly documents: { code?: string; name: string; copies?: number; url?: string; checksum?: string }[];
  } | null;
  readonly status: number;
  readonly appointmentAt: string | null;
  readonly processingEndedAt: string | null;
  readonly returnedAt: string | null;
  readonly reason: string | null;
  readonly supplements: readonly Supplement[];
  readonly openTasks: Readonly<Record<string, OpenTask>>;
  /** The hand-overs already queued as progress rows, by their key (`task-created#<taskId>`, `task-completed#<taskId>`). */
  readonly handOvers: readonly string[];
}

/** A progress row carries its hand-over's key (one row per key and dossier) and workflow's sequence (its order in the queue). */
export type QueuedUpdate =
  { readonly kind: 'dossier'; readonly body: HoSo } | { readonly kind: 'progress'; readonly body: TienDo; readonly fact: string; readonly sequence: number };

/** Stale: a late event that changes nothing (a repeat, or one whose every fact is known already). */
export type Applied = { readonly outcome: 'applied'; readonly facts: DossierFacts; readonly updates: QueuedUpdate[] } | { readonly outcome: 'stale' };

/** The key of a dossier's sync record: its code; an online submission before it has one, by the portal's reference. */
export function syncKeyOf(input: DossierEventOf): string {
  return input.type === 'submission-filed' || input.type === 'submission-refused' ? `QG:${input.event.portalReference}` : input.event.dossierCode;
}

const isIntake = (input: DossierEventOf) => ['accepted', 'supplemented', 'submission-filed', 'submission-refused'].includes(input.type);

export function noFacts(input: DossierEventOf): DossierFacts {
  const submission = input.type === 'submission-filed' || input.type === 'submission-refused';
  return {
    dossierCode: submission ? null : input.event.dossierCode,
    portalReference: submission ? input.event.portalReference : null,
    intakeSequence: 0,
    workflowSequence: 0,
    receipt: null,
    status: 0,
    appointmentAt: null,
    processingEndedAt: null,
    returnedAt: null,
    reason: null,
    supplements: [],
    openTasks: {},
    handOvers: [],
  };
}

/** The key of the hand-over an event is, or null when it is none. */
function handOverOf(input: DossierEventOf): string | null {
  if (input.type === 'task-created' || input.type === 'task-completed') return `${input.type}#${input.event.taskId}`;
  return null;
}

/** Chức danh: the title of the role a step is done in, as the portal shows it. */
const ROLE_TITLES: Readonly<Record<string, string>> = {
  receiver: 'Cán bộ tiếp nhận',
  head_of_desk: 'Trưởng bộ phận một cửa',
  leader: 'Lãnh đạo cơ quan',
  division_head: 'Trưởng phòng chuyên môn',
  specialist: 'Chuyên viên xử lý',
  clerk: 'Văn thư',
  returner: 'Cán bộ trả kết quả',
};
const titleOf = (role: string) => ROLE_TITLES[role] ?? role;

/** Applies one event to a dossier's facts: the new facts and the updates it queues, or stale. */
export function applyDossierEvent(before: DossierFacts | null, input: DossierEventOf, settings: MappingSettings): Applied {
  const facts = withDefaults(before ?? noFacts(input));
  const { sequence } = input.event;
  const late = sequence <= (isIntake(input) ? facts.intakeSequence : facts.workflowSequence);
  let after: DossierFacts;
  if (late) {
    after = lateFacts(facts, input);
  } else {
    const next = isIntake(input) ? { ...facts, intakeSequence: sequence } : { ...facts, workflowSequence: sequence, status: workflowStatus(facts, input) };
    after = applyFacts(next, facts, input);
  }
  const handOver = handOverOf(input);
  const progress = handOver === null || facts.handOvers.includes(handOver) ? null : progressRow(facts, after, input);
  if (progress) after = { ...after, handOvers: [...after.handOvers, handOver as string] };
  if (late && JSON.stringify(after) === JSON.stringify(facts)) return { outcome: 'stale' };
  const hoSoBefore = before === null ? null : hoSoOf(facts, settings);
  const hoSoAfter = hoSoOf(after, settings);
  const updates: QueuedUpdate[] = [];
  if (hoSoAfter !== null && JSON.stringify(hoSoAfter) !== JSON.stringify(hoSoBefore)) updates.push({ kind: 'dossier', body: hoSoAfter });
  if (progress) updates.push({ kind: 'progress', body: progress, fact: handOver as string, sequence });
  return { outcome: 'applied', facts: after, updates };
}

/**
 * The national status after a workflow event: its own, except for an appointment change, which changes no status.
 * Workflow publishes the pause's appointment change while its case is still at 5 (resume-case.ts), after intake's
 * supplement has already answered the request (4): taking its 5 would send the portal 4 → 5 → 4.
 */
function workflowStatus(facts: DossierFacts, input: DossierEventOf): number {
  if (input.type === 'appointment-changed' && facts.status !== 0) return facts.status;
  return input.event.nationalStatus;
}

/** A record kept before hand-overs were remembered reads as one without any. */
const withDefaults = (facts: DossierFacts): DossierFacts => (facts.handOvers ? facts : { ...facts, handOvers: [] });

/**
 * A late event (at or below its producer's newest applied): the state stays as the newer events left it (status,
 * supplements, sequences); the event only fills what is still unknown (the receipt, a date, a reason, the status
 * while none is known, the pause's appointments of the last supplement while they show no move) and keeps the open
 * tasks right: a step's task created late is open unless its completion was heard first; a completion heard late
 * closes it.
 */
function lateFacts(facts: DossierFacts, input: DossierEventOf): DossierFacts {
  const heard = applyFacts(facts, facts, input);
  const completedFirst = input.type === 'task-created' && facts.handOvers.includes(`task-completed#${input.event.taskId}`);
  const last = facts.supplements.at(-1);
  const pauseUnknown = input.type === 'appointment-changed' && last !== undefined && last.appointmentBefore === last.appointmentAfter;
  return {
    ...facts,
    dossierCode: facts.dossierCode ?? heard.dossierCode,
    portalReference: facts.portalReference ?? heard.portalReference,
    receipt: facts.receipt ?? heard.receipt,
    status: facts.status === 0 ? (isIntake(input) ? heard.status : input.event.nationalStatus) : facts.status,
    appointmentAt: facts.appointmentAt ?? heard.appointmentAt,
    processingEndedAt: facts.processingEndedAt ?? heard.processingEndedAt,
    returnedAt: facts.returnedAt ?? heard.returnedAt,
    reason: facts.reason ?? heard.reason,
    supplements: pauseUnknown ? heard.supplements : facts.supplements,
    openTasks: completedFirst ? facts.openTasks : heard.openTasks,
  };
}

function applyFacts(facts: DossierFacts, previous: DossierFacts, input: DossierEventOf): DossierFacts {
  switch (input.type) {
    case 'accepted': {
      const e = input.event;
      return {
        ...facts,
        dossierCode: e.dossierCode,
        portalReference: e.portalReference ?? facts.portalReference,
        receipt: {
          procedureCode: e.procedureCode,
          procedureName: e.procedureName ?? null,
          channel: e.channel as 1 | 2 | 3,
          applicant: applicantOf(e.applicant),
          returnMethod: e.returnMethod,
          agencyCode: e.receivingAgencyCode,
          filedAt: e.filedAt ?? e.receivedAt,
          receivedAt: e.receivedAt,
          documents: (e.documents ?? []).map((d) => ({ ...(d.code ? { code: d.code } : {}), name: d.name, ...(d.copies ? { copies: d.copies } : {}) })),
        },
        // workflow heard first (its events may overtake intake's): its status stands
        status: previous.workflowSequence > 0 ? facts.status : e.nationalStatus,
        appointmentAt: facts.appointmentAt ?? e.appointmentAt ?? null,
      };
    }
    case 'submission-filed': {
      const e = input.event;
      return {
        ...facts,
        receipt: {
          procedureCode: e.procedureCode,
          procedureName: null,
          channel: 2,
          applicant: applicantOf(e.applicant),
          returnMethod: e.returnMethod,
          agencyCode: e.receivingAgencyCode,
          filedAt: e.filedAt,
          receivedAt: null,
          documents: e.documents.map((d) => ({ ...(d.code ? { code: d.code } : {}), name: d.name, url: d.url, checksum: d.checksum })),
        },
        status: e.nationalStatus,
      };
    }
    case 'submission-refused': {
      const e = input.event;
      return {
        ...facts,
        // refused before the filing was heard: what the refusal itself says (the portal knows the rest by MaHoSoQG)
        receipt: facts.receipt ?? {
          procedureCode: e.procedureCode,
          procedureName: null,
          channel: 2,
          applicant: { fullName: '' },
          returnMethod: 'desk',
          agencyCode: e.receivingAgencyCode,
          filedAt: e.filedAt,
          receivedAt: null,
          documents: [],
        },
        status: e.nationalStatus,
        processingEndedAt: e.occurredAt,
        reason: e.reason,
      };
    }
    case 'supplemented': {
      const e = input.event;
      const round = e.round ?? facts.supplements.length;
      return {
        ...facts,
        status: facts.status === 5 ? 4 : facts.status,
        supplements: facts.supplements.map((s) => (s.round === round && s.suppliedAt === null ? { ...s, suppliedAt: e.occurredAt } : s)),
      };
    }
    case 'task-created': {
      const e = input.event;
      return {
        ...facts,
        appointmentAt: e.appointmentAt ?? facts.appointmentAt,
        openTasks: { ...facts.openTasks, [e.taskId]: { role: e.role, stepName: e.stepName, startedAt: e.occurredAt } },
      };
    }
    case 'task-completed': {
      const e = input.event;
      const { [e.taskId]: _done, ...open } = facts.openTasks;
      // the result signed: processing ended (NgayKetThucXuLy, what the portal's on-time score compares)
      // the result handed over (10, before workflow's case-closed): returned now; the portal takes no 10 without NgayTra
      if (e.nationalStatus === 10) {
        return { ...facts, openTasks: open, returnedAt: facts.returnedAt ?? e.occurredAt, processingEndedAt: facts.processingEndedAt ?? e.occurredAt };
      }
      return { ...facts, openTasks: open, processingEndedAt: e.nationalStatus === 9 ? e.occurredAt : facts.processingEndedAt };
    }
    case 'supplement-requested': {
      const e = input.event;
      const missing = e.missing.map((m) => m.name).join('; ');
      return {
        ...facts,
        supplements: [
          ...facts.supplements.filter((s) => s.round !== e.round),
          {
            round: e.round,
            requestedAt: e.occurredAt,
            content: missing ? `${e.reason}: ${missing}` : e.reason,
            appointmentBefore: facts.appointmentAt,
            appointmentAfter: facts.appointmentAt,
            suppliedAt: null,
          },
        ],
      };
    }
    case 'appointment-changed': {
      const e = input.event;
      const last = facts.supplements.at(-1);
      const supplements =
        e.cause === 'supplement_pause' && last
          ? [...facts.supplements.slice(0, -1), { ...last, appointmentBefore: e.previousAppointmentAt, appointmentAfter: e.appointmentAt }]
          : facts.supplements;
      return { ...facts, appointmentAt: e.appointmentAt, supplements };
    }
    case 'case-closed': {
      const e = input.event;
      if (e.outcome === 'returned') return { ...facts, returnedAt: e.occurredAt, processingEndedAt: facts.processingEndedAt ?? e.occurredAt, openTasks: {} };
      if (e.outcome === 'processed') return { ...facts, processingEndedAt: facts.processingEndedAt ?? e.occurredAt, openTasks: {} };
      // stopped (8) or withdrawn (7): processing ended now, for the reason given
      return { ...facts, processingEndedAt: e.occurredAt, reason: e.note ?? facts.reason, openTasks: {} };
    }
  }
}

function applicantOf(a: DossierAccepted['applicant']): NonNullable<DossierFacts['receipt']>['applicant'] {
  return {
    fullName: a.fullName,
    ...(a.idNumber ? { idNumber: a.idNumber } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(a.address ? { address: a.address } : {}),
  };
}

/** A progress row per hand-over: a step's task created (handed to its agency), a step completed by its owner. */
function progressRow(before: DossierFacts, after: DossierFacts, input: DossierEventOf): TienDo | null {
  const code = after.dossierCode;
  if (code === null) return null;
  if (input.type === 'task-created') {
    const e = input.event;
    return {
      MaHoSo: code,
      NguoiXuLy: e.coordinatorName ?? e.coordinatorId ?? e.agencyName ?? e.agencyCode,
      ChucDanh: titleOf(e.role),
      ThoiDiemXuLy: portalDate(e.occurredAt),
      PhongBanXuLy: e.agencyName ?? e.agencyCode,
      NoiDungXuLy: `Chuyển xử lý bước ${e.stepNumber}: ${e.stepName}`,
      TrangThai: e.nationalStatus,
      NgayBatDau: portalDate(e.occurredAt),
    };
  }
  if (input.type === 'task-completed') {
    const e = input.event;
    const task = before.openTasks[e.taskId];
    return {
      MaHoSo: code,
      NguoiXuLy: e.actorName ?? e.actorId,
      // the step's role is known from its task's creation; a string field present must not be empty
      ...(task ? { ChucDanh: titleOf(task.role) } : {}),
      ThoiDiemXuLy: portalDate(e.occurredAt),
      PhongBanXuLy: e.agencyName ?? e.agencyCode,
      NoiDungXuLy: e.note ? `${e.stepName} (${e.action}): ${e.note}` : `${e.stepName} (${e.action})`,
      TrangThai: e.nationalStatus,
      NgayBatDau: portalDate(task?.startedAt ?? e.occurredAt),
    };
  }
  return null;
}

/** The HoSo the facts say, or null while intake's receipt (the applicant, the procedure) is not known. */
export function hoSoOf(facts: DossierFacts, settings: MappingSettings): HoSo | null {
  const r = facts.receipt;
  if (r === null || facts.status === 0) return null;
  const optional = (field: string, value: string | null | undefined) => (value ? { [field]: value } : {});
  const at = (field: string, value: string | null) => (value === null ? {} : { [field]: portalDate(value) });
  if (facts.dossierCode === null) {
    // An online submission before it is a dossier: the portal holds the filing (1) since the applicant filed it
    // there, and the code (MaHoSo) is the desk's to give. Only the desk's refusal (3) goes back, keyed by MaHoSoQG
    // alone (docs/national-portal.md); its acceptance goes back as the dossier it became.
    if (facts.status !== 3 || facts.portalReference === null) return null;
    return {
      MaHoSoQG: facts.portalReference,
      MaTTHC: r.procedureCode,
      KenhThucHien: 2,
      ...optional('ChuHoSo', r.applicant.fullName),
      NgayNopHoSo: portalDate(r.filedAt),
      TrangThaiHoSo: 3,
      ...at('NgayKetThucXuLy', facts.processingEndedAt),
      DonViXuLy: r.agencyCode,
      ...optional('LyDo', facts.reason),
    } as HoSo;
  }
  return {
    MaHoSo: facts.dossierCode,
    ...optional('MaHoSoQG', facts.portalReference),
    MaTTHC: r.procedureCode,
    TenTTHC: r.procedureName ?? r.procedureCode,
    KenhThucHien: r.channel,
    ChuHoSo: r.applicant.fullName,
    LoaiDoiTuong: settings.applicantKindDefault,
    ...optional('SoGiayToChuHoSo', r.applicant.idNumber),
    ...optional('SoDienThoai', r.applicant.phone),
    ...optional('Email', r.applicant.email),
    ...optional('DiaChi', r.applicant.address),
    NgayNopHoSo: portalDate(r.filedAt),
    ...at('NgayTiepNhan', r.receivedAt),
    ...at('NgayHenTra', facts.appointmentAt),
    TrangThaiHoSo: facts.status,
    ...at('NgayKetThucXuLy', facts.processingEndedAt),
    ...at('NgayTra', facts.returnedAt),
    HinhThuc: r.returnMethod === 'post' ? 1 : r.returnMethod === 'electronic' ? settings.electronicReturnCode : 0,
    DonViXuLy: r.agencyCode,
    TaiLieuNop: r.documents.map((d) => ({
      ...optional('MaThanhPhanHoSo', d.code),
      TenTaiLieu: d.name,
      ...(d.copies ? { SoBan: d.copies } : {}),
      ...optional('DuongDan', d.url),
      ...optional('MaKiemTra', d.checksum),
    })),
    LePhi: [],
    DanhSachHoSoBoSung: facts.supplements.map((s): SupplementEntry => ({
      NgayYeuCauBoSung: portalDate(s.requestedAt),
      NoiDungBoSung: s.content,
      ...at('NgayHenTraTruoc', s.appointmentBefore),
      ...at('NgayHenTraMoi', s.appointmentAfter),
      ...at('NgayBoSung', s.suppliedAt),
    })),
    DanhSachGiayToKetQua: [],
    ...optional('LyDo', [3, 7, 8].includes(facts.status) ? facts.reason : null),
  } as HoSo;
}
