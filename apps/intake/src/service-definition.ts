import type { ServiceDefinition } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

/** The intake service as it starts (main.ts) and as `npm run openapi` documents it without starting it. */
export const serviceDefinition: ServiceDefinition = {
  service: SERVICE,
  title: 'Một Cửa — intake',
  description: 'The front door: receives dossiers, issues their codes and keeps their public record.',
  defaultPort: 3001,
  module: AppModule,
  entities,
  migrations,
};
