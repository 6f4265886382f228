import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import { NationalStatus, ReturnMethod, nationalStatusKey, nationalStatusName } from '@motcua/contracts';
import { ApiNullableProperty } from '@motcua/http';
import type { Dossier } from './dossier.entity';
import type { DossierStatusChange } from './dossier-status-change.entity';
import { DocumentItemView, NATIONAL_STATUSES, postalView } from './dossier.view';
import { PostalStateView } from './postal-state';

/** A procedure by code and name. */
@ApiSchema({ name: 'ProcedureName' })
export class ProcedureNameView {
  @ApiProperty({ example: '1.001193' })
  code: string;
  @ApiProperty({ example: 'Thủ tục đăng ký khai sinh', description: 'The code itself when the catalogue does not know it' })
  name: string;
}

/** Hẹn trả kết quả: the one printed on the receipt, and the current one after pauses and extensions. */
@ApiSchema({ name: 'Appointment' })
export class AppointmentView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-08T09:30:00.000+07:00', description: 'Printed on the receipt' })
  original: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-08T09:30:00.000+07:00', description: 'After pauses and extensions' })
  current: string | null;
}

/** What the applicant is asked to supply, why, and by whom (status 5). */
@ApiSchema({ name: 'CitizenSupplementRequest' })
export class CitizenSupplementRequestView {
  @ApiProperty({ example: 1 })
  round: number;
  @ApiProperty({ example: 'Giấy chứng sinh là bản sao không có chứng thực' })
  reason: string;
  @ApiProperty({ type: [DocumentItemView] })
  missing: { code?: string; name: string }[];
  @ApiProperty({ format: 'date-time', example: '2026-12-07T10:15:00.000+07:00' })
  requestedAt: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Trúc Bạch', description: 'The agency that asked, by name' })
  requestedBy: string;
}

/** The receiving desk, where a result returned at the desk is collected. */
@ApiSchema({ name: 'ResultDesk' })
export class ResultDeskView {
  @ApiProperty({ example: 'Ủy ban nhân dân phường Trúc Bạch' })
  name: string;
  @ApiProperty({ type: String, nullable: true, example: 'Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội', description: 'Its administrative address' })
  address: string | null;
}

/** Where and how the result is returned, as the applicant chose at receipt. */
@ApiSchema({ name: 'ResultReturn' })
export class ResultReturnView {
  @ApiProperty({ enum: ReturnMethod, example: ReturnMethod.Desk })
  method: ReturnMethod;
  @ApiProperty({ example: 'Nhận kết quả trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch' })
  description: string;
  /** The receiving desk, where a result returned at the desk is collected. */
  @ApiNullableProperty(() => ResultDeskView, { description: 'A result returned at the desk: where to collect it; null otherwise' })
  desk: ResultDeskView | null;
}

/** One fact of the history, in the applicant's words. */
@ApiSchema({ name: 'CitizenHistoryEntry' })
export class CitizenHistoryEntryView {
  @ApiProperty({ enum: NATIONAL_STATUSES, example: NationalStatus.Accepted })
  nationalStatus: number;
  @ApiProperty({ example: 'Accepted' })
  nationalStatusKey: string;
  @ApiProperty({ example: 'Đã tiếp nhận' })
  nationalStatusName: string;
  @ApiProperty({ example: 'Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch đã tiếp nhận hồ sơ' })
  description: string;
  /** The agency where it happened, by name (null when the fact names none). */
  @ApiProperty({ type: String, nullable: true, example: 'Ủy ban nhân dân phường Trúc Bạch', description: 'Where it happened, by name' })
  agency: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:30:00.000+07:00' })
  occurredAt: string;
}

/**
 * Tra cứu hồ sơ: what the applicant sees of their dossier. Only what the receipt, the supplement request and the
 * notices already tell them: no officer (neither the coordinator nor who holds a step), no step of the internal
 * process by name, nothing of the applicant beyond what they know; agencies by name; times in Vietnam with
 * their offset.
 */
