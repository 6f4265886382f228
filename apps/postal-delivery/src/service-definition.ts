import type { ServiceDefinition } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

/** The postal-delivery service as it starts (main.ts) and as `npm run openapi` documents it without starting it. */
export const serviceDefinition: ServiceDefinition = {
  service: SERVICE,
  title: 'Một Cửa — postal-delivery',
  description: 'The public postal channel: pick-up of dossiers and delivery of results (Decision 45/2016/QĐ-TTg).',
  defaultPort: 3004,
  module: AppModule,
  entities,
  migrations,
};
