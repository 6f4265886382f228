import { NationalStatus, ReturnMethod } from '@motcua/contracts';
import { type CitizenCatalogue, type CitizenDossier, type CitizenHistoryRow, toCitizenDossierView } from './citizen-dossier.view';

const TRUC_BACH = '004.01.20.H26';
const BA_DINH = '000.01.20.H26';
const catalogue: CitizenCatalogue = {
  procedure: (code) => (code === '1.001193' ? { name: 'Thủ tục đăng ký khai sinh' } : undefined),
  agency: (code) =>
    ({
      [TRUC_BACH]: { name: 'Ủy ban nhân dân phường Trúc Bạch', areaCode: '00004' },
      [BA_DINH]: { name: 'Ủy ban nhân dân quận Ba Đình', areaCode: '001' },
    })[code],
  area: (code) =>
    ({
      '00004': { name: 'Phường Trúc Bạch', parentCode: '001' },
      '001': { name: 'Quận Ba Đình', parentCode: '01' },
      '01': { name: 'Thành phố Hà Nội', parentCode: null },
    })[code],
};

const dossier = (overrides: Partial<CitizenDossier> = {}): CitizenDossier => ({
  code: `${TRUC_BACH}-261126-0001`,
  procedureCode: '1.001193',
  receivingAgencyCode: TRUC_BACH,
  nationalStatus: NationalStatus.InProgress,
  receivedAt: new Date('2026-11-26T02:05:00Z'),
  appointmentAt: new Date('2026-11-27T10:00:00Z'),
  originalAppointmentAt: new Date('2026-11-27T08:00:00Z'),
  supplementRequest: null,
  returnMethod: ReturnMethod.Desk,
  postalWaybill: null,
  postalState: null,
  postalUpdatedAt: null,
  ...overrides,
});
const row = (nationalStatus: NationalStatus, source: string, note: string | null, at: string, agencyCode: string | null = null): CitizenHistoryRow => ({
  nationalStatus,
  source,
  agencyCode,
  note,
  occurredAt: new Date(at),
});

