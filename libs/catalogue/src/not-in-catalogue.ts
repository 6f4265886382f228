import { Refusal } from '@motcua/errors';

/** Each code spelled out, so the test of problem titles finds it. */
const NOT_FOUND = {
  AREA: 'CATALOGUE.AREA_NOT_FOUND',
  AGENCY: 'CATALOGUE.AGENCY_NOT_FOUND',
  PROCEDURE: 'CATALOGUE.PROCEDURE_NOT_FOUND',
  OFFICER: 'CATALOGUE.OFFICER_NOT_FOUND',
} as const;

/** `CATALOGUE.<WHAT>_NOT_FOUND` (404): the code names nothing the catalogue holds (workflow's, or intake's replica). */
export const notInCatalogue = (what: keyof typeof NOT_FOUND, code: string) => new Refusal(NOT_FOUND[what], `${code} is not in the catalogue`);
