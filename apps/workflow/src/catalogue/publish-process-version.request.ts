import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { ProcessStepView } from './catalogue.view';

export class PublishProcessVersionRequest {
  @ApiProperty({
    description: 'The ordered steps, numbered from 1 (checked whole when published: unknown fields are refused)',
    type: [ProcessStepView],
  })
  @IsArray()
  @ArrayMaxSize(50)
  steps: unknown[];
}
