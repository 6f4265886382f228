import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_SERVICES, documentFile, generatedFile, generatedTypes } from './generation';

const ROOT = join(__dirname, '..', '..', '..');

describe("the client's generated types", () => {
  it.each(CLIENT_SERVICES)('of %s are what its OpenAPI document gives (run `npm run client` after `npm run openapi`)', async (service) => {
    const committed = readFileSync(join(ROOT, generatedFile(service)), 'utf8');
    expect(committed).toBe(await generatedTypes(service));
  });

  it('are made the same way every time from the same document', async () => {
    const document = JSON.parse(readFileSync(join(ROOT, documentFile('intake')), 'utf8')) as object;
    expect(await generatedTypes('intake', document)).toBe(await generatedTypes('intake', structuredClone(document)));
  });
});
