import { Type } from 'class-transformer';
import { ArrayMinSize, IsBoolean, IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, DocumentItem, DossierEvent } from './dossier-events';

/**
 * workflow.task.owner-changed — a task was claimed, assigned, reassigned or released. The displaced owner (if
 * any) and the coordinator are named, so the notification service tells them at once.
 */
export class TaskOwnerChanged extends DossierEvent {
  static readonly type = 'workflow.task.owner-changed';
  static readonly version = 1;

  @IsUUID()
  taskId: string;

  @IsInt()
  @Min(1)
  stepNumber: number;

  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @IsIn(['claimed', 'assigned', 'reassigned', 'released'])
  change: 'claimed' | 'assigned' | 'reassigned' | 'released';

  /** The owner now (null: back in the agency's queue). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  previousOwnerId: string | null;

  @IsString()
  @MaxLength(100)
  actorId: string;

  @IsString()
  @MaxLength(100)
  coordinatorId: string;

  /** The agency's name, beside its code (added in a compatible way, like the other names: absent from earlier events, or where unknown). */
  @IsOptional()
  @IsString()
  agencyName?: string;

  /** The owner's full name. */
  @IsOptional()
  @IsString()
  ownerName?: string;

  /** The previous owner's full name. */
  @IsOptional()
  @IsString()
  previousOwnerName?: string;

  /** Who made the change: their full name. */
  @IsOptional()
  @IsString()
  actorName?: string;

  /** The coordinator's full name. */
  @IsOptional()
  @IsString()
  coordinatorName?: string;
}

/** workflow.task.completed — the owner finished a step with an action (a milestone the coordinator hears of). */
export class TaskCompleted extends DossierEvent {
  static readonly type = 'workflow.task.completed';
  static readonly version = 1;

  @IsUUID()
  taskId: string;

  @IsInt()
  @Min(1)
  stepNumber: number;

  @IsString()
  @MaxLength(200)
  stepName: string;

  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @IsString()
  action: string;

  @IsString()
  @MaxLength(100)
  actorId: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note: string | null;

  @IsString()
  @MaxLength(100)
  coordinatorId: string;

  /** The agency's name, beside its code (added in a compatible way, like the other names). */
  @IsOptional()
  @IsString()
  agencyName?: string;

  /** The owner who finished the step: their full name. */
  @IsOptional()
  @IsString()
  actorName?: string;

  /** The coordinator's full name. */
  @IsOptional()
  @IsString()
  coordinatorName?: string;
}

/** The step that was open when processing ended at the desk (a withdrawal), and who had it. */
export class EndedTask {
  @IsUUID()
  taskId: string;

  @IsInt()
  @Min(1)
  stepNumber: number;

  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId: string | null;

  /** The agency's name, beside its code (added in a compatible way, like the owner's name). */
  @IsOptional()
  @IsString()
  agencyName?: string;

  /** The owner's full name. */
  @IsOptional()
  @IsString()
  ownerName?: string;
}

/**
 * workflow.case.closed — processing ended: the result was handed over (10), processing was stopped with a
 * notice (8), or the applicant withdrew (7).
 */
export class CaseClosed extends DossierEvent {
  static readonly type = 'workflow.case.closed';
  static readonly version = 1;

  @IsUUID()
  caseId: string;

  @IsIn(['returned', 'processed', 'stopped', 'withdrawn'])
  outcome: 'returned' | 'processed' | 'stopped' | 'withdrawn';

  @IsString()
  @MaxLength(100)
  actorId: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note: string | null;

  @IsString()
  @MaxLength(100)
  coordinatorId: string;

  /** Added in place (optional): on a withdrawal, the step it ended, so that its owner is told. */
  @IsOptional()
  @ValidateNested()
  @Type(() => EndedTask)
  endedTask?: EndedTask | null;

  /** Who ended processing: their full name (added in a compatible way, like the coordinator's name). */
  @IsOptional()
  @IsString()
  actorName?: string;

  /** The coordinator's full name. */
  @IsOptional()
  @IsString()
  coordinatorName?: string;
}

/**
 * workflow.supplement.requested — the competent body asks the applicant, through the receiving desk, for
 * everything missing at once (5); the case waits at the step that asked.
 */
export class SupplementRequested extends DossierEvent {
  static readonly type = 'workflow.supplement.requested';
  static readonly version = 1;

  @IsUUID()
  caseId: string;

  @IsInt()
  @Min(1)
  stepNumber: number;

  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @IsString()
  @MaxLength(100)
  requestedBy: string;

