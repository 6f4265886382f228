import type { ServiceDefinition } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

/** The notification service as it starts (main.ts) and as `npm run openapi` documents it without starting it. */
export const serviceDefinition: ServiceDefinition = {
  service: SERVICE,
  title: 'Một Cửa — notification',
  description: 'Tells people what happens to their dossiers: templates, channels and the delivery log.',
  defaultPort: 3003,
  module: AppModule,
  entities,
  migrations,
};
