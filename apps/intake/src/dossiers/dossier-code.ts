import { vietnamDate } from '@motcua/calendar';

/**
 * Mã hồ sơ (Circular 01/2018/TT-VPCP Art. 19, kept by Circular 03/2025):
 * `<receiving unit's electronic code>-<YYMMDD>-<NNNN>`, the date being the day of receipt in Vietnam and NNNN a
 * running number per unit per day that restarts every day. Past 9,999 in a day the number simply grows, as the
 * 2025 rules allow for centralised systems.
 */
export function formatDossierCode(agencyCode: string, receivedAt: Date, runningNumber: number): string {
  if (!Number.isInteger(runningNumber) || runningNumber < 1) {
    throw new RangeError(`running number must be a positive integer, got ${runningNumber}`);
  }
  const yymmdd = vietnamDate(receivedAt).slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(runningNumber).padStart(4, '0')}`;
}
