import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..', '..');
const RULE_MESSAGE = 'SQL and TypeORM live in *.store.ts / *.queries.ts (docs/adr/010-data-access.md)';

/**
 * The data-access rule of eslint.config.mjs (docs/adr/010-data-access.md): a service's SQL and TypeORM stay in its
 * stores and read models. Linted through ESLint itself, so that the rule cannot vanish from the config (a moved
 * block, a glob that matches nothing) while lint stays green.
 */
describe('the data-access lint rule', () => {
  // The files linted here do not exist, so TypeScript's project cannot type them: the one rule that needs types
  // (floating promises) is off, the rest of the config is the project's own.
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: join(ROOT, 'eslint.config.mjs'),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  });

  /** The data-access refusals of `code` as if it were the file `path` (relative to the root). */
  async function refusals(path: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
    const fatal = result.messages.filter((m) => m.fatal);
    if (fatal.length > 0) throw new Error(`${path} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
    return result.messages.filter((m) => m.message.includes(RULE_MESSAGE)).map((m) => m.ruleId ?? '');
  }

  const storeLike = `
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '@motcua/persistence';

@Injectable()
export class ParcelStore {
  async count(manager: EntityManager): Promise<number> {
    const [{ n }] = await queryPrepared<{ n: number }>(manager, 'postal.count', 'SELECT count(*)::int AS n FROM parcel', []);
    await manager.query('SELECT 1');
    return n;
  }
}
`;

  it('refuses a controller that imports typeorm or queries through a manager', async () => {
    const controller = `
import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Controller('parcels')
export class ParcelsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async list(): Promise<unknown[]> {
    return (await this.dataSource.manager.query('SELECT * FROM parcel')) as unknown[];
  }
}
`;
    expect(await refusals('apps/postal-delivery/src/parcels/parcels.controller.ts', controller)).toEqual(['no-restricted-imports', 'no-restricted-syntax']);
  });

  it('refuses, outside a store, a type-only import of typeorm, queryPrepared, and a repository or query builder', async () => {
    expect(await refusals('apps/postal-delivery/src/parcels/count-parcels.ts', storeLike)).toEqual([
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-syntax',
    ]);
    const useCase = `
export async function names(tx: { manager: { getRepository(e: unknown): { createQueryBuilder(a: string): unknown } } }): Promise<unknown> {
  return tx.manager.getRepository(Object).createQueryBuilder('p');
}
`;
    expect(await refusals('apps/intake/src/dossiers/names.ts', useCase)).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('lets a store, a read model and a migration hold SQL and TypeORM', async () => {
    expect(await refusals('apps/postal-delivery/src/parcels/parcel.store.ts', storeLike)).toEqual([]);
    expect(await refusals('apps/postal-delivery/src/parcels/parcel.queries.ts', storeLike)).toEqual([]);
    expect(await refusals('apps/postal-delivery/src/migrations/1764150000099-parcels.ts', storeLike)).toEqual([]);
  });
});
