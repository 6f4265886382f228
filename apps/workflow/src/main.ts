import 'reflect-metadata';
import { runService } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

void runService({
  service: SERVICE,
  title: 'Một Cửa — workflow',
  description: 'The routing brain: the organisation and catalogue, cases, tasks and their one owner.',
  defaultPort: 3002,
  module: AppModule,
  entities,
  migrations,
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
