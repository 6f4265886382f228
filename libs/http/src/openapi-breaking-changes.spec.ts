import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { breakingChanges, describeBreakingChange } from './openapi-breaking-changes';

/**
 * A small service: a dossier read (`GET /dossiers/{code}`, with a `channel` query) and a receipt
 * (`POST /dossiers`, its body a `SubmitDossier`), answering a `Dossier`.
 */
function aService(change: (d: { dossier: SchemaObject; submit: SchemaObject; document: OpenAPIObject }) => void = () => {}): OpenAPIObject {
  const dossier: SchemaObject = {
    type: 'object',
    properties: {
      code: { type: 'string' },
      status: { type: 'string', enum: ['received', 'returned'] },
      applicant: { type: 'object', properties: { fullName: { type: 'string' } }, required: ['fullName'] },
      documents: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
      note: { type: 'string', nullable: true },
    },
    required: ['code', 'status', 'applicant', 'documents'],
  };
  const submit: SchemaObject = {
    type: 'object',
    properties: { procedureCode: { type: 'string' }, channel: { type: 'integer', enum: [1, 2, 3] }, email: { type: 'string' } },
    required: ['procedureCode'],
  };
  const answers = (status: string) => ({
    [status]: { description: 'the dossier', content: { 'application/json': { schema: { $ref: '#/components/schemas/Dossier' } } } },
  });
  const document: OpenAPIObject = {
    openapi: '3.0.0',
    info: { title: 'intake', version: '1' },
    paths: {
      '/dossiers/{code}': {
        get: {
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'channel', in: 'query', required: false, schema: { type: 'integer' } },
          ],
          responses: { ...answers('200'), '404': { description: 'no such dossier' } },
        },
      },
      '/dossiers': {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmitDossier' } } } },
          responses: answers('201'),
        },
      },
    },
    components: { schemas: { Dossier: dossier, SubmitDossier: submit } },
  };
  change({ dossier, submit, document });
  return document;
}

const changesOf = (after: OpenAPIObject) => breakingChanges(aService(), after).map(describeBreakingChange);
const props = (schema: SchemaObject) => schema.properties as Record<string, SchemaObject>;

