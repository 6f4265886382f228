import type { Principal } from '@motcua/auth';
import { hashOfSecret, provesApplicant } from './applicant-proof';

const citizen = (subject: string): Principal => ({ subject, kind: 'citizen', roles: [], agencies: [], scopes: [] });
const dossier = { applicant: { idNumber: '001190000001' }, lookupSecretHash: hashOfSecret('Qm9uZ0RhdA') };

describe('the applicant proves a dossier is theirs', () => {
  it('with the secret printed on the receipt', () => {
    expect(provesApplicant(dossier, { lookupSecret: 'Qm9uZ0RhdA' })).toBe(true);
  });

  it('with their citizen token, whose subject is the applicant’s id number', () => {
    expect(provesApplicant(dossier, { principal: citizen('001190000001') })).toBe(true);
  });

  it('not with another secret, an empty one, another citizen’s token, or an officer whose subject is that number', () => {
    expect(provesApplicant(dossier, { lookupSecret: 'Qm9uZ0RhdB' })).toBe(false);
    expect(provesApplicant(dossier, { lookupSecret: '' })).toBe(false);
    expect(provesApplicant(dossier, {})).toBe(false);
    expect(provesApplicant(dossier, { principal: citizen('001190000002') })).toBe(false);
    expect(provesApplicant(dossier, { principal: { ...citizen('001190000001'), kind: 'officer' } })).toBe(false);
  });

  it('not by token for an applicant without an id number, nor by secret for a dossier without one', () => {
    expect(provesApplicant({ applicant: {}, lookupSecretHash: null }, { principal: citizen(''), lookupSecret: 'x' })).toBe(false);
  });
});
