import type { OpenAPIObject } from '@nestjs/swagger';
import { combineOpenApiDocuments } from './openapi-combined';

const BEARER = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;
const ADDRESS = { type: 'object', properties: { wardCode: { type: 'string' } }, required: ['wardCode'] };

/** A service's document with one operation answering `schema`, and the schemas it defines. */
const aDocument = (title: string, path: string, schema: string, schemas: Record<string, object>): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title, description: `${title} service`, version: '1' },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  paths: {
    [path]: {
      get: {
        operationId: 'HealthController_ready',
        tags: ['things'],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } } },
      },
    },
  },
  components: { schemas: schemas as never, securitySchemes: { bearer: BEARER } },
});

describe('the combined document of the suite', () => {
  const intake = aDocument('intake', '/api/v1/dossiers', 'Dossier', {
    Dossier: { type: 'object', properties: { code: { type: 'string' }, address: { $ref: '#/components/schemas/Address' } } },
    Address: ADDRESS,
  });
  const postal = aDocument('postal', '/api/v1/shipments', 'Shipment', {
    Shipment: { type: 'object', properties: { waybill: { type: 'string' }, address: { $ref: '#/components/schemas/Address' } } },
    Address: ADDRESS,
    Dossier: { type: 'object', properties: { dossierCode: { type: 'string' } } },
  });
  const combined = combineOpenApiDocuments(
    [
      { service: 'intake', prefix: '/intake', document: intake },
      { service: 'postal-delivery', prefix: '/postal', document: postal },
    ],
    { title: 'Một Cửa', version: '0.1.0' },
  );

  it('routes every path under its service’s prefix, tagged with the service, through the gateway', () => {
    expect(Object.keys(combined.paths)).toEqual(['/intake/api/v1/dossiers', '/postal/api/v1/shipments']);
    expect(combined.paths['/postal/api/v1/shipments'].get).toMatchObject({ tags: ['postal-delivery'], operationId: 'postal-delivery.HealthController_ready' });
    expect(combined.servers).toEqual([{ url: '/', description: 'the gateway' }]);
    expect(combined.tags).toEqual([
      { name: 'intake', description: 'intake: intake service' },
      { name: 'postal-delivery', description: 'postal: postal service' },
    ]);
  });

  it('keeps one schema where services define a name alike, and prefixes each where they differ, references following', () => {
    expect(Object.keys(combined.components!.schemas!)).toEqual(['Address', 'Shipment', 'intake.Dossier', 'postal-delivery.Dossier']);
    expect(combined.paths['/intake/api/v1/dossiers'].get!.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/intake.Dossier' } } },
    });
    expect(combined.components!.schemas!['intake.Dossier']).toMatchObject({ properties: { address: { $ref: '#/components/schemas/Address' } } });
  });

  it('has the security schemes once, and the same every time', () => {
    expect(combined.components!.securitySchemes).toEqual({ bearer: BEARER });
    expect(combined.security).toEqual([{ bearer: [] }]);
    const again = combineOpenApiDocuments(
      [
        { service: 'intake', prefix: '/intake', document: structuredClone(intake) },
        { service: 'postal-delivery', prefix: '/postal', document: structuredClone(postal) },
      ],
      { title: 'Một Cửa', version: '0.1.0' },
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(combined));
  });
});
