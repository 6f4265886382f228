import { EnvironmentError, readEnvironment } from '@motcua/config';
import { DatabaseEnvironment } from './database-environment';

describe('the database environment', () => {
  const url = 'postgres://postgres@127.0.0.1:5432/workflow';

  it('reads the pool size from the environment, where every value is a string', () => {
    expect(readEnvironment(DatabaseEnvironment, { DATABASE_URL: url, DATABASE_POOL_SIZE: '40' }).DATABASE_POOL_SIZE).toBe(40);
    expect(readEnvironment(DatabaseEnvironment, { DATABASE_URL: url }).DATABASE_POOL_SIZE).toBe(20);
  });

  it('refuses a pool size that is not a whole number from 1 to 200, naming the variable', () => {
    for (const size of ['0', '201', '2.5', 'many']) {
      expect(() => readEnvironment(DatabaseEnvironment, { DATABASE_URL: url, DATABASE_POOL_SIZE: size })).toThrow(EnvironmentError);
      expect(() => readEnvironment(DatabaseEnvironment, { DATABASE_URL: url, DATABASE_POOL_SIZE: size })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });

  it('bounds opening a connection (2 s) and the wait for a free one (10 s) unless told otherwise', () => {
    expect(readEnvironment(DatabaseEnvironment, { DATABASE_URL: url }).DATABASE_CONNECT_TIMEOUT_MS).toBe(2000);
    expect(readEnvironment(DatabaseEnvironment, { DATABASE_URL: url }).DATABASE_POOL_WAIT_MS).toBe(10_000);
    expect(readEnvironment(DatabaseEnvironment, { DATABASE_URL: url, DATABASE_CONNECT_TIMEOUT_MS: '5000' }).DATABASE_CONNECT_TIMEOUT_MS).toBe(5000);
    expect(() => readEnvironment(DatabaseEnvironment, { DATABASE_URL: url, DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });
});
