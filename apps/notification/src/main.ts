import 'reflect-metadata';
import { runService } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

void runService({
  service: SERVICE,
  title: 'Một Cửa — notification',
  description: 'Tells people what happens to their dossiers: templates, channels and the delivery log.',
  defaultPort: 3003,
  module: AppModule,
  entities,
  migrations,
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
