import 'reflect-metadata';
import { runService } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

void runService({
  service: SERVICE,
  title: 'Một Cửa — national-portal',
  description:
    'The adapter to the National Public Service Portal (Cổng Dịch vụ công quốc gia): every dossier’s state and progress sent in order, online dossiers brought to intake.',
  defaultPort: 3005,
  module: AppModule,
  entities,
  migrations,
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
