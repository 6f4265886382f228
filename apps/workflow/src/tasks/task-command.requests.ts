import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { STEP_ACTIONS } from '../catalogue/process-definition';

/** Every command names the version of the task it was decided on: a stale one is refused (409). */
export class TaskVersionRequest {
  @ApiProperty({ example: 1, description: 'The task’s version as last read' })
  @IsInt()
  @Min(1)
  version: number;
}

export class AssignTaskRequest extends TaskVersionRequest {
  @ApiProperty({ example: '004.01.20.H26.specialist.2', description: 'The officer who will own the task' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  officerId: string;
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
}
