import { OPENAPI_PUBLIC_EXTENSION, OPENAPI_ROLES_EXTENSION } from '@motcua/auth';
import { ApiProblems, PROBLEM_CODES_EXTENSION } from '@motcua/errors';
import { Controller, Get } from '@nestjs/common';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { completeOpenApiDocument, documentForPrefix, problemCodesOf } from './openapi-document';

const documentOf = (paths: Record<string, Record<string, object>>): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: paths as OpenAPIObject['paths'],
  components: { schemas: {} },
});

const codesOf = (operation: OperationObject, status: number): string[] => {
  const response = operation.responses[String(status)] as { content: Record<string, { schema: { allOf: { properties?: { code: { enum: string[] } } }[] } }> };
  return response.content['application/problem+json'].schema.allOf[1].properties!.code.enum;
};

describe('completeOpenApiDocument', () => {
  const done = completeOpenApiDocument(
    documentOf({
      '/api/v1/tasks/{id}/claim': {
        post: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
          ],
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { '200': { description: 'claimed' }, '409': { description: 'declared by hand' } },
          [PROBLEM_CODES_EXTENSION]: ['TASK.NOT_FOUND', 'TASK.ALREADY_OWNED', 'TASK.VERSION_CONFLICT'],
          [OPENAPI_ROLES_EXTENSION]: ['processor'],
        },
      },
      '/api/v1/catalogue/procedures': {
        get: {
          parameters: [{ name: 'cursor', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { '200': { description: 'a page' } },
          [OPENAPI_PUBLIC_EXTENSION]: true,
          [OPENAPI_ROLES_EXTENSION]: ['receiver'],
        },
      },
    }),
  );
  const claim = done.paths['/api/v1/tasks/{id}/claim'].post!;
  const catalogue = done.paths['/api/v1/catalogue/procedures'].get!;

  it('lists each status’s codes as problem+json: the operation’s own and those of its kind', () => {
    expect(Object.keys(claim.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '422', '503']);
    expect(codesOf(claim, 409)).toEqual(['TASK.ALREADY_OWNED', 'TASK.VERSION_CONFLICT']);
    expect(codesOf(claim, 401)).toEqual(['AUTH.TOKEN_MISSING', 'AUTH.TOKEN_INVALID']);
    expect(codesOf(claim, 403)).toEqual(['AUTH.FORBIDDEN']);
    expect(codesOf(claim, 422)).toEqual(['IDEMPOTENCY.KEY_REUSED']);
    expect(codesOf(claim, 400)).toEqual(expect.arrayContaining(['REQUEST.INVALID', 'REQUEST.MALFORMED_JSON', 'IDEMPOTENCY.KEY_INVALID']));
    expect(codesOf(claim, 503)).toEqual(['SERVICE.UNAVAILABLE', 'SERVICE.OVERLOADED']);
  });

  it('drops an error response declared by hand: statuses come from the codes alone', () => {
    expect((claim.responses['409'] as { description: string }).description).toContain('TASK.ALREADY_OWNED');
    expect(claim.responses['200']).toEqual({ description: 'claimed' });
  });

  it('gives a public operation an optional token, never a 403, and a cursor’s problem', () => {
    expect(catalogue.security).toEqual([{}, { bearer: [] }]);
    expect(codesOf(catalogue, 401)).toEqual(['AUTH.TOKEN_INVALID']);
    expect(catalogue.responses['403']).toBeUndefined();
    expect(codesOf(catalogue, 400)).toContain('REQUEST.INVALID_CURSOR');
    expect(claim.security).toEqual([{ bearer: [] }]);
  });

  it('says who may call, and leaves no internal extension behind', () => {
    expect(claim.description).toContain('`processor`');
    expect(catalogue.description).toContain('Public');
    expect(JSON.stringify(done)).not.toContain('x-motcua-');
  });

  it('gives every problem code an example with its Vietnamese title', () => {
    const response = claim.responses['409'] as { content: Record<string, { examples: Record<string, { value: { title: string; status: number } }> }> };
    expect(response.content['application/problem+json'].examples['TASK.ALREADY_OWNED'].value).toMatchObject({ status: 409, title: expect.any(String) });
  });

  it('knows each kind’s codes, a body’s for every method that may carry one', () => {
    expect(problemCodesOf({ responses: {} }, 'post')).toEqual(expect.arrayContaining(['REQUEST.MALFORMED_JSON', 'REQUEST.UNSUPPORTED_MEDIA_TYPE']));
    expect(problemCodesOf({ responses: {} })).toEqual([
      'REQUEST.INVALID',
      'REQUEST.MALFORMED_URL',
      'SERVICE.UNAVAILABLE',
      'SERVICE.OVERLOADED',
      'AUTH.TOKEN_MISSING',
      'AUTH.TOKEN_INVALID',
    ]);
  });
});

describe('a property whose type was not named', () => {
  it('stops the document: reflected as Function or Object it would be an empty schema', () => {
    const document = { ...documentOf({}), components: { schemas: { Function: { type: 'object', properties: {} } } } } as OpenAPIObject;
    expect(() => completeOpenApiDocument(document)).toThrow(/type: \(\) => TheClass/);
  });
});

describe('documentForPrefix', () => {
  const document = documentOf({});
  it('names the gateway’s prefix as the server behind it, and nothing else', () => {
    expect(documentForPrefix(document, '/intake').servers).toEqual([{ url: '/intake', description: 'through the gateway' }]);
    expect(documentForPrefix(document, '/intake/').servers).toEqual([{ url: '/intake', description: 'through the gateway' }]);
    expect(documentForPrefix(document, undefined)).toBe(document);
    expect(documentForPrefix(document, 'https://evil.example')).toBe(document);
    expect(documentForPrefix(document, '/a/../b')).toBe(document);
  });
});

describe('ApiProblems', () => {
  it('adds up: on the handler twice and on the controller', () => {
    @ApiProblems('DOSSIER.NOT_FOUND')
    @Controller('x')
    class X {
      @Get()
      @ApiProblems('TASK.NOT_FOUND')
      @ApiProblems('TASK.ALREADY_OWNED')
      one(): void {}
    }
    const extensions = Reflect.getMetadata('swagger/apiExtension', Object.getOwnPropertyDescriptor(X.prototype, 'one')!.value) as Record<string, string[]>;
    expect([...extensions[PROBLEM_CODES_EXTENSION]].sort()).toEqual(['DOSSIER.NOT_FOUND', 'TASK.ALREADY_OWNED', 'TASK.NOT_FOUND']);
  });
});
