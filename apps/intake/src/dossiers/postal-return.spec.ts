import { Refusal } from '@motcua/errors';
import { type PostalDetails, WAYBILL_PATTERN, checkPostalDetails } from './postal-return';
import { postalStateName } from './postal-state';

const areas = { area: (code: string) => (['00004', '00016'].includes(code) ? {} : undefined) };
const address = { recipient: 'Nguyễn Thị Lan', phone: '0912345678', street: 'Số 12 phố Phó Đức Chính', wardCode: '00004' };
const check = (details: Partial<PostalDetails>) => checkPostalDetails({ channel: 1, returnMethod: 'desk', ...details }, areas);
const refusedWith = (refusal: Refusal | null) => refusal && { code: refusal.code, fields: refusal.errors?.map((e) => e.field) };

describe('what the post is asked to do with a dossier', () => {
  it('takes a post return with an address in a known ward, and a desk return without one', () => {
    expect(check({ returnMethod: 'post', deliveryAddress: address })).toBeNull();
    expect(check({ returnMethod: 'desk' })).toBeNull();
    expect(check({ returnMethod: 'electronic', deliveryAddress: null })).toBeNull();
  });

  it.each([
    [{ returnMethod: 'post' }, 'DOSSIER.DELIVERY_ADDRESS_REQUIRED', 'deliveryAddress'],
    [{ returnMethod: 'desk', deliveryAddress: address }, 'DOSSIER.DELIVERY_ADDRESS_NOT_EXPECTED', 'deliveryAddress'],
    [{ returnMethod: 'electronic', deliveryAddress: address }, 'DOSSIER.DELIVERY_ADDRESS_NOT_EXPECTED', 'deliveryAddress'],
    [{ returnMethod: 'post', deliveryAddress: { ...address, wardCode: '99999' } }, 'DOSSIER.DELIVERY_WARD_UNKNOWN', 'deliveryAddress.wardCode'],
    [{ channel: 1, pickupWaybill: 'EB123456789VN' }, 'DOSSIER.PICKUP_WAYBILL_NOT_POST', 'pickupWaybill'],
  ])('refuses %j with %s naming %s', (details, code, field) => {
    expect(refusedWith(check(details))).toEqual({ code, fields: [field] });
  });

  it('takes the pick-up waybill of a dossier the post brought', () => {
    expect(check({ channel: 3, pickupWaybill: 'EB123456789VN' })).toBeNull();
  });

  it('knows a waybill by its shape', () => {
    expect(['EB123456789VN', 'RR000000001VN'].every((w) => WAYBILL_PATTERN.test(w))).toBe(true);
    expect(['eb123456789vn', 'EB12345678VN', 'EB123456789V', ' EB123456789VN'].some((w) => WAYBILL_PATTERN.test(w))).toBe(false);
  });
});

describe('the postal state in words', () => {
  it('names the states of a result on its way in Vietnamese, and an unknown one by its key', () => {
    expect(['picked_up', 'in_transit', 'delivered', 'delivery_failed', 'returned'].map(postalStateName)).toEqual([
      'Đã giao cho bưu điện',
      'Đang vận chuyển',
      'Đã phát thành công',
      'Phát không thành công',
      'Đã hoàn về Bộ phận Một cửa',
    ]);
    expect(postalStateName('lost_at_sea')).toBe('lost_at_sea');
  });
});
