import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** A document the desk received with the dossier (thành phần hồ sơ đã nhận). */
@ApiSchema({ name: 'ReceivedDocument', description: 'A document the desk received with the dossier, as the receipt lists it' })
export class ReceivedDocument {
  @ApiPropertyOptional({ description: 'The catalogue code of the document, when it has one', example: 'TK-KS' })
  code?: string;

  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh theo mẫu' })
  name: string;

  @ApiPropertyOptional({ description: 'How many copies were handed in', example: 1 })
  copies?: number;
}

/**
 * A task as officers read it: the codes, and beside them the names (null where unknown: a code the catalogue does
 * not hold, a dossier received before receipts were kept), with what the desk received and promised.
 */
@ApiSchema({ name: 'Task', description: 'Nhiệm vụ: one step of a dossier’s process at one agency, owned by one officer at a time' })
export class TaskView {
  @ApiProperty({ format: 'uuid', example: '0b6f8f8e-6d3c-4f1e-9a57-3c1d2e4f5a6b' })
  id: string;

  @ApiProperty({ description: 'Mã hồ sơ', example: '004.01.20.H26-261207-0001' })
  dossierCode: string;

  @ApiProperty({ description: 'Mã thủ tục in the national catalogue', example: '1.001193' })
  procedureCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'Thủ tục đăng ký khai sinh' })
  procedureName: string | null;

  @ApiProperty({ description: 'The step of the dossier’s process version, from 1', example: 2 })
  stepNumber: number;

  @ApiProperty({ example: 'Thẩm định hồ sơ' })
  stepName: string;

  @ApiProperty({ description: 'The agency that does the step', example: '004.01.20.H26' })
  agencyCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ủy ban nhân dân phường Trúc Bạch' })
  agencyName: string | null;

  @ApiProperty({ description: 'The role the step asks of its owner', example: 'specialist' })
  role: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The officer who owns it; null while it waits in the queue',
    example: '004.01.20.H26.specialist.1',
  })
  ownerId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Nguyễn Văn An' })
  ownerName: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the owner took it (null while it waits in the queue)' })
  ownedAt: string | null;

  @ApiProperty({ enum: ['open', 'done'], example: 'open' })
  status: string;

  @ApiProperty({ description: 'The dossier’s national status while this task is open (4 in progress, 9 processed…)', example: 4 })
  nationalStatus: number;

  @ApiProperty({ description: 'The national status as officers read it', example: 'Đang xử lý' })
  nationalStatusName: string;

  @ApiProperty({ description: 'The national status, stable, for programs', example: 'InProgress' })
  nationalStatusKey: string;

  @ApiProperty({
    description: 'Cán bộ đầu mối: the desk officer who answers to the applicant for the dossier, from receipt to return',
    example: '004.01.20.H26.receiver.1',
  })
  coordinatorId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Trần Thị Bình' })
  coordinatorName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Chủ hồ sơ: whose dossier it is', example: 'Lê Minh Châu' })
  applicantName: string | null;

  @ApiProperty({ type: [ReceivedDocument], nullable: true, description: 'What the desk received with the dossier, as the receipt lists it' })
  documents: ReceivedDocument[] | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The appointment the applicant was given (after pauses and extensions)' })
  appointmentAt: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the dossier was handed over to this step', example: '2026-12-07T09:15:00+07:00' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  completedAt: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The step’s deadline: its budget in working hours from the hand-over' })
  dueAt: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The action that finished it (forward, send_back, sign, withdrawn…); null while open',
    example: null,
  })
  outcome: string | null;

  @ApiProperty({ description: 'The task’s version: send it with the next command (optimistic concurrency)', example: 1 })
  version: number;
}

/** In the agencies listed: open tasks nobody owns yet, and open tasks the caller owns. */
@ApiSchema({ name: 'TaskCounts' })
export class TaskCounts {
  @ApiProperty({ description: 'Open tasks nobody owns yet (the queue), in the agencies listed and the filters', example: 3 })
  queue: number;

  @ApiProperty({ description: 'Open tasks the caller owns, in the agencies listed and the filters', example: 2 })
  mine: number;
}

@ApiSchema({ name: 'TaskPage', description: 'A page of tasks, oldest hand-over first, with the counts of the queue and of the caller’s own' })
export class TaskPage {
  @ApiProperty({ type: [TaskView] })
  items: TaskView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass it as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;

  @ApiProperty({ type: () => TaskCounts })
  counts: TaskCounts;
}

/** What a task command answers: the task's new version and owner, and where the dossier went. */
@ApiSchema({ name: 'TaskCommandResult', description: 'What a command on a task did: the task’s new version and owner, and where the dossier went' })
export class CommandResult {
  @ApiProperty({ format: 'uuid', example: '0b6f8f8e-6d3c-4f1e-9a57-3c1d2e4f5a6b' })
  taskId: string;

  @ApiProperty({ description: 'The task’s new version: what the next command on it sends', example: 2 })
  version: number;

  @ApiProperty({ type: String, nullable: true, description: 'The task’s owner now (null: back in the queue)', example: '004.01.20.H26.specialist.1' })
  ownerId: string | null;

  @ApiProperty({ enum: ['open', 'done'], description: 'done once an action finished the step', example: 'open' })
  status: 'open' | 'done';

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The task the case moved to (after forward, approve, sign, send back); null when it closed or did not move',
  })
  nextTaskId: string | null;

  @ApiProperty({ description: 'The dossier’s national status after the command', example: 4 })
  nationalStatus: number;
}
