import 'reflect-metadata';
import { runService } from '@motcua/bootstrap';
import { AppModule, SERVICE } from './app.module';
import { entities, migrations } from './database';

void runService({
  service: SERVICE,
  title: 'Một Cửa — intake',
  description: 'The front door: receives dossiers, issues their codes and keeps their public record.',
  defaultPort: 3001,
  module: AppModule,
  entities,
  migrations,
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
