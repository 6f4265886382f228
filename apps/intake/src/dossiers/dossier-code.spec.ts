import { DOSSIER_CODE_PATTERN } from '@motcua/contracts';
import { NUMBER_TO_COME, dossierCodePrefix } from './dossier-code';

describe('dossier code', () => {
  it('starts with the unit code and the date of receipt, YYMMDD', () => {
    expect(dossierCodePrefix('000.00.01.H26', new Date('2021-02-12T02:00:00Z'))).toBe('000.00.01.H26-210212-');
  });

  it('uses the date in Vietnam, not in UTC: 23:30 UTC is already the next morning in Hà Nội', () => {
    expect(dossierCodePrefix('000.00.06.H56', new Date('2023-10-26T17:30:00Z'))).toBe('000.00.06.H56-231027-');
    expect(dossierCodePrefix('X', new Date('2023-10-26T16:59:59Z'))).toBe('X-231026-');
  });

  it('stands for the number to come with something the code pattern takes and no number can be', () => {
    const code = dossierCodePrefix('000.00.01.H26', new Date('2021-02-12T02:00:00Z')) + NUMBER_TO_COME;
    expect(code).toMatch(DOSSIER_CODE_PATTERN);
    expect(NUMBER_TO_COME).not.toMatch(/\d/);
  });
});