describe('the breaking changes between two versions of a document', () => {
  it('finds none between a document and itself, nor in what an old client does not see', () => {
    expect(changesOf(aService())).toEqual([]);
    const grown = aService(({ dossier, submit, document }) => {
      props(dossier).receivedAt = { type: 'string', format: 'date-time' }; // a new response field
      props(submit).phone = { type: 'string' }; // a new optional input
      props(dossier).status.enum = ['received']; // a value a response no longer gives
      props(submit).channel.enum = [1, 2, 3, 4]; // a value a request may now send
      props(submit).channel.type = 'number'; // an integer is a number: a request widened
      document.paths['/dossiers/{code}/supplements'] = { post: { responses: { '201': { description: 'asked' } } } }; // a new operation
      submit.required = []; // an input no longer required
    });
    expect(changesOf(grown)).toEqual([]);
  });

  it('finds a path, an operation or a success response removed', () => {
    expect(changesOf(aService(({ document }) => delete document.paths['/dossiers']))).toEqual(['/dossiers: path: removed']);
    expect(changesOf(aService(({ document }) => (document.paths['/dossiers'] = { put: document.paths['/dossiers'].post })))).toEqual([
      'POST /dossiers: operation: removed',
    ]);
    expect(
      changesOf(aService(({ document }) => (document.paths['/dossiers'].post!.responses = { '200': document.paths['/dossiers'].post!.responses['201'] }))),
    ).toEqual(['POST /dossiers: response 201: removed']);
  });

  it('finds a response field removed, made optional or nullable, its type changed or a new enum value, nested ones too', () => {
    const after = aService(({ dossier }) => {
      delete props(dossier).note;
      dossier.required = ['code', 'status', 'documents'];
      props(dossier).code.nullable = true;
      props(dossier).status.enum = ['received', 'returned', 'withdrawn'];
      (props(dossier).documents.items as SchemaObject).properties!.name = { type: 'integer' };
      props(props(dossier).applicant).fullName = { type: 'string', nullable: true };
    });
    expect(changesOf(after)).toEqual(
      expect.arrayContaining([
        'GET /dossiers/{code}: response 200 body.note: removed from the response',
        'GET /dossiers/{code}: response 200 body.applicant: no longer always present (optional now)',
        'GET /dossiers/{code}: response 200 body.code: may now be null',
        'GET /dossiers/{code}: response 200 body.status: new enum value "withdrawn"',
        'GET /dossiers/{code}: response 200 body.documents[].name: type changed from string to integer',
        'GET /dossiers/{code}: response 200 body.applicant.fullName: may now be null',
      ]),
    );
    // the same schema answers the receipt: its breaks are listed there too
    expect(changesOf(after).filter((c) => c.startsWith('POST /dossiers: response 201 body.note'))).toHaveLength(1);
  });

  it('finds a new required input: body field, query or header parameter, optional made required', () => {
    const after = aService(({ submit, document }) => {
      props(submit).wardCode = { type: 'string' };
      submit.required = ['procedureCode', 'wardCode', 'email'];
      const read = document.paths['/dossiers/{code}'].get!;
      read.parameters = [
        ...read.parameters!.map((p) => ('name' in p && p.name === 'channel' ? { ...p, required: true } : p)),
        { name: 'X-Agency', in: 'header', required: true, schema: { type: 'string' } },
      ];
    });
    expect(changesOf(after)).toEqual([
      'GET /dossiers/{code}: query channel: now required',
      'GET /dossiers/{code}: header x-agency: new required parameter',
      'POST /dossiers: request body.email: now required',
      'POST /dossiers: request body.wardCode: new required field',
    ]);
  });

  it('finds a request field or query parameter removed, an enum value no longer taken, a changed type', () => {
    const after = aService(({ submit, document }) => {
      delete props(submit).email;
      props(submit).channel = { type: 'string', enum: ['1', '2'] };
      document.paths['/dossiers/{code}'].get!.parameters = document.paths['/dossiers/{code}'].get!.parameters!.slice(0, 1);
    });
    expect(changesOf(after)).toEqual([
      'GET /dossiers/{code}: query channel: removed: an old client still sends it',
      'POST /dossiers: request body.channel: type changed from integer to string',
      'POST /dossiers: request body.channel: enum value 1, 2, 3 no longer taken',
      'POST /dossiers: request body.email: removed: an old client still sends it',
    ]);
  });

  it('finds a field removed from a view of a real document (intake’s, as docs/openapi holds it)', () => {
    const intake = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'openapi', 'intake.json'), 'utf8')) as OpenAPIObject;
    // the first operation whose success answers a named schema with fields: one of them removed from the schema
    const [path, method, status, ref] = Object.entries(intake.paths)
      .flatMap(([p, item]) =>
        Object.entries(item).flatMap(([m, op]) =>
          Object.entries((op as { responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }).responses ?? {})
            .filter(([s, r]) => s.startsWith('2') && r.content?.['application/json']?.schema?.$ref)
            .map(([s, r]) => [p, m, s, r.content!['application/json'].schema!.$ref!] as const),
        ),
      )
      .find(([, , , r]) => Object.keys((intake.components!.schemas![r.split('/').pop()!] as SchemaObject).properties ?? {}).length > 0)!;
    const edited = structuredClone(intake);
    const view = edited.components!.schemas![ref.split('/').pop()!] as SchemaObject;
    const field = Object.keys(view.properties!)[0];
    delete view.properties![field];
    expect(breakingChanges(intake, intake)).toEqual([]);
    expect(breakingChanges(intake, edited).map(describeBreakingChange)).toContain(
      `${method.toUpperCase()} ${path}: response ${status} body.${field}: removed from the response`,
    );
  });
});
