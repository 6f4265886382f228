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
