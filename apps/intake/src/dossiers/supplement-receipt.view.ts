import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DocumentItemView } from './dossier.view';

/** What the applicant supplied, as the desk took it. */
@ApiSchema({ name: 'SupplementReceipt', description: 'Biên nhận hồ sơ bổ sung: what was supplied, in which round' })
export class SupplementReceipt {
  @ApiProperty({ example: '004.01.20.H26-261207-0001' })
  dossierCode: string;
  @ApiProperty({ example: 1, description: 'The supplement request this answers' })
  round: number;
  @ApiProperty({ type: [DocumentItemView] })
  documents: DocumentItemView[];
  @ApiProperty({ format: 'date-time', example: '2026-12-08T08:45:00.000+07:00' })
  suppliedAt: string;
}
