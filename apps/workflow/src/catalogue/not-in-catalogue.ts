import { HttpStatus } from '@nestjs/common';
import { ProblemDetailsException } from '@motcua/observability';

/** 404 `CATALOGUE.<WHAT>_NOT_FOUND`: the code names nothing the catalogue holds. */
export const notInCatalogue = (what: 'AREA' | 'AGENCY' | 'PROCEDURE' | 'OFFICER', code: string) =>
  new ProblemDetailsException({
    status: HttpStatus.NOT_FOUND,
    code: `CATALOGUE.${what}_NOT_FOUND`,
    title: `No such ${what.toLowerCase()}`,
    detail: `${code} is not in the catalogue`,
  });
