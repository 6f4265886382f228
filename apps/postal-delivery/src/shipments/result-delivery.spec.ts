import 'reflect-metadata';
import { ReturnMethod } from '@motcua/contracts';
import { needsResultDelivery } from './result-delivery';

describe('needsResultDelivery', () => {
  it('is true only when the applicant asked for the result by post', () => {
    expect(needsResultDelivery(ReturnMethod.Post)).toBe(true);
    expect(needsResultDelivery(ReturnMethod.Desk)).toBe(false);
    expect(needsResultDelivery(ReturnMethod.Electronic)).toBe(false);
  });
});
