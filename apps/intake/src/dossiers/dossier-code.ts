import { vietnamDate } from '@motcua/calendar';

/*
 * Mã hồ sơ (Circular 01/2018/TT-VPCP Art. 19, kept by Circular 03/2025):
 * `<receiving unit's electronic code>-<YYMMDD>-<NNNN>`, the date being the day of receipt in Vietnam and NNNN a
 * running number per unit per day that restarts every day. Past 9,999 in a day the number simply grows, as the
 * 2025 rules allow for centralised systems. The number is the unit's counter's, taken and padded (to four digits at
 * least) by the statement that stores the dossier (`DossierStore.insertReceived`); here is the rest of the code.
 */

/**
 * Stands for the running number in a code written before its number is taken: it fits the code's pattern (the
 * number part is `[0-9A-Z]{4,}`) and is no number, so it is never a dossier's code.
 */
export const NUMBER_TO_COME = 'NNNN';

/** The code up to its running number: `<unit>-<YYMMDD>-`, the day of receipt in Vietnam. */
export function dossierCodePrefix(agencyCode: string, receivedAt: Date): string {
  return `${agencyCode}-${vietnamDate(receivedAt).slice(2).replaceAll('-', '')}-`;
}
