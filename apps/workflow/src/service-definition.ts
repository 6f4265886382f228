import type { ServiceDefinition } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

/** The workflow service as it starts (main.ts) and as `npm run openapi` documents it without starting it. */
export const serviceDefinition: ServiceDefinition = {
  service: SERVICE,
  title: 'Một Cửa — workflow',
  description: 'The routing brain: the organisation and catalogue, cases, tasks and their one owner.',
  defaultPort: 3002,
  module: AppModule,
  entities,
  migrations,
};
