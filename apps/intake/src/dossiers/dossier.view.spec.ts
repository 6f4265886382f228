import { NationalStatus, ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import type { Dossier } from './dossier.entity';
import { type CatalogueNames, toDossierView } from './dossier.view';

const TRUC_BACH = '004.01.20.H26';

const dossier: Dossier = {
  id: '00000000-0000-4000-8000-000000000001',
  code: `${TRUC_BACH}-261126-0001`,
  procedureCode: '1.001193',
  processVersion: 1,
  channel: SubmissionChannel.InPerson,
  receivingAgencyCode: TRUC_BACH,
  coordinatorId: `${TRUC_BACH}.receiver.1`,
  coordinatorName: 'Phạm Thu Hà',
  applicant: { fullName: 'Nguyễn Thị Lan', wardCode: '00004' },
  documents: [{ code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', copies: 1 }],
  returnMethod: ReturnMethod.Desk,
  deliveryAddress: null,
  pickupWaybill: null,
  portalReference: null,
  filedAt: null,
  postalShipmentId: null,
  postalWaybill: null,
  postalState: null,
  postalSequence: 0,
  postalUpdatedAt: null,
  supplementRequest: null,
  appointmentAt: new Date('2026-11-27T02:05:00Z'),
  originalAppointmentAt: new Date('2026-11-27T02:05:00Z'),
  extensionCount: 0,
  nationalStatus: NationalStatus.InProgress,
  currentStep: 'Công chức tư pháp - hộ tịch thẩm định',
  currentAgencyCode: TRUC_BACH,
  workflowSequence: 1,
  eventSequence: 1,
  receivedAt: new Date('2026-11-26T02:05:00Z'),
  createdAt: new Date('2026-11-26T02:05:00Z'),
};

const catalogue: CatalogueNames = {
  procedure: (code) => (code === '1.001193' ? { name: 'Đăng ký khai sinh' } : undefined),
  agency: (code) => (code === TRUC_BACH ? { name: 'Ủy ban nhân dân phường Trúc Bạch' } : undefined),
};

describe('a dossier as officers read it', () => {
  it('names its status in Vietnamese, with the stable key beside it, in the record and its history', () => {
    const view = toDossierView(dossier, catalogue, [
      { nationalStatus: NationalStatus.Accepted, source: 'intake', agencyCode: TRUC_BACH, note: null, occurredAt: new Date('2026-11-26T02:05:00Z') },
      { nationalStatus: NationalStatus.InProgress, source: 'workflow', agencyCode: null, note: null, occurredAt: new Date('2026-11-26T02:06:00Z') },
    ]);
    expect(view.coordinatorName).toBe('Phạm Thu Hà');
    expect(view.history?.map((h) => [h.agencyCode, h.agencyName])).toEqual([
      [TRUC_BACH, 'Ủy ban nhân dân phường Trúc Bạch'],
      [null, null],
    ]);
    expect(view).toMatchObject({ nationalStatus: 4, nationalStatusName: 'Đang xử lý', nationalStatusKey: 'InProgress' });
    expect(view.history?.map((h) => [h.nationalStatusName, h.nationalStatusKey])).toEqual([
      ['Đã tiếp nhận', 'Accepted'],
      ['Đang xử lý', 'InProgress'],
    ]);
  });

  it('names the procedure and the agencies beside their codes', () => {
    expect(toDossierView(dossier, catalogue)).toMatchObject({
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      receivingAgencyName: 'Ủy ban nhân dân phường Trúc Bạch',
      currentStep: { agencyCode: TRUC_BACH, agencyName: 'Ủy ban nhân dân phường Trúc Bạch' },
    });
  });

  it('keeps the codes, with null names, for what the catalogue does not know', () => {
    const unknown = toDossierView({ ...dossier, procedureCode: '9.999999', receivingAgencyCode: '999.99.99.H26' }, catalogue);
    expect(unknown).toMatchObject({ procedureCode: '9.999999', procedureName: null, receivingAgencyCode: '999.99.99.H26', receivingAgencyName: null });
  });

  it('shows the delivery address, the pick-up waybill and the postal state beside the national status', () => {
    const deliveryAddress = { recipient: 'Nguyễn Thị Lan', phone: '0912345678', street: 'Số 12 phố Phó Đức Chính', wardCode: '00004' };
    const view = toDossierView(
      {
        ...dossier,
        channel: SubmissionChannel.Post,
        returnMethod: ReturnMethod.Post,
        deliveryAddress,
        pickupWaybill: 'EB000000001VN',
        postalShipmentId: '00000000-0000-4000-8000-0000000000aa',
        postalWaybill: 'EB123456789VN',
        postalState: 'returned',
        postalSequence: 5,
        postalUpdatedAt: new Date('2026-12-04T03:00:00Z'),
      },
      catalogue,
    );
    expect(view).toMatchObject({
      deliveryAddress,
      pickupWaybill: 'EB000000001VN',
      postal: { waybill: 'EB123456789VN', state: 'returned', stateName: 'Đã hoàn về Bộ phận Một cửa', updatedAt: '2026-12-04T10:00:00.000+07:00' },
      nationalStatus: NationalStatus.InProgress,
    });
    expect(toDossierView(dossier, catalogue)).toMatchObject({ deliveryAddress: null, pickupWaybill: null, postal: null });
  });
});
