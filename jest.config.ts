import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import * as ts from 'typescript';

const { config: tsconfig } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
const moduleNameMapper = pathsToModuleNameMapper(tsconfig.compilerOptions.paths, { prefix: '<rootDir>/' });

const base = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.(t|j)s$': 'ts-jest' },
  moduleNameMapper,
  // Decorator metadata (class-transformer's @Type, Nest) needs the Reflect polyfill before any test module loads.
  setupFiles: ['reflect-metadata'],
};

/**
 * Two projects: `unit` needs no server (a simulator's spec starts only itself, in-process); `integration` (per-service tests and the end-to-end walk in test/)
 * talks to the real PostgreSQL and RabbitMQ.
 */
const config: Config = {
  projects: [
    { ...base, displayName: 'unit', roots: ['<rootDir>/apps/', '<rootDir>/libs/', '<rootDir>/simulators/'], testMatch: ['**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      roots: ['<rootDir>/apps/', '<rootDir>/libs/', '<rootDir>/test/'],
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    },
  ],
  // A global option in jest 30 (ignored inside a project): integration tests start services and brokers.
  testTimeout: 60_000,
};

export default config;
