import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_PREFIXES, createMotcuaClient, isProblem, newIdempotencyKey } from './motcua-client';

describe('the typed client', () => {
  it('knows each service under the gateway prefix the registry gives it', () => {
    const registry = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'scripts', 'services.json'), 'utf8')) as {
      name: string;
      gatewayPrefix: string;
    }[];
    expect(GATEWAY_PREFIXES).toEqual(Object.fromEntries(registry.map((s) => [s.name, s.gatewayPrefix.replace(/\/$/, '')])));
  });

  it('sends the bearer token (asked per request) to the service under the gateway, and reads a problem as the error', async () => {
    const seen: Request[] = [];
    let token = 'token-1';
    const client = createMotcuaClient({
      baseUrl: 'https://api.motcua.hanoi.gov.vn/',
      token: () => token,
      fetch: async (request) => {
        seen.push(request);
        return new Response(
          JSON.stringify({ type: 'https://motcua.vn/problems/dossier-not-found', title: 'Không tìm thấy hồ sơ', status: 404, code: 'DOSSIER.NOT_FOUND' }),
          {
            status: 404,
            headers: { 'content-type': 'application/problem+json' },
          },
        );
      },
    });
    const first = await client.intake.GET('/api/v1/catalogue/procedures');
    token = 'token-2';
    await client.workflow.GET('/api/v1/procedures');
    expect(seen.map((r) => [r.url, r.headers.get('authorization')])).toEqual([
      ['https://api.motcua.hanoi.gov.vn/intake/api/v1/catalogue/procedures', 'Bearer token-1'],
      ['https://api.motcua.hanoi.gov.vn/workflow/api/v1/procedures', 'Bearer token-2'],
    ]);
    expect(first.data).toBeUndefined();
    expect(isProblem(first.error) && first.error.code).toBe('DOSSIER.NOT_FOUND');
  });

  it('makes a new Idempotency-Key per command', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
