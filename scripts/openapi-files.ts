/**
 * The OpenAPI documents of the suite, as `npm run openapi` writes them under docs/openapi/: one per service in
 * scripts/services.json (what it serves at /docs-json, made without starting it) and motcua.json, the combined
 * document the gateway serves at its /docs-json. libs/bootstrap/src/openapi-documents.spec.ts keeps them current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocumentOfService } from '../libs/bootstrap/src/openapi-document-of-service';
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

/** Each registered service's document, in the registry's order, with its gateway prefix (`/intake`). */
export async function serviceDocuments(): Promise<ServiceOpenApiDocument[]> {
  const documents: ServiceOpenApiDocument[] = [];
  for (const { name, gatewayPrefix } of services) {
    // every service declares how it starts in apps/<name>/src/service-definition.ts (main.ts runs it)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the registry names the services
    const { serviceDefinition } = require(join(ROOT, 'apps', name, 'src', 'service-definition')) as { serviceDefinition: ServiceDefinition };
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
