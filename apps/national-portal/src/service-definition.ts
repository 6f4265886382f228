import type { ServiceDefinition } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

/** The national-portal service as it starts (main.ts) and as `npm run openapi` documents it without starting it. */
export const serviceDefinition: ServiceDefinition = {
  service: SERVICE,
  title: 'Một Cửa — national-portal',
  description:
    'The adapter to the National Public Service Portal (Cổng Dịch vụ công quốc gia): every dossier’s state and progress sent in order, online dossiers brought to intake.',
  defaultPort: 3005,
  module: AppModule,
  entities,
  migrations,
};
