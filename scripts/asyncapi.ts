/**
 * Writes the AsyncAPI document of the integration events, made from the contract classes, to docs/asyncapi.json:
 *   npm run asyncapi
 * A unit test (libs/contracts/src/asyncapi.spec.ts) fails when the file is not what the classes make.
 * Runs under ts-node without tsconfig paths, hence the relative imports.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNCAPI_FILE, asyncApiJson } from '../libs/contracts/src/asyncapi';

writeFileSync(join(__dirname, '..', ASYNCAPI_FILE), asyncApiJson());
console.log(`wrote ${ASYNCAPI_FILE}`);
