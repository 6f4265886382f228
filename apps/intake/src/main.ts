import 'reflect-metadata';
import { runService } from '@motcua/bootstrap';
import { serviceDefinition } from './service-definition';

void runService(serviceDefinition).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
