/**
 * Writes the OpenAPI documents (scripts/openapi-files.ts: from the build, which `npm run openapi` makes first) to
 * docs/openapi/ and lists the changes in them that can break a client of the committed ones:
 *   npm run openapi                              write them; print the breaking changes against git HEAD's
 *   npm run openapi -- --check                   write nothing; exit 1 on a breaking change or a stale file
 *   npm run openapi -- --check --against v0.1.0  the same against another commit (a release's CI: the last release)
 * Without git, or for a file git does not have, the baseline is the file on disk before it is written.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { breakingChanges, describeBreakingChange } from '../libs/http/src/openapi-breaking-changes';
import { COMBINED_FILE, OPENAPI_DIR, ROOT, openApiFiles } from './openapi-files';

const args = process.argv.slice(2);
const check = args.includes('--check');
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : 'HEAD';
if (!against) throw new Error('--against needs a commit, tag or branch');

/** The file as `against` has it; as it is on disk when git cannot say; undefined when neither has it. */
function baseline(file: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${against}:${file}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch {
    return existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : undefined;
  }
}

async function main(): Promise<void> {
  const files = await openApiFiles();
  let breaking = 0;
  // each service's own document: the combined one repeats their changes under the prefixes
  for (const [file, content] of files) {
    if (file === COMBINED_FILE) continue;
    const before = baseline(file);
    if (before === undefined) continue;
    const changes = breakingChanges(JSON.parse(before) as OpenAPIObject, JSON.parse(content) as OpenAPIObject);
    breaking += changes.length;
    if (changes.length)
      console.log(`${file}: ${changes.length} breaking change(s) against ${against}:\n${changes.map((c) => `  ${describeBreakingChange(c)}`).join('\n')}`);
  }
  const written = new Set(files.keys());
  const stale = [
    ...[...files].filter(([file, content]) => !existsSync(join(ROOT, file)) || readFileSync(join(ROOT, file), 'utf8') !== content).map(([file]) => file),
    ...(existsSync(join(ROOT, OPENAPI_DIR)) ? readdirSync(join(ROOT, OPENAPI_DIR)) : [])
      .map((name) => `${OPENAPI_DIR}/${name}`)
      .filter((file) => file.endsWith('.json') && !written.has(file)),
  ];
  if (check) {
    if (stale.length) console.log(`not current (run \`npm run openapi\`): ${stale.join(', ')}`);
    console.log(breaking ? `${breaking} breaking change(s) against ${against}` : `no breaking change against ${against}`);
    process.exitCode = breaking || stale.length ? 1 : 0;
    return;
  }
  mkdirSync(join(ROOT, OPENAPI_DIR), { recursive: true });
  for (const file of stale) {
    if (files.has(file)) writeFileSync(join(ROOT, file), files.get(file)!);
    else rmSync(join(ROOT, file));
  }
  console.log(stale.length ? `wrote ${stale.join(', ')}` : `${OPENAPI_DIR} is current`);
  if (breaking) console.log(`${breaking} breaking change(s) against ${against}: a client of the old documents may fail (see above)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