  @IsString()
  @MaxLength(2000)
  reason: string;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DocumentItem)
  missing: DocumentItem[];

  /** How many supplements this dossier has been asked for, this one included (more than one counts as late). */
  @IsInt()
  @Min(1)
  round: number;

  @IsString()
  @MaxLength(100)
  coordinatorId: string;

  /** The agency's name, beside its code (added in a compatible way, like the other names). */
  @IsOptional()
  @IsString()
  agencyName?: string;

  /** Who asked: their full name. */
  @IsOptional()
  @IsString()
  requestedByName?: string;

  /** The coordinator's full name. */
  @IsOptional()
  @IsString()
  coordinatorName?: string;
}

/** intake.dossier.supplemented — the applicant supplied what was asked; processing resumes at the step that asked. */
export class DossierSupplemented extends DossierEvent {
  static readonly type = 'intake.dossier.supplemented';
  static readonly version = 1;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DocumentItem)
  documents: DocumentItem[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note: string | null;

  /** The officer who took the documents at the desk, or null when the applicant supplied them online. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receivedBy: string | null;

  /**
   * The round of the request this answers (1 for the first): a copy of an earlier round's message does not resume
   * a case waiting for a later one. Added in a compatible way: absent from earlier events.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  round?: number;
}

/** workflow.case.coordinator-changed — the head of the desk gave the dossier another coordinator. */
export class CoordinatorChanged extends DossierEvent {
  static readonly type = 'workflow.case.coordinator-changed';
  static readonly version = 1;

  @IsString()
  @MaxLength(100)
  coordinatorId: string;

  @IsString()
  @MaxLength(100)
  previousCoordinatorId: string;

  @IsString()
  @MaxLength(100)
  changedBy: string;

  /** The new coordinator's full name (added in a compatible way, like the other names). */
  @IsOptional()
  @IsString()
  coordinatorName?: string;
}

/**
 * workflow.case.appointment-changed — the appointment moved: by the working time the clock was paused while the
 * applicant supplied documents, or by an extension with an apology (the original appointment is kept beside it).
 */
export class AppointmentChanged extends DossierEvent {
  static readonly type = 'workflow.case.appointment-changed';
  static readonly version = 1;

  @IsIn(['supplement_pause', 'extension'])
  cause: 'supplement_pause' | 'extension';

  @IsISO8601({ strict: true })
  appointmentAt: string;

  @IsISO8601({ strict: true })
  previousAppointmentAt: string;

  @IsISO8601({ strict: true })
  originalAppointmentAt: string;

  /** For a pause: the working minutes the clock stood still. */
  @IsOptional()
  @IsInt()
  @Min(0)
  pausedWorkingMinutes: number | null;

  /** For an extension: the apology's reason, which extension this is, and whether it is one too many. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason: string | null;

  @IsInt()
  @Min(0)
  extension: number;

  /** A second (or later) extension: flagged for the agency's leader and the statistics. */
  @IsBoolean()
  flagged: boolean;

  @IsString()
  @MaxLength(100)
  actorId: string;

  @IsString()
  @MaxLength(100)
  coordinatorId: string;
}

/**
 * workflow.deadline.due-soon / workflow.deadline.overdue — a task's step deadline, or a dossier's appointment, is
 * near or has passed (told once each). An overdue task is escalated to its agency's active leaders.
 */
export abstract class DeadlineEvent extends DossierEvent {
  @IsIn(['task', 'dossier'])
  subject: 'task' | 'dossier';

  /** The task (for a task's deadline). */
  @IsOptional()
  @IsUUID()
  taskId: string | null;

  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @IsISO8601({ strict: true })
  deadline: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId: string | null;

  @IsString()
  @MaxLength(100)
  coordinatorId: string;

  /** The agency's name, beside its code (added in a compatible way, like the other names). */
  @IsOptional()
  @IsString()
  agencyName?: string;

  /** The owner's full name. */
  @IsOptional()
  @IsString()
  ownerName?: string;

  /** The coordinator's full name. */
  @IsOptional()
  @IsString()
  coordinatorName?: string;
}

export class DeadlineDueSoon extends DeadlineEvent {
  static readonly type = 'workflow.deadline.due-soon';
  static readonly version = 1;
}

export class DeadlineOverdue extends DeadlineEvent {
  static readonly type = 'workflow.deadline.overdue';
  static readonly version = 1;

  /** The agency's active leaders the overdue task is escalated to (empty for a dossier). */
  @IsString({ each: true })
  escalatedTo: string[];
}
