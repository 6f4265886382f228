import type { HoSoTrucTuyen } from '../portal/national-portal';
import { instantOfPortalDate } from '../portal/portal-date';
import { toVietnamIso } from '@motcua/calendar';

/** The body of intake's `POST /api/v1/online-submissions` for one online dossier pulled from the portal (pure). */
export function onlineSubmissionOf(d: HoSoTrucTuyen) {
  const filedAt = instantOfPortalDate(d.NgayNopHoSo);
  return {
    portalReference: d.MaHoSoQG,
    procedureCode: d.MaTTHC,
    receivingAgencyCode: d.MaDonVi,
    applicant: {
      fullName: d.ChuHoSo,
      ...(d.SoGiayToChuHoSo ? { idNumber: d.SoGiayToChuHoSo } : {}),
      ...(d.SoDienThoai ? { phone: d.SoDienThoai } : {}),
      ...(d.Email ? { email: d.Email } : {}),
      ...(d.DiaChi ? { address: d.DiaChi } : {}),
      wardCode: d.MaXaPhuong,
    },
    documents: (d.TaiLieuNop ?? []).map((t) => ({
      ...(t.MaThanhPhanHoSo ? { code: t.MaThanhPhanHoSo } : {}),
      name: t.TenTaiLieu,
      url: t.DuongDan,
      checksum: t.MaKiemTra,
    })),
    // a filing time that is not a portal date is sent as written: intake refuses it, and the refusal is kept
    filedAt: filedAt ? toVietnamIso(filedAt) : d.NgayNopHoSo,
    returnMethod: d.HinhThuc === 1 ? 'post' : 'desk',
  };
}
