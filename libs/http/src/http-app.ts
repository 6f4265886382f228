import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type AdmissionOptions, admitRequests, observeRequests } from './http-server';
import { ProblemDetailsFilter } from '@motcua/errors';
import { validationPipe } from './validation';

export interface HttpAppOptions {
  service: string;
  title: string;
  description?: string;
  version?: string;
  /** The front door's bound (none when absent): see `admitRequests`. */
  admission?: AdmissionOptions;
}

/**
 * The HTTP conventions every service shares: pino as Nest's logger, the validation pipe, problem-details
 * errors, correlation ids and request metrics, OpenAPI at /docs (JSON at /docs-json) and graceful shutdown.
 * Create the app on `createHttpAdapter()` with `{ bufferLogs: true }` so start-up logs also go through pino.
 */
export async function configureHttpApp(app: NestFastifyApplication, o: HttpAppOptions): Promise<void> {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  observeRequests(app);
  if (o.admission) admitRequests(app, o.admission);

  const config = new DocumentBuilder()
    .setTitle(o.title)
    .setDescription(o.description ?? `${o.service} service`)
    .setVersion(o.version ?? '1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
