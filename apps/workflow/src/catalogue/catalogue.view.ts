import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { STEP_ACTIONS, STEP_ROLES } from './process-definition';

/** `agencyKind` of a rule: one kind, or the kinds that do the same work under different names by area. */
const AGENCY_KINDS: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
  description: 'The agency’s kind, or several kinds that do the same work under different names by area',
  example: 'people_committee',
};

@ApiSchema({ name: 'AreaChild', description: 'An area directly under another' })
export class AreaChild {
  @ApiProperty({ description: 'Statistics-office code (mã đơn vị hành chính)', example: '00004' })
  code: string;

  @ApiProperty({ example: 'Phường Trúc Bạch' })
  name: string;

  @ApiProperty({ description: 'city, district or ward today (levels are data)', example: 'ward' })
  level: string;
}

@ApiSchema({ name: 'Area', description: 'Đơn vị hành chính: an area, with the areas directly under it' })
export class AreaView {
  @ApiProperty({ description: 'Statistics-office code (mã đơn vị hành chính)', example: '001' })
  code: string;

  @ApiProperty({ example: 'Quận Ba Đình' })
  name: string;

  @ApiProperty({ example: 'district' })
  level: string;

  @ApiProperty({ type: String, nullable: true, description: 'The area it is in; null for a city', example: '01' })
  parentCode: string | null;

  @ApiProperty({ type: [AreaChild], description: 'The areas directly under it, by code (a city’s districts, a district’s wards)' })
  children: AreaChild[];
}

@ApiSchema({ name: 'OfficePeriod', description: 'A period of a working day, in Vietnam’s time' })
export class OfficePeriodView {
  @ApiProperty({ pattern: '^\\d{2}:\\d{2}$', example: '07:30' })
  start: string;

  @ApiProperty({ pattern: '^\\d{2}:\\d{2}$', example: '11:30' })
  end: string;
}

@ApiSchema({ name: 'Agency', description: 'Cơ quan, đơn vị: a unit that receives or processes dossiers' })
export class AgencyView {
  @ApiProperty({ description: 'Mã định danh cơ quan', example: '004.01.20.H26' })
  code: string;

  @ApiProperty({ example: 'Ủy ban nhân dân phường Trúc Bạch' })
  name: string;

  @ApiProperty({ description: 'What the unit is (people_committee, justice_division…): steps and desks name it', example: 'people_committee' })
  kind: string;

  @ApiProperty({ description: 'city, district or ward today (levels are data)', example: 'ward' })
  level: string;

  @ApiProperty({ type: String, nullable: true, description: 'The agency above it', example: '000.01.20.H26' })
  parentCode: string | null;

  @ApiProperty({ description: 'The area it serves (statistics-office code)', example: '00004' })
  areaCode: string;

  @ApiProperty({ description: 'Whether it has a one-stop desk (Bộ phận Một cửa) that receives dossiers', example: true })
  hasDesk: boolean;

  @ApiProperty({ format: 'date', description: 'In force from this day', example: '2020-01-01' })
  validFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'In force until this day (included); null: still in force' })
  validTo: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The agency that took over its work, once it is no longer in force' })
  successorCode: string | null;

  @ApiProperty({ type: [OfficePeriodView], nullable: true, description: 'Its own office hours on working days; null: the national default hours' })
  officeHours: OfficePeriodView[] | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The desk’s street address, as the post writes it on a waybill',
    example: 'Số 1 phố Trúc Bạch, Ba Đình, Hà Nội',
  })
  address: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The desk’s phone, for the postman', example: '024 3823 4567' })
  phone: string | null;
}

@ApiSchema({ name: 'AgencyPage', description: 'A page of agencies, by code' })
export class AgencyPage {
  @ApiProperty({ type: [AgencyView] })
  items: AgencyView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass it as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

@ApiSchema({ name: 'AgencyStaffMember', description: 'An officer of the agency, with their roles there' })
export class AgencyStaffMember {
  @ApiProperty({ example: '004.01.20.H26.specialist.1' })
  id: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  fullName: string;

  @ApiProperty({ enum: ['active', 'on_leave'], example: 'active' })
  status: string;

