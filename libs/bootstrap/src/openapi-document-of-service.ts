import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, createHttpAdapter } from '@motcua/http';
import type { ServiceDefinition } from './run-service';

/**
 * The OpenAPI document the service serves at /docs-json (without a gateway's prefix), made without starting it: the
 * app is created in preview mode (its module graph resolved, no provider instantiated, so no database, broker or
 * configuration is needed) and the document built from its controllers' decorators as `configureHttpApp` builds it.
 * `npm run openapi` writes docs/openapi/ with it.
 */
export async function openApiDocumentOfService(definition: Pick<ServiceDefinition, 'service' | 'title' | 'description' | 'module'>): Promise<OpenAPIObject> {
  const app = await NestFactory.create(definition.module, createHttpAdapter({ trustProxy: false }), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app, { service: definition.service, title: definition.title, description: definition.description });
  } finally {
    await app.close();
  }
}
