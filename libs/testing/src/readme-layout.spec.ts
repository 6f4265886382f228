import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Every folder under apps/*\/src and libs/*\/src (with src itself), as `apps/x/src/y/`. */
function sourceFolders(): string[] {
  const folders: string[] = [];
  const walk = (relative: string) => {
    folders.push(`${relative}/`);
    for (const entry of readdirSync(join(ROOT, relative), { withFileTypes: true })) if (entry.isDirectory()) walk(`${relative}/${entry.name}`);
  };
  for (const top of ['apps', 'libs']) {
    for (const entry of readdirSync(join(ROOT, top), { withFileTypes: true })) if (entry.isDirectory()) walk(`${top}/${entry.name}/src`);
  }
  return folders.sort();
}

/** The folders the README's layout section names, one per line, each followed by what it holds. */
function layoutFolders(readme: string): Map<string, string> {
  const section = readme.slice(readme.indexOf('## Layout'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  const lines = block.split('\n').filter((line) => /^(apps|libs)\//.test(line));
  return new Map(lines.map((line) => [line.split(/\s+/)[0], line.slice(line.split(/\s+/)[0].length).trim()]));
}

describe("the README's layout", () => {
  const layout = layoutFolders(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  it('names every folder under apps/*/src and libs/*/src, each with what it holds', () => {
    const missing = sourceFolders().filter((folder) => !layout.get(folder));
    expect(missing).toEqual([]);
  });

  it('names no folder that does not exist', () => {
    const folders = new Set(sourceFolders());
    expect([...layout.keys()].filter((folder) => !folders.has(folder))).toEqual([]);
  });

  it('is read as the test means it (a line without a description counts as missing)', () => {
    const sample = layoutFolders('## Layout\n```\napps/a/src/x/   what x holds\napps/a/src/y/\n```\n');
    expect(sample.get('apps/a/src/x/')).toBe('what x holds');
    expect(sample.get('apps/a/src/y/')).toBe('');
  });
});
