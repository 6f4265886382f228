import { EnvironmentError, readEnvironment } from '@motcua/config';
import { CatalogueReplicaEnvironment } from './catalogue-replica-environment';

describe('the catalogue replica environment', () => {
  it('refreshes every 2 s and asks again every 5 s by default', () => {
    expect(readEnvironment(CatalogueReplicaEnvironment, {})).toMatchObject({ CATALOGUE_REFRESH_MS: 2_000, CATALOGUE_RESYNC_RETRY_MS: 5_000 });
  });

  it('reads the intervals as numbers', () => {
    const env = readEnvironment(CatalogueReplicaEnvironment, { CATALOGUE_REFRESH_MS: '500', CATALOGUE_RESYNC_RETRY_MS: '250' });
    expect(env).toMatchObject({ CATALOGUE_REFRESH_MS: 500, CATALOGUE_RESYNC_RETRY_MS: 250 });
  });

  it('stops the service on a bad value, naming the variable', () => {
    expect(() => readEnvironment(CatalogueReplicaEnvironment, { CATALOGUE_REFRESH_MS: 'often' })).toThrow(EnvironmentError);
    expect(() => readEnvironment(CatalogueReplicaEnvironment, { CATALOGUE_RESYNC_RETRY_MS: '0' })).toThrow(/CATALOGUE_RESYNC_RETRY_MS/);
  });
});
