import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** What a command of the receiving desk answers: the case's new version, status and coordinator. */
@ApiSchema({
  name: 'CaseCommandResult',
  description: 'What a command of the receiving desk did to the dossier’s case: its new version, status and coordinator',
})
export class CaseCommandResult {
  @ApiProperty({ description: 'Mã hồ sơ', example: '004.01.20.H26-261207-0001' })
  dossierCode: string;

  @ApiProperty({ description: 'The case’s new version: what the next desk command on it sends', example: 5 })
  version: number;

  @ApiProperty({ enum: ['in_progress', 'awaiting_supplement', 'closed'], description: 'The case’s own state', example: 'closed' })
  status: string;

  @ApiProperty({ description: 'Cán bộ đầu mối: the desk officer who answers to the applicant for the dossier', example: '004.01.20.H26.receiver.2' })
  coordinatorId: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The national status the command gave the dossier (7: withdrawn); null when it did not change it',
    example: 7,
  })
  nationalStatus: number | null;
}
