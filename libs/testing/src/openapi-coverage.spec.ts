import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { OPENAPI_METHODS, declaredRoutes } from '@motcua/http';
import { SERVICE_NAMES } from './service-registry';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Every route a controller declares is in its service's committed OpenAPI document, and the document has no
 * operation no controller serves: a route added without its documentation, or a document left behind, fails here
 * (the document itself is held current by `npm run openapi`'s check, each response against it by the tests).
 */
describe.each(SERVICE_NAMES)('the OpenAPI document of %s', (service) => {
  const file = join(ROOT, 'docs', 'openapi', `${service}.json`);

  it('describes every route its controllers declare, and no other', async () => {
    expect(existsSync(file) ? file : `${file} is missing: npm run openapi`).toBe(file);
    const { AppModule } = (await import(join(ROOT, 'apps', service, 'src', 'app.module'))) as { AppModule: Type<unknown> };
    const routes = declaredRoutes(AppModule).map((r) => `${r.method} ${r.path}`);
    const document = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      OPENAPI_METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(0);
    expect({ undocumented: routes.filter((r) => !documented.includes(r)), unserved: documented.filter((d) => !routes.includes(d)) }).toEqual({
      undocumented: [],
      unserved: [],
    });
  });
});