  @ApiProperty({ type: [String], description: 'Their roles at the agency', example: ['specialist'] })
  roles: string[];
}

@ApiSchema({ name: 'AgencyDetail', description: 'An agency with its staff and their roles there' })
export class AgencyDetail extends AgencyView {
  @ApiProperty({ type: [AgencyStaffMember], description: 'Its officers, by id' })
  staff: AgencyStaffMember[];
}

@ApiSchema({ name: 'AgencyOfficeHours', description: 'An agency’s office hours as now in force' })
export class AgencyOfficeHours {
  @ApiProperty({ example: '004.01.20.H26' })
  code: string;

  @ApiProperty({ type: [OfficePeriodView], nullable: true, description: 'The periods of a working day; null: the national default hours' })
  officeHours: OfficePeriodView[] | null;
}

@ApiSchema({ name: 'OfficerRole', description: 'One role of an officer at one agency' })
export class OfficerRoleView {
  @ApiProperty({ example: '004.01.20.H26' })
  agencyCode: string;

  @ApiProperty({ example: 'Ủy ban nhân dân phường Trúc Bạch' })
  agencyName: string;

  @ApiProperty({ example: 'specialist' })
  role: string;
}

@ApiSchema({ name: 'Officer', description: 'Cán bộ, công chức: an officer (the token subject) with every role they hold, at every agency' })
export class OfficerView {
  @ApiProperty({ description: 'The token subject', example: '004.01.20.H26.specialist.1' })
  id: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  fullName: string;

  @ApiProperty({ enum: ['active', 'on_leave'], example: 'active' })
  status: string;

  @ApiProperty({ type: [OfficerRoleView], description: 'By agency, then role' })
  roles: OfficerRoleView[];
}

@ApiSchema({ name: 'DeskRule', description: 'Which one-stop desks may receive the procedure’s dossiers (a desk that matches any rule may)' })
export class DeskRuleView {
  @ApiProperty({
    enum: ['competent', 'any', 'fixed'],
    description: 'competent: the desk of the agency whose area contains the applicant’s; any: any such desk in the city; fixed: one named desk',
    example: 'competent',
  })
  kind: string;

  @ApiPropertyOptional({ description: 'competent and any: the agency’s level', example: 'ward' })
  level?: string;

  @ApiPropertyOptional(AGENCY_KINDS)
  agencyKind?: string | readonly string[];

  @ApiPropertyOptional({ description: 'fixed: the desk’s agency', example: '000.00.05.H26' })
  agencyCode?: string;
}

@ApiSchema({ name: 'ProcedureDocument', description: 'Thành phần hồ sơ: a document of the procedure’s dossier' })
export class ProcedureDocumentView {
  @ApiProperty({ example: 'TK-KS' })
  code: string;

  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh theo mẫu' })
  name: string;

  @ApiProperty({ description: 'Required in every dossier; optional ones depend on the case (a power of attorney)', example: true })
  required: boolean;

  @ApiProperty({ example: 1 })
  copies: number;
}

@ApiSchema({ name: 'Procedure', description: 'Thủ tục hành chính from the national catalogue' })
export class ProcedureView {
  @ApiProperty({ description: 'Mã thủ tục in the national catalogue', example: '1.001193' })
  code: string;

  @ApiProperty({ example: 'Thủ tục đăng ký khai sinh' })
  name: string;

  @ApiProperty({ description: 'Lĩnh vực', example: 'Hộ tịch' })
  field: string;

  @ApiProperty({ description: 'The level whose body decides (cấp thực hiện)', example: 'ward' })
  level: string;

  @ApiProperty({ description: 'Thời hạn giải quyết, in `legalTimeUnit`s', example: 8 })
  legalTimeValue: number;

  @ApiProperty({ enum: ['working_hours', 'working_days', 'calendar_days'], example: 'working_hours' })
  legalTimeUnit: string;

  @ApiProperty({ type: String, nullable: true, description: 'Phí, lệ phí, as the catalogue words it', example: 'Miễn lệ phí đăng ký khai sinh đúng hạn' })
  fee: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The fee in đồng when it is one fixed amount; null otherwise', example: null })
  feeAmountVnd: number | null;

