/**
 * Writes the typed client's types (libs/client/src/generated/<service>.ts) from each service's OpenAPI document
 * (docs/openapi/<service>.json, written by `npm run openapi`):
 *   npm run client
 * A unit test (libs/client/src/generation.spec.ts) fails when a file is not what its document gives.
 * Runs under ts-node without tsconfig paths, hence the relative imports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_SERVICES, generatedFile, generatedTypes } from '../libs/client/src/generation';

async function main(): Promise<void> {
  for (const service of CLIENT_SERVICES) {
    writeFileSync(join(__dirname, '..', generatedFile(service)), await generatedTypes(service));
    console.log(`wrote ${generatedFile(service)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
