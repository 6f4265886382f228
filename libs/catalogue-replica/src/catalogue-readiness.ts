import { Injectable } from '@nestjs/common';
import { CatalogueReplica } from './catalogue-replica';

/** Not ready to receive dossiers before the catalogue has reached this service at least once. */
@Injectable()
export class CatalogueReadiness {
  readonly name = 'catalogue';

  constructor(private readonly replica: CatalogueReplica) {}

  check(): Promise<{ up: boolean; details: Record<string, unknown> }> {
    return Promise.resolve({ up: !this.replica.isEmpty, details: { revision: this.replica.revision } });
  }
}
