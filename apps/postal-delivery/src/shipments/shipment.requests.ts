import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN, SHIPMENT_DIRECTIONS, SHIPMENT_STATES, type ShipmentDirection, type ShipmentState } from '@motcua/contracts';
import { IsNotBlank } from '@motcua/http';
import { PageRequest } from '@motcua/persistence';

/** The desk's lists: `?agency=&direction=outgoing|incoming&state=&dossierCode=`. */
export class ListShipmentsRequest extends PageRequest {
  @ApiPropertyOptional({ example: '000.00.04.H26', description: 'One of the caller’s desks (default: all of them)' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ enum: SHIPMENT_DIRECTIONS, description: 'outgoing: results to applicants; incoming: dossiers collected for the desk' })
  @IsOptional()
  @IsIn(SHIPMENT_DIRECTIONS)
  direction?: ShipmentDirection;

  @ApiPropertyOptional({ enum: SHIPMENT_STATES })
  @IsOptional()
  @IsIn(SHIPMENT_STATES)
  state?: ShipmentState;

  @ApiPropertyOptional({ example: '000.00.04.H26-261207-0001' })
  @IsOptional()
  @Matches(DOSSIER_CODE_PATTERN, { message: 'dossierCode must be a dossier code (<unit>-<YYMMDD>-<NNNN>)' })
  dossierCode?: string;
}

/** A hand-over or a cancellation may say something for the history. */
export class ShipmentNoteRequest {
  @ApiPropertyOptional({ example: 'Đã ký phiếu bàn giao với bưu tá Trần Văn Minh' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  note?: string;
}
