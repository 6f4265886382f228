import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { AGENCY_CODE_PATTERN, DossierEvent } from './dossier-events';

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
}

/** workflow.case.closed — processing ended: the result was handed over (10). */
export class CaseClosed extends DossierEvent {
  static readonly type = 'workflow.case.closed';
  static readonly version = 1;

  @IsUUID()
  caseId: string;

  @IsIn(['returned', 'processed'])
  outcome: 'returned' | 'processed';

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
}
