/**
 * Trạng thái hồ sơ: the status codes the National Public Service Portal expects (TrangThaiHoSo).
 * Local sub-states (which step, supplement origin, postal state) live beside the code, never instead of it.
 */
export enum NationalStatus {
  NewlyFiled = 1,
  Accepted = 2,
  RefusedAtReceipt = 3,
  InProgress = 4,
  SupplementRequested = 5,
  PaymentRequired = 6,
  Withdrawn = 7,
  Stopped = 8,
  Processed = 9,
  Returned = 10,
}

/** KenhThucHien: how the dossier reached the administration. */
export enum SubmissionChannel {
  InPerson = 1,
  Online = 2,
  Post = 3,
}

/** How the applicant wants the result back (HinhThuc, extended with electronic return). */
export enum ReturnMethod {
  Desk = 'desk',
  Post = 'post',
  Electronic = 'electronic',
}

/** How the dossier's status reads in Vietnamese, as the desk and the applicant see it (the portal's wording). */
export const NATIONAL_STATUS_NAMES: Readonly<Record<NationalStatus, string>> = {
  [NationalStatus.NewlyFiled]: 'Mới đăng ký',
  [NationalStatus.Accepted]: 'Đã tiếp nhận',
  [NationalStatus.RefusedAtReceipt]: 'Từ chối tiếp nhận',
  [NationalStatus.InProgress]: 'Đang xử lý',
  [NationalStatus.SupplementRequested]: 'Yêu cầu bổ sung hồ sơ',
  [NationalStatus.PaymentRequired]: 'Chờ thực hiện nghĩa vụ tài chính',
  [NationalStatus.Withdrawn]: 'Công dân rút hồ sơ',
  [NationalStatus.Stopped]: 'Dừng xử lý',
  [NationalStatus.Processed]: 'Đã giải quyết xong, chờ trả kết quả',
  [NationalStatus.Returned]: 'Đã trả kết quả',
};

/** The status's name: Vietnamese for people, and the stable English key (`InProgress`) for programs. */
export function nationalStatusName(status: number): string {
  return NATIONAL_STATUS_NAMES[status as NationalStatus] ?? String(status);
}
export function nationalStatusKey(status: number): string {
  return NationalStatus[status] ?? String(status);
}
