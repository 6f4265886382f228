import { onlineSubmissionOf } from './online-submission';

describe('an online dossier pulled from the portal, as intake files it', () => {
  it('maps the portal’s fields, the filing time read as Vietnamese time, return by post for HinhThuc 1', () => {
    expect(
      onlineSubmissionOf({
        MaHoSoQG: 'G22.99-261207-0001',
        MaTTHC: '1.001193',
        MaDonVi: '016.01.20.H26',
        ChuHoSo: 'Trần Văn Nam',
        SoGiayToChuHoSo: '001088001234',
        Email: 'nam@example.vn',
        MaXaPhuong: '00016',
        NgayNopHoSo: '20261206220000',
        HinhThuc: 1,
        TaiLieuNop: [{ MaThanhPhanHoSo: 'TK', TenTaiLieu: 'Tờ khai', DuongDan: 'https://dichvucong.gov.vn/f/1', MaKiemTra: 'a'.repeat(64) }],
      }),
    ).toEqual({
      portalReference: 'G22.99-261207-0001',
      procedureCode: '1.001193',
      receivingAgencyCode: '016.01.20.H26',
      applicant: { fullName: 'Trần Văn Nam', idNumber: '001088001234', email: 'nam@example.vn', wardCode: '00016' },
      documents: [{ code: 'TK', name: 'Tờ khai', url: 'https://dichvucong.gov.vn/f/1', checksum: 'a'.repeat(64) }],
      filedAt: '2026-12-06T22:00:00.000+07:00',
      returnMethod: 'post',
    });
  });
});