describe('what the applicant sees of their dossier (tra cứu hồ sơ)', () => {
  it('names the procedure, the status in Vietnamese with its stable key, and both appointments in Vietnam time', () => {
    const view = toCitizenDossierView(dossier(), [], catalogue);
    expect(view).toMatchObject({
      code: `${TRUC_BACH}-261126-0001`,
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
      nationalStatus: 4,
      nationalStatusKey: 'InProgress',
      nationalStatusName: 'Đang xử lý',
      receivedAt: '2026-11-26T09:05:00.000+07:00',
      appointment: { original: '2026-11-27T15:00:00.000+07:00', current: '2026-11-27T17:00:00.000+07:00' },
      supplementRequest: null,
    });
  });

  it('tells the history in plain words: which agency has the dossier by name, never the step’s internal name', () => {
    const step = 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch';
    const view = toCitizenDossierView(
      dossier({ nationalStatus: NationalStatus.Returned }),
      [
        row(NationalStatus.Accepted, 'intake', null, '2026-11-26T02:05:00Z', TRUC_BACH),
        row(NationalStatus.InProgress, 'workflow', `${step} (${TRUC_BACH})`, '2026-11-26T02:06:00Z', TRUC_BACH),
        row(NationalStatus.SupplementRequested, 'workflow', 'Thiếu bản chính giấy chứng sinh', '2026-11-26T03:00:00Z', TRUC_BACH),
        row(NationalStatus.SupplementRequested, 'intake', 'Đã bổ sung hồ sơ (lần 1)', '2026-11-26T04:00:00Z'),
        row(NationalStatus.InProgress, 'workflow', 'Không tính 1 giờ làm việc chờ bổ sung hồ sơ: hẹn trả kết quả mới 17:00 27/11/2026', '2026-11-26T04:01:00Z'),
        row(NationalStatus.InProgress, 'workflow', `Trưởng phòng Tư pháp thẩm định (${BA_DINH})`, '2026-11-26T05:00:00Z', BA_DINH),
        row(NationalStatus.Processed, 'workflow', `Bộ phận Một cửa trả kết quả (${TRUC_BACH})`, '2026-11-26T06:00:00Z', TRUC_BACH),
        row(NationalStatus.Returned, 'workflow', null, '2026-11-26T07:00:00Z'),
      ],
      catalogue,
    );
    expect(view.history.map(({ nationalStatusName, description, agency }) => [nationalStatusName, description, agency])).toEqual([
      ['Đã tiếp nhận', 'Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch đã tiếp nhận hồ sơ', 'Ủy ban nhân dân phường Trúc Bạch'],
      ['Đang xử lý', 'Hồ sơ được chuyển đến Ủy ban nhân dân phường Trúc Bạch để giải quyết', 'Ủy ban nhân dân phường Trúc Bạch'],
      ['Yêu cầu bổ sung hồ sơ', 'Thiếu bản chính giấy chứng sinh', 'Ủy ban nhân dân phường Trúc Bạch'],
      ['Yêu cầu bổ sung hồ sơ', 'Đã bổ sung hồ sơ (lần 1)', null],
      ['Đang xử lý', 'Không tính 1 giờ làm việc chờ bổ sung hồ sơ: hẹn trả kết quả mới 17:00 27/11/2026', null],
      ['Đang xử lý', 'Hồ sơ được chuyển đến Ủy ban nhân dân quận Ba Đình để giải quyết', 'Ủy ban nhân dân quận Ba Đình'],
      [
        'Đã giải quyết xong, chờ trả kết quả',
        'Kết quả đã được chuyển đến Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch để trả cho người nộp',
        'Ủy ban nhân dân phường Trúc Bạch',
      ],
      ['Đã trả kết quả', 'Đã trả kết quả cho người nộp', null],
    ]);
    expect(view.history[0]).toMatchObject({ nationalStatus: 2, nationalStatusKey: 'Accepted', occurredAt: '2026-11-26T09:05:00.000+07:00' });
    const shown = JSON.stringify(view.history);
    for (const internal of [step, 'Trưởng phòng', TRUC_BACH, BA_DINH]) expect(shown).not.toContain(internal);
  });

  it('says what is missing, why, and which agency asks, while a supplement is awaited', () => {
    const view = toCitizenDossierView(
      dossier({
        nationalStatus: NationalStatus.SupplementRequested,
        supplementRequest: {
          round: 1,
          reason: 'Giấy chứng sinh là bản sao không chứng thực',
          missing: [{ code: 'GCS', name: 'Giấy chứng sinh (bản chính)' }, { name: 'Văn bản ủy quyền' }],
          stepNumber: 1,
          agencyCode: TRUC_BACH,
          requestedAt: '2026-11-26T03:00:00.000Z',
        },
      }),
      [],
      catalogue,
    );
    expect(view.supplementRequest).toEqual({
      round: 1,
      reason: 'Giấy chứng sinh là bản sao không chứng thực',
      missing: [{ code: 'GCS', name: 'Giấy chứng sinh (bản chính)' }, { name: 'Văn bản ủy quyền' }],
      requestedAt: '2026-11-26T10:00:00.000+07:00',
      requestedBy: 'Ủy ban nhân dân phường Trúc Bạch',
    });
  });

  it('says where and how the result comes back: the desk by name and address, the post, or electronically', () => {
    expect(toCitizenDossierView(dossier(), [], catalogue).result).toEqual({
      method: 'desk',
      description: 'Nhận kết quả trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch',
      desk: { name: 'Ủy ban nhân dân phường Trúc Bạch', address: 'Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội' },
    });
    expect(toCitizenDossierView(dossier({ returnMethod: ReturnMethod.Post }), [], catalogue).result).toMatchObject({ method: 'post', desk: null });
    expect(toCitizenDossierView(dossier({ returnMethod: ReturnMethod.Electronic }), [], catalogue).result).toMatchObject({ method: 'electronic', desk: null });
  });

  it('shows where the result is on its way by post, beside the status, and never the delivery address', () => {
    const onItsWay = dossier({
      returnMethod: ReturnMethod.Post,
      postalWaybill: 'EB123456789VN',
      postalState: 'in_transit',
      postalUpdatedAt: new Date('2026-12-03T01:30:00Z'),
    });
    const view = toCitizenDossierView(onItsWay, [], catalogue);
    expect(view.postal).toEqual({ waybill: 'EB123456789VN', state: 'in_transit', stateName: 'Đang vận chuyển', updatedAt: '2026-12-03T08:30:00.000+07:00' });
    expect(view.nationalStatus).toBe(NationalStatus.InProgress);
    expect(JSON.stringify(view)).not.toContain('deliveryAddress');
    expect(toCitizenDossierView(dossier(), [], catalogue).postal).toBeNull();
  });

  it('falls back to the codes for what the catalogue replica does not know yet', () => {
    const view = toCitizenDossierView(dossier({ procedureCode: '9.999999', receivingAgencyCode: 'X.H26' }), [], catalogue);
    expect(view.procedure).toEqual({ code: '9.999999', name: '9.999999' });
    expect(view.result.desk).toEqual({ name: 'X.H26', address: null });
  });
});
