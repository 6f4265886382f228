import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_CODE_PATTERN } from '@motcua/contracts';
import { PageRequest } from '@motcua/persistence';
import { Matches } from 'class-validator';

export class ListNotificationsRequest extends PageRequest {
  @ApiProperty({ example: '000.00.01.H26-261126-0001', description: 'The dossier whose messages are listed' })
  @Matches(DOSSIER_CODE_PATTERN, { message: 'dossierCode must be a dossier code (<unit>-<YYMMDD>-<NNNN>)' })
  dossierCode: string;
}
