import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';

export class PublishProcessVersionRequest {
  @ApiProperty({
    description: 'The ordered steps: { number, name, agency: { kind: receiving | fixed | competent, … }, role, budgetHours, actions }',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMaxSize(50)
  steps: unknown[];
}