@ApiSchema({ name: 'CitizenDossier', description: 'Tra cứu hồ sơ: what the applicant sees of their dossier' })
export class CitizenDossierView {
  @ApiProperty({ example: '004.01.20.H26-261207-0001' })
  code: string;
  @ApiProperty({ type: () => ProcedureNameView })
  procedure: ProcedureNameView;
  @ApiProperty({ enum: NATIONAL_STATUSES, example: NationalStatus.InProgress })
  nationalStatus: number;
  /** The stable English key (`InProgress`), for programs. */
  @ApiProperty({ example: 'InProgress', description: 'Stable, for programs' })
  nationalStatusKey: string;
  /** The status as the portal words it (`Đang xử lý`). */
  @ApiProperty({ example: 'Đang xử lý', description: 'As the portal words it' })
  nationalStatusName: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:30:00.000+07:00' })
  receivedAt: string;
  /** Hẹn trả kết quả: the one printed on the receipt, and the current one after pauses and extensions. */
  @ApiProperty({ type: () => AppointmentView })
  appointment: AppointmentView;
  /** While the dossier waits for the applicant (status 5): everything asked for, why, and by whom. */
  @ApiNullableProperty(() => CitizenSupplementRequestView, { description: 'While the dossier waits for the applicant (status 5); null otherwise' })
  supplementRequest: CitizenSupplementRequestView | null;
  /** Where and how the result is returned, as the applicant chose at receipt. */
  @ApiProperty({ type: () => ResultReturnView })
  result: ResultReturnView;
  /**
   * A result on its way by post: its waybill (to follow it at the carrier) and where it is, null until the post has
   * it. The delivery address itself is not shown: the secret on a paper receipt is enough to read this view, and the
   * applicant knows where they asked the result to go.
   */
  @ApiNullableProperty(() => PostalStateView, { description: 'A result on its way by post, null until the post has it (the address itself is not shown)' })
  postal: PostalStateView | null;
  /** What happened, oldest first, in plain words. */
  @ApiProperty({ type: [CitizenHistoryEntryView], description: 'What happened, oldest first, in plain words' })
  history: CitizenHistoryEntryView[];
}

/** The schemas the citizen's view reaches by `$ref` only: name them in `@ApiExtraModels` where it is answered. */
export const CITIZEN_DOSSIER_VIEW_MODELS = [CitizenSupplementRequestView, ResultDeskView, PostalStateView];

/** What the view needs of the catalogue (intake's replica satisfies it): names and the areas they are in. */
export interface CitizenCatalogue {
  procedure(code: string): { readonly name: string } | undefined;
  agency(code: string): { readonly name: string; readonly areaCode: string } | undefined;
  area(code: string): { readonly name: string; readonly parentCode: string | null } | undefined;
}

export type CitizenDossier = Pick<
  Dossier,
  | 'code'
  | 'procedureCode'
  | 'receivingAgencyCode'
  | 'nationalStatus'
  | 'receivedAt'
  | 'appointmentAt'
  | 'originalAppointmentAt'
  | 'supplementRequest'
  | 'returnMethod'
  | 'postalWaybill'
  | 'postalState'
  | 'postalUpdatedAt'
>;
export type CitizenHistoryRow = Pick<DossierStatusChange, 'nationalStatus' | 'source' | 'agencyCode' | 'note' | 'occurredAt'>;

/** What a fact of each status says when it carries no note of its own. */
const WHAT_HAPPENED: Readonly<Record<NationalStatus, string>> = {
  [NationalStatus.NewlyFiled]: 'Hồ sơ đã được nộp trực tuyến, chờ tiếp nhận',
  [NationalStatus.Accepted]: 'Bộ phận Một cửa đã tiếp nhận hồ sơ',
  [NationalStatus.RefusedAtReceipt]: 'Hồ sơ bị từ chối tiếp nhận',
  [NationalStatus.InProgress]: 'Hồ sơ đang được xử lý',
  [NationalStatus.SupplementRequested]: 'Cơ quan giải quyết yêu cầu bổ sung hồ sơ',
  [NationalStatus.PaymentRequired]: 'Chờ người nộp thực hiện nghĩa vụ tài chính',
  [NationalStatus.Withdrawn]: 'Người nộp đã rút hồ sơ',
  [NationalStatus.Stopped]: 'Cơ quan giải quyết đã dừng xử lý hồ sơ',
  [NationalStatus.Processed]: 'Đã có kết quả giải quyết, chờ trả cho người nộp',
  [NationalStatus.Returned]: 'Đã trả kết quả cho người nộp',
};

