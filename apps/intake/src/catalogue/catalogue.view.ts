import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ReplicatedProcedure } from '@motcua/catalogue-replica';
import { SubmissionChannel } from '@motcua/contracts';

const LEGAL_TIME_UNITS = ['working_hours', 'working_days', 'calendar_days'] as const;

/** What the list tells of a procedure: the public facts of the national catalogue. */
@ApiSchema({ name: 'CatalogueProcedureSummary', description: 'A procedure of the national catalogue, as listed' })
export class ProcedureSummary {
  @ApiProperty({ example: '1.001193', description: 'National procedure code (MaTTHC)' })
  code: string;
  @ApiProperty({ example: 'Thủ tục đăng ký khai sinh' })
  name: string;
  @ApiProperty({ example: 'Hộ tịch', description: 'Lĩnh vực' })
  field: string;
  @ApiProperty({ example: 'ward', description: 'The level whose body decides (city, district, ward today)' })
  level: string;
  @ApiProperty({ example: 8, description: 'Thời hạn giải quyết, in `legalTimeUnit`' })
  legalTimeValue: number;
  @ApiProperty({ enum: LEGAL_TIME_UNITS, example: 'working_hours' })
  legalTimeUnit: ReplicatedProcedure['legalTimeUnit'];
  @ApiProperty({ type: String, nullable: true, example: 'Miễn lệ phí đăng ký khai sinh đúng hạn', description: 'Phí, lệ phí, as the catalogue words it' })
  fee: string | null;
  @ApiProperty({
    type: [Number],
    enum: [SubmissionChannel.InPerson, SubmissionChannel.Online, SubmissionChannel.Post],
    example: [1, 2, 3],
    description: 'Where it is received: 1 at the desk, 2 online (National Portal), 3 by public post',
  })
  channels: number[];
  @ApiProperty({ example: true, description: 'False once deactivated: no longer received' })
  active: boolean;
}

/** One document of the dossier the procedure asks for. */
@ApiSchema({ name: 'ProcedureDocument' })
export class ProcedureDocumentView {
  @ApiProperty({ example: 'GCS' })
  code: string;
  @ApiProperty({ example: 'Giấy chứng sinh' })
  name: string;
  @ApiProperty({ example: true, description: 'Required in every dossier; optional ones depend on the case' })
  required: boolean;
  @ApiProperty({ example: 1 })
  copies: number;
}

/** A step of the process in force, by name. */
@ApiSchema({ name: 'ProcedureStep' })
export class ProcedureStepView {
  @ApiProperty({ example: 2 })
  number: number;
  @ApiProperty({ example: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch' })
  name: string;
  @ApiProperty({ example: 4, description: 'The step’s time budget, in working hours' })
  budgetHours: number;
}

/** What an applicant is told of a procedure: the public facts of the national catalogue, and the steps by name. */
@ApiSchema({ name: 'CatalogueProcedure', description: 'A procedure with its documents and the steps of the process in force' })
export class ProcedureView extends ProcedureSummary {
  @ApiProperty({ type: String, nullable: true, example: 'Luật Hộ tịch số 60/2014/QH13', description: 'Căn cứ pháp lý' })
  legalBasis: string | null;
  @ApiProperty({ type: [ProcedureDocumentView] })
  documents: ProcedureDocumentView[];
  @ApiProperty({ example: 1, description: 'The process version in force' })
  processVersion: number;
  @ApiProperty({ type: [ProcedureStepView] })
  steps: ProcedureStepView[];
}

@ApiSchema({ name: 'CatalogueProcedureList' })
export class ProcedureList {
  @ApiProperty({ type: [ProcedureSummary], description: 'By code' })
  items: ProcedureSummary[];
}

/** A desk (Bộ phận Một cửa) where an applicant may file. */
@ApiSchema({ name: 'Desk', description: 'Bộ phận Một cửa: an agency with a desk' })
export class DeskView {
  @ApiProperty({ example: '004.01.20.H26' })
  code: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Trúc Bạch' })
  name: string;
  @ApiProperty({ example: 'ward' })
  level: string;
  @ApiProperty({ example: '00004', description: 'The area it serves' })
  areaCode: string;
}

@ApiSchema({ name: 'DeskList' })
export class DeskList {
  @ApiProperty({ type: [DeskView], description: 'By code; empty when the procedure is not received for this ward today' })
  items: DeskView[];
}

/** An area directly under another. */
@ApiSchema({ name: 'AreaChild' })
export class AreaChildView {
  @ApiProperty({ example: '00004' })
  code: string;
  @ApiProperty({ example: 'Phường Trúc Bạch' })
  name: string;
  @ApiProperty({ example: 'ward' })
  level: string;
}

/** Đơn vị hành chính: an area with the areas directly under it. */
@ApiSchema({ name: 'Area', description: 'Đơn vị hành chính, with the areas directly under it' })
export class AreaView {
  @ApiProperty({ example: '001', description: 'Statistics-office code' })
  code: string;
  @ApiProperty({ example: 'Quận Ba Đình' })
  name: string;
  @ApiProperty({ example: 'district', description: 'city, district, ward' })
  level: string;
  @ApiProperty({ type: String, nullable: true, example: '01', description: 'The area it is in (null for a province or city)' })
  parentCode: string | null;
  @ApiProperty({ type: [AreaChildView] })
  children: AreaChildView[];
}
