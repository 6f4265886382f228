import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiProperty, ApiPropertyOptional, ApiSchema, DECORATORS } from '@nestjs/swagger';
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
 *
 * They add up: several on one handler, one on the controller (for each of its handlers) and shared decorators that
 * include one all count.
 */
export function ApiProblems(...codes: string[]): MethodDecorator & ClassDecorator {
  const unknown = codes.filter((code) => !Object.hasOwn(PROBLEMS, code));
  if (unknown.length > 0) throw new Error(`@ApiProblems: no entry in PROBLEMS for ${unknown.join(', ')}`);
  const addTo = (handler: object): void => {
    const extensions = (Reflect.getMetadata(DECORATORS.API_EXTENSION, handler) as Record<string, unknown> | undefined) ?? {};
    const known = (extensions[PROBLEM_CODES_EXTENSION] as string[] | undefined) ?? [];
    Reflect.defineMetadata(DECORATORS.API_EXTENSION, { ...extensions, [PROBLEM_CODES_EXTENSION]: [...new Set([...known, ...codes])] }, handler);
  };
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      addTo(descriptor.value as object);
      return descriptor;
    }
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as object | undefined;
      if (name !== 'constructor' && typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler)) addTo(handler);
    }
    return target;
  }) as MethodDecorator & ClassDecorator;
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
