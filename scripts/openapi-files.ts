/**
 * The OpenAPI documents of the suite, as `npm run openapi` writes them under docs/openapi/: one per service in
 * scripts/services.json (what it serves at /docs-json) and motcua.json, the combined document the gateway serves at
 * its /docs-json. Each service's is made from its build (dist/, `npm run build`), the very code that serves it,
 * without starting it: the decorators' reflected types depend on the compiler (a type-only import is `Function` to
 * tsc, `Object` to a transpiler), so only the built code gives the served document. test/gateway.e2e-spec.ts
 * holds the running services' documents and the gateway's to these files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ServiceDefinition } from '../libs/bootstrap/src/run-service';
import { type ServiceOpenApiDocument, combineOpenApiDocuments } from '../libs/http/src/openapi-combined';
import services from './services.json';

export const ROOT = join(__dirname, '..');
export const OPENAPI_DIR = 'docs/openapi';
/** The combined document: every service behind the gateway. */
export const COMBINED_FILE = `${OPENAPI_DIR}/motcua.json`;
export const serviceFile = (service: string): string => `${OPENAPI_DIR}/${service}.json`;

/** A document as it is written: two-space JSON and a final newline, keys in the order the document makes them. */
export const documentJson = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;

/** Where `npm run build` puts a file of the service's (its own copy of the libraries beside its app). */
const built = (service: string, file: string): string => join(ROOT, 'dist', 'apps', service, file);

/** Each registered service's document, in the registry's order, with its gateway prefix (`/intake`), from its build. */
export async function serviceDocuments(): Promise<ServiceOpenApiDocument[]> {
  const documents: ServiceOpenApiDocument[] = [];
  for (const { name, gatewayPrefix } of services) {
    const definitionFile = built(name, `apps/${name}/src/service-definition.js`);
    if (!existsSync(definitionFile)) throw new Error(`${definitionFile} is missing: run \`npm run build\` first`);
    /* eslint-disable @typescript-eslint/no-require-imports -- the build's files, named by the registry */
    // every service declares how it starts in apps/<name>/src/service-definition.ts (main.ts runs it)
    const { serviceDefinition } = require(definitionFile) as { serviceDefinition: ServiceDefinition };
    const { openApiDocumentOfService } = require(built(name, 'libs/bootstrap/src/openapi-document-of-service.js')) as {
      openApiDocumentOfService: (definition: ServiceDefinition) => Promise<OpenAPIObject>;
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    documents.push({ service: name, prefix: gatewayPrefix.replace(/\/$/, ''), document: await openApiDocumentOfService(serviceDefinition) });
  }
  return documents;
}

/** The combined document of `documents`, named for the suite and versioned as package.json. */
export function combinedDocument(documents: readonly ServiceOpenApiDocument[]): OpenAPIObject {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return combineOpenApiDocuments(documents, {
    title: 'Một Cửa',
    version,
    description:
      'Every service of the one-stop suite behind its gateway: each one’s operations under its prefix (`/intake/…`, `/workflow/…`), ' +
      'tagged with its name. Each service also serves its own document at `/<prefix>/docs-json`.',
  });
}

/** Every file under docs/openapi/ as it should be: path (from the repository's root) → content. */
export async function openApiFiles(): Promise<Map<string, string>> {
  const documents = await serviceDocuments();
  return new Map([
    ...documents.map((d) => [serviceFile(d.service), documentJson(d.document)] as const),
    [COMBINED_FILE, documentJson(combinedDocument(documents))],
  ]);
}
