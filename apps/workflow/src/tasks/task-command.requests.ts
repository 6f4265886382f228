import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsInstant, IsNotBlank } from '@motcua/http';
import { STEP_ACTIONS } from '../catalogue/process-definition';

/** The largest version a task or case can have: a PostgreSQL integer. */
export const MAX_VERSION = 2 ** 31 - 1;

/** Every command names the version of the task it was decided on: a stale one is refused (409). */
export class TaskVersionRequest {
  @ApiProperty({ example: 1, description: 'The task’s version as last read' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version: number;
}

export class AssignTaskRequest extends TaskVersionRequest {
  @ApiProperty({ example: '004.01.20.H26.specialist.2', description: 'The officer who will own the task' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  officerId: string;
}

export class MissingDocumentRequest {
  @ApiPropertyOptional({ example: 'GCS', description: 'The catalogue code of the document, when it has one' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  code?: string;

  @ApiProperty({ example: 'Giấy chứng sinh' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  name: string;
}

export class ActOnTaskRequest extends TaskVersionRequest {
  @ApiProperty({ enum: STEP_ACTIONS, example: 'forward' })
  @IsIn(STEP_ACTIONS)
  action: string;

  @ApiPropertyOptional({ example: 'Thiếu chữ ký của người đi đăng ký', description: 'A note; the reason when sending back' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ type: [MissingDocumentRequest], description: 'With request_supplement: everything the applicant must supply' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MissingDocumentRequest)
  missing?: MissingDocumentRequest[];
}

export class ExtendAppointmentRequest extends TaskVersionRequest {
  @ApiProperty({ example: 'Hồ sơ cần xác minh thêm tại cơ sở y tế nơi sinh', description: 'The apology’s reason' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ example: '2026-12-09T17:00:00+07:00', format: 'date-time', description: 'The new appointment (ISO 8601 with its offset)' })
  @IsInstant()
  newAppointmentAt: string;
}
