import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'DisplacedTask', description: 'What became of a task the officer owned when they went on leave' })
export class DisplacedTaskView {
  @ApiProperty({ format: 'uuid', example: '0b6f8f8e-6d3c-4f1e-9a57-3c1d2e4f5a6b' })
  taskId: string;

  @ApiProperty({ example: '004.01.20.H26-261207-0001' })
  dossierCode: string;

  @ApiProperty({
    enum: ['reassigned', 'released'],
    description: 'reassigned: given to the least-loaded eligible colleague (a step that assigns automatically); released: back in the agency’s queue',
  })
  change: 'reassigned' | 'released';

  @ApiProperty({ type: String, nullable: true, description: 'Its owner now; null when released', example: '004.01.20.H26.specialist.2' })
  ownerId: string | null;
}

/** What recording an officer's leave (or return) did. */
@ApiSchema({ name: 'OfficerStatusChange', description: 'An officer’s status as recorded, and what became of the tasks they owned' })
export class OfficerStatusResult {
  @ApiProperty({ example: '004.01.20.H26.specialist.1' })
  id: string;

  @ApiProperty({ enum: ['active', 'on_leave'], example: 'on_leave' })
  status: 'active' | 'on_leave';

  @ApiProperty({ type: [DisplacedTaskView], description: 'The tasks the officer owned, each reassigned or released (empty when they come back)' })
  tasks: DisplacedTaskView[];
}
