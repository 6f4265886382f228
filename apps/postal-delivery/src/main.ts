import 'reflect-metadata';
import { runService } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

void runService({
  service: SERVICE,
  title: 'Một Cửa — postal-delivery',
  description: 'The public postal channel: pick-up of dossiers and delivery of results (Decision 45/2016/QĐ-TTg).',
  defaultPort: 3004,
  module: AppModule,
  entities,
  migrations,
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
