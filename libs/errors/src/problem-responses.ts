import { ApiExtension, ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROBLEMS } from './problem-titles';

/**
 * Where an operation's own problem codes are written in the OpenAPI document, for `completeOpenApiDocument`
 * (libs/http) to render them as `application/problem+json` responses grouped by status. Internal: the finished
 * document carries the responses, not this extension.
 */
export const PROBLEM_CODES_EXTENSION = 'x-motcua-problems';

/**
 * The problems this operation answers beyond those every operation of its kind may give (a malformed request, a
 * missing or invalid token, a forbidden role, an outage: added by the document itself from the operation's
 * parameters, body, security and roles). Each code needs an entry in `PROBLEMS`, which gives its status.
 *
 * ```ts
 * @ApiProblems('DOSSIER.NOT_FOUND', 'TASK.ALREADY_OWNED')
 * ```
 */
export function ApiProblems(...codes: string[]): MethodDecorator & ClassDecorator {
  const unknown = codes.filter((code) => !Object.hasOwn(PROBLEMS, code));
  if (unknown.length > 0) throw new Error(`@ApiProblems: no entry in PROBLEMS for ${unknown.join(', ')}`);
  return ApiExtension(PROBLEM_CODES_EXTENSION, codes) as MethodDecorator & ClassDecorator;
}

@ApiSchema({ name: 'FieldProblem', description: 'One field at fault in a refused request' })
export class FieldProblemSchema {
  @ApiProperty({ description: 'The field, as a path into the request (`applicant.fullName`), or a header’s name', example: 'applicant.fullName' })
  field: string;
  @ApiProperty({ description: 'What is wrong with it, stable', example: 'isNotEmpty' })
  code: string;
  @ApiProperty({ description: 'The same in words', example: 'applicant.fullName should not be empty' })
  message: string;
}

@ApiSchema({ name: 'ProblemDetails', description: 'RFC 9457 problem details: every error the suite answers' })
export class ProblemDetailsSchema {
  @ApiProperty({ description: 'One URI per stable code', example: 'https://motcua.vn/problems/dossier-not-found' })
  type: string;
  @ApiProperty({ description: 'The code’s title, in Vietnamese', example: 'Không tìm thấy hồ sơ' })
  title: string;
  @ApiProperty({ description: 'The HTTP status, repeated', example: 404 })
  status: number;
  @ApiPropertyOptional({ description: 'What went wrong in this instance' })
  detail?: string;
  @ApiProperty({ description: 'The stable code programs switch on (the list per operation is in its responses)', example: 'DOSSIER.NOT_FOUND' })
  code: string;
  @ApiPropertyOptional({ description: 'The request’s path', example: '/api/v1/dossiers/000.00.10.H29-261207-0001' })
  instance?: string;
  @ApiPropertyOptional({ description: 'The request’s correlation id (X-Correlation-Id), to quote to an operator' })
  correlationId?: string;
  @ApiPropertyOptional({ type: [FieldProblemSchema], description: 'The fields at fault' })
  errors?: FieldProblemSchema[];
}
