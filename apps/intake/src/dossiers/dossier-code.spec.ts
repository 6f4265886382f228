import { formatDossierCode } from './dossier-code';

describe('dossier code', () => {
  it('joins the unit code, the Vietnamese date of receipt and a 4-digit running number', () => {
    expect(formatDossierCode('000.00.01.H26', new Date('2021-02-12T02:00:00Z'), 90)).toBe('000.00.01.H26-210212-0090');
  });

  it('uses the date in Vietnam, not in UTC: 23:30 UTC is already the next morning in Hà Nội', () => {
    expect(formatDossierCode('000.00.06.H56', new Date('2023-10-26T17:30:00Z'), 361)).toBe('000.00.06.H56-231027-0361');
    expect(formatDossierCode('X', new Date('2023-10-26T16:59:59Z'), 1)).toBe('X-231026-0001');
  });

  it('lets the number grow past 9999 rather than wrap', () => {
    expect(formatDossierCode('A', new Date('2026-01-05T03:00:00Z'), 12345)).toBe('A-260105-12345');
  });

  it('refuses a number that is not a positive integer', () => {
    expect(() => formatDossierCode('A', new Date(), 0)).toThrow(RangeError);
    expect(() => formatDossierCode('A', new Date(), 1.5)).toThrow(RangeError);
  });
});