/** What a step that began at an agency means to the applicant (the step's own name is the office's business). */
function stepWords(status: number, agency: string): string {
  if (status === NationalStatus.InProgress) return `Hồ sơ được chuyển đến ${agency} để giải quyết`;
  if (status === NationalStatus.Processed) return `Kết quả đã được chuyển đến Bộ phận Một cửa của ${agency} để trả cho người nộp`;
  return `${nationalStatusName(status)} tại ${agency}`;
}

export function toCitizenDossierView(dossier: CitizenDossier, history: readonly CitizenHistoryRow[], catalogue: CitizenCatalogue): CitizenDossierView {
  const agencyName = (code: string) => catalogue.agency(code)?.name ?? code;
  const desk = catalogue.agency(dossier.receivingAgencyCode);
  const deskName = desk?.name ?? dossier.receivingAgencyCode;
  const { supplementRequest: asked } = dossier;
  return {
    code: dossier.code,
    procedure: { code: dossier.procedureCode, name: catalogue.procedure(dossier.procedureCode)?.name ?? dossier.procedureCode },
    nationalStatus: dossier.nationalStatus,
    nationalStatusKey: nationalStatusKey(dossier.nationalStatus),
    nationalStatusName: nationalStatusName(dossier.nationalStatus),
    receivedAt: toVietnamIso(dossier.receivedAt),
    appointment: {
      original: dossier.originalAppointmentAt ? toVietnamIso(dossier.originalAppointmentAt) : null,
      current: dossier.appointmentAt ? toVietnamIso(dossier.appointmentAt) : null,
    },
    supplementRequest: asked
      ? {
          round: asked.round,
          reason: asked.reason,
          missing: asked.missing.map(({ code, name }) => ({ ...(code ? { code } : {}), name })),
          requestedAt: toVietnamIso(new Date(asked.requestedAt)),
          requestedBy: agencyName(asked.agencyCode),
        }
      : null,
    result: resultReturn(dossier.returnMethod, deskName, desk ? addressOf(desk.areaCode, catalogue) : null),
    postal: postalView(dossier),
    history: history.map((row) => ({
      nationalStatus: row.nationalStatus,
      nationalStatusKey: nationalStatusKey(row.nationalStatus),
      nationalStatusName: nationalStatusName(row.nationalStatus),
      ...whatHappened(row, catalogue),
      occurredAt: toVietnamIso(row.occurredAt),
    })),
  };
}

/**
 * A row of the history in the applicant's words. A step that began is told as the agency that has the dossier,
 * by name (the step's own name is the office's business); other notes (a supplement's reason, a moved
 * appointment, what the applicant supplied, why processing ended) are written for the applicant already.
 */
function whatHappened(row: CitizenHistoryRow, catalogue: CitizenCatalogue): { description: string; agency: string | null } {
  const agency = row.agencyCode ? (catalogue.agency(row.agencyCode)?.name ?? row.agencyCode) : null;
  if (row.source === 'intake' && row.nationalStatus === NationalStatus.Accepted && !row.note && agency) {
    return { description: `Bộ phận Một cửa của ${agency} đã tiếp nhận hồ sơ`, agency };
  }
  const step = row.source === 'workflow' && (row.nationalStatus === NationalStatus.InProgress || row.nationalStatus === NationalStatus.Processed);
  if (step && agency) return { description: stepWords(row.nationalStatus, agency), agency };
  return { description: row.note ?? WHAT_HAPPENED[row.nationalStatus as NationalStatus] ?? nationalStatusName(row.nationalStatus), agency };
}

function resultReturn(method: ReturnMethod, deskName: string, address: string | null): ResultReturnView {
  switch (method) {
    case ReturnMethod.Desk:
      return { method, description: `Nhận kết quả trực tiếp tại Bộ phận Một cửa của ${deskName}`, desk: { name: deskName, address } };
    case ReturnMethod.Post:
      return { method, description: 'Kết quả được gửi qua dịch vụ bưu chính công ích đến địa chỉ người nộp đã đăng ký', desk: null };
    default:
      return { method, description: 'Kết quả bản điện tử được gửi cho người nộp: mã số và đường dẫn tải văn bản kết quả', desk: null };
  }
}

/** The administrative address of an agency from its area up to the city: `Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội`. */
function addressOf(areaCode: string, catalogue: CitizenCatalogue): string | null {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let code: string | null = areaCode; code && !seen.has(code);) {
    seen.add(code);
    const area = catalogue.area(code);
    if (!area) break;
    names.push(area.name);
    code = area.parentCode;
  }
  return names.length > 0 ? names.join(', ') : null;
}
