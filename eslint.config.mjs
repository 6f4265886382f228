// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Why a service's code may not reach the database itself (docs/adr/010-data-access.md). */
const DATA_ACCESS = 'SQL and TypeORM live in *.store.ts / *.queries.ts (docs/adr/010-data-access.md)';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', 'coverage/', 'test/logs/', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests read JSON bodies of many shapes; production code keeps types.
      '@typescript-eslint/no-explicit-any': 'error',
      // TypeORM takes entity and migration classes as `Function[]`; we pass them on as such.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // A promise nobody awaits is work that may be lost (an event published after its transaction committed).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // The data-access rule: a service's SQL is in its stores (one per aggregate, prepared statements) and read models
    // (lists and views over HTTP); use cases, handlers and controllers call them. Type-only imports are refused too:
    // a use case hands a store its transaction's `tx.manager` without naming its type.
    files: ['apps/*/src/**/*.ts'],
    ignores: ['**/*.store.ts', '**/*.queries.ts', '**/migrations/**', '**/database.ts', '**/*.entity.ts', '**/*.entities.ts', '**/*.module.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: DATA_ACCESS },
            { name: '@nestjs/typeorm', message: DATA_ACCESS },
            { name: '@motcua/persistence', importNames: ['queryPrepared'], message: DATA_ACCESS },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder)$/]', message: DATA_ACCESS },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
