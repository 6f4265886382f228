import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMBINED_FILE, ROOT, openApiFiles } from '../../../scripts/openapi-files';
import services from '../../../scripts/services.json';

/** Every `$ref` in `document`, with whether it names something the document has. */
function references(document: unknown): { ref: string; found: boolean }[] {
  const found: { ref: string; found: boolean }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') {
        let target: unknown = document;
        for (const part of child.replace(/^#\//, '').split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
        found.push({ ref: child, found: target !== undefined });
      } else walk(child);
    }
  };
  walk(document);
  return found;
}

describe('the OpenAPI documents in docs/openapi', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await openApiFiles();
  }, 60_000);

  it('are what the services serve and the gateway combines (run `npm run openapi` after changing an operation)', () => {
    for (const [file, content] of files) {
      let committed: string;
      try {
        committed = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        throw new Error(`${file} is missing: run \`npm run openapi\``);
      }
      if (committed !== content) throw new Error(`${file} is not what the code makes: run \`npm run openapi\` and commit it`);
    }
    expect([...files.keys()]).toEqual([...services.map((s) => `docs/openapi/${s.name}.json`), COMBINED_FILE]);
  });

  it('combine every service under its prefix, every reference resolving', () => {
    const combined = JSON.parse(files.get(COMBINED_FILE)!) as { paths: Record<string, unknown>; servers: unknown; tags: { name: string }[] };
    expect(combined.servers).toEqual([{ url: '/', description: 'the gateway' }]);
    expect(combined.tags.map((t) => t.name)).toEqual(services.map((s) => s.name));
    for (const { name, gatewayPrefix } of services) {
      const own = JSON.parse(files.get(`docs/openapi/${name}.json`)!) as { paths: Record<string, unknown> };
      for (const path of Object.keys(own.paths)) expect(combined.paths).toHaveProperty([`${gatewayPrefix.replace(/\/$/, '')}${path}`]);
    }
    expect(references(combined).filter((r) => !r.found)).toEqual([]);
  });
});
