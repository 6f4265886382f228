import { HttpStatus } from '@nestjs/common';
import { ProblemDetailsException } from '@motcua/errors';

/** Each code spelled out, so the test of problem titles finds it. */
const NOT_FOUND = {
  AREA: 'CATALOGUE.AREA_NOT_FOUND',
  AGENCY: 'CATALOGUE.AGENCY_NOT_FOUND',
  PROCEDURE: 'CATALOGUE.PROCEDURE_NOT_FOUND',
  OFFICER: 'CATALOGUE.OFFICER_NOT_FOUND',
} as const;

/** 404 `CATALOGUE.<WHAT>_NOT_FOUND`: the code names nothing the catalogue holds. */
export const notInCatalogue = (what: keyof typeof NOT_FOUND, code: string) =>
  new ProblemDetailsException({
    status: HttpStatus.NOT_FOUND,
    code: NOT_FOUND[what],
    detail: `${code} is not in the catalogue`,
  });
