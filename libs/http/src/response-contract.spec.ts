import type { OpenAPIObject } from '@nestjs/swagger';
import { ResponseContract, documentPathOf } from './response-contract';
import { PROBLEM_SCHEMA_REF, problemResponse } from './openapi-document';

const document: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/api/v1/dossiers/{code}': {
      get: {
        responses: {
          '200': { description: 'the dossier', content: { 'application/json': { schema: { $ref: '#/components/schemas/Dossier' } } } },
          '404': problemResponse(404, ['DOSSIER.NOT_FOUND']),
        },
      },
      delete: { responses: { '204': { description: 'gone' } } },
    },
  },
  components: {
    schemas: {
      ProblemDetails: {
        type: 'object',
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'number' }, code: { type: 'string' }, detail: { type: 'string' } },
        required: ['type', 'title', 'status', 'code'],
      },
      Dossier: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          receivedAt: { type: 'string', format: 'date-time' },
          coordinator: { type: 'string', nullable: true },
          applicant: { type: 'object', properties: { fullName: { type: 'string' } }, required: ['fullName'] },
        },
        required: ['code', 'receivedAt', 'coordinator', 'applicant'],
      },
    },
  },
};

const dossier = { code: 'H29-261207-0001', receivedAt: '2026-12-07T09:00:00+07:00', coordinator: null, applicant: { fullName: 'Nguyễn Văn An' } };
const problem = (code: string) => ({ type: 'https://motcua.vn/problems/x', title: 'Không tìm thấy hồ sơ', status: 404, code });

describe('ResponseContract', () => {
  const contract = new ResponseContract(document);
  const get = (status: number, body: unknown, type = 'application/json; charset=utf-8') =>
    contract.check('GET', '/api/v1/dossiers/:code', status, type, body === undefined ? undefined : JSON.stringify(body));

  it('takes a response as documented', () => {
    expect(PROBLEM_SCHEMA_REF).toBe('#/components/schemas/ProblemDetails');
    expect(get(200, dossier)).toBeUndefined();
    expect(get(404, problem('DOSSIER.NOT_FOUND'), 'application/problem+json; charset=utf-8')).toBeUndefined();
    expect(contract.check('DELETE', '/api/v1/dossiers/:code', 204, undefined, '')).toBeUndefined();
  });

  it('refuses a status the operation does not declare', () => {
    expect(get(409, problem('X'), 'application/problem+json')?.problem).toMatch(/status 409 is not declared/);
  });

  it('refuses a field the schema does not name, also in a nested object', () => {
    expect(get(200, { ...dossier, secret: 'x' })?.problem).toMatch(/additional properties.*secret/);
    expect(get(200, { ...dossier, applicant: { fullName: 'A', phone: '1' } })?.problem).toMatch(/phone/);
  });

  it('refuses a missing required field, a wrong type, null where not nullable and a malformed date-time', () => {
    const { applicant: _a, ...withoutApplicant } = dossier;
    expect(get(200, withoutApplicant)).toBeDefined();
    expect(get(200, { ...dossier, code: 7 })).toBeDefined();
    expect(get(200, { ...dossier, code: null })).toBeDefined();
    expect(get(200, { ...dossier, receivedAt: 'hôm qua' })).toBeDefined();
    expect(get(200, { ...dossier, coordinator: 'cb.1' })).toBeUndefined();
  });

  it('refuses a problem code the operation does not list, and the wrong content type', () => {
    expect(get(404, problem('TASK.NOT_FOUND'), 'application/problem+json')?.problem).toMatch(/allowed values/);
    expect(get(404, problem('DOSSIER.NOT_FOUND'), 'application/json')?.problem).toMatch(/content type application\/json/);
  });

  it('refuses a body where none is declared, and a body that is not JSON', () => {
    expect(contract.check('DELETE', '/api/v1/dossiers/:code', 204, 'application/json', '{}')?.problem).toMatch(/a body/);
    expect(get(200, undefined)).toBeDefined();
    expect(contract.check('GET', '/api/v1/dossiers/:code', 200, 'application/json', '{')?.problem).toMatch(/not JSON/);
  });

  it('leaves alone what the document does not describe (probes, docs)', () => {
    expect(contract.describes('GET', '/health/ready')).toBe(false);
    expect(contract.check('GET', '/health/ready', 200, 'application/json', '{"whatever":1}')).toBeUndefined();
    expect(documentPathOf('/api/v1/tasks/:id/claim')).toBe('/api/v1/tasks/{id}/claim');
  });
});