  @ApiProperty({ enum: ['receipt', 'return', null], nullable: true, description: 'When the fee is paid: at receipt, or at return' })
  feePaidAt: 'receipt' | 'return' | null;

  @ApiProperty({ type: [Number], description: 'The channels it is received by: 1 in person, 2 online, 3 by post', example: [1, 2, 3] })
  channels: number[];

  @ApiProperty({ description: 'false once deactivated: no new dossier is received', example: true })
  active: boolean;

  @ApiProperty({ type: [DeskRuleView] })
  desks: DeskRuleView[];

  @ApiProperty({ type: [ProcedureDocumentView] })
  documents: ProcedureDocumentView[];

  @ApiProperty({ type: String, nullable: true, description: 'Căn cứ pháp lý', example: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP' })
  legalBasis: string | null;

  @ApiProperty({ type: [String], description: 'What in this entry is not verified against an official source (empty when all is)' })
  unverified: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'From when no dossier of it is received' })
  deactivatedAt: Date | null;
}

@ApiSchema({ name: 'StepAgencyRule', description: 'Which agency does a step for a dossier' })
export class StepAgencyRuleView {
  @ApiProperty({
    enum: ['receiving', 'competent', 'fixed'],
    description:
      'receiving: the agency whose desk received the dossier; competent: the agency of this kind and level whose area contains the applicant’s; fixed: one named agency',
    example: 'competent',
  })
  kind: string;

  @ApiPropertyOptional({ description: 'competent: the agency’s level', example: 'ward' })
  level?: string;

  @ApiPropertyOptional(AGENCY_KINDS)
  agencyKind?: string | readonly string[];

  @ApiPropertyOptional({ description: 'fixed: the agency', example: '000.00.05.H26' })
  agencyCode?: string;
}

@ApiSchema({ name: 'ProcessStep', description: 'A step of a process version' })
export class ProcessStepView {
  @ApiProperty({ description: 'From 1, in order', example: 1 })
  number: number;

  @ApiProperty({ example: 'Tiếp nhận hồ sơ' })
  name: string;

  @ApiProperty({ type: () => StepAgencyRuleView })
  agency: StepAgencyRuleView;

  @ApiProperty({ enum: STEP_ROLES, description: 'The role the step asks of its owner', example: 'specialist' })
  role: string;

  @ApiProperty({ description: 'Its time budget in working hours', example: 4 })
  budgetHours: number;

  @ApiProperty({ enum: STEP_ACTIONS, isArray: true, description: 'What the owner may do with the step’s task', example: ['forward', 'request_supplement'] })
  actions: readonly string[];

  @ApiPropertyOptional({
    enum: ['claim', 'least_loaded'],
    description: 'How the task gets its owner: claimed from the queue (the default), or given at once to the least-loaded eligible officer',
  })
  assignment?: 'claim' | 'least_loaded';
}

@ApiSchema({ name: 'ProcedureVersion', description: 'A published version of a procedure’s process: dossiers are pinned to the one in force when received' })
export class ProcedureVersionView {
  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T08:00:00+07:00' })
  publishedAt: string;

  @ApiProperty({ type: [ProcessStepView] })
  steps: ProcessStepView[];
}

@ApiSchema({ name: 'ProcedureDetail', description: 'A procedure with every published version of its process, oldest first' })
export class ProcedureDetail extends ProcedureView {
  @ApiProperty({ type: [ProcedureVersionView] })
  versions: ProcedureVersionView[];
}

@ApiSchema({ name: 'PublishedProcessVersion', description: 'A process version, published and in force from now' })
export class PublishedVersion {
  @ApiProperty({ example: '1.001193' })
  procedureCode: string;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T10:00:00+07:00' })
  publishedAt: string;
}

@ApiSchema({ name: 'ProcedureActivation', description: 'Whether a procedure is received' })
export class ProcedureActivation {
  @ApiProperty({ example: '1.001193' })
  code: string;

  @ApiProperty({ example: false })
  active: boolean;
}
