import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import { ReceiveDossier, type ReceivedDossier } from './receive-dossier';
import type { SubmitDossierRequest } from './submit-dossier.request';

/**
 * Use case: a desk officer receives a dossier handed in at the desk (channel 1) or brought by the post (channel 3),
 * once per Idempotency-Key; the receipt itself is `ReceiveDossier`'s.
 */
@Injectable()
export class SubmitDossier {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly receipt: ReceiveDossier,
  ) {}

  execute(
    request: SubmitDossierRequest,
    officerId: string,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<ReceivedDossier> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => ({ status: 201, body: await this.receipt.receive(tx, request, officerId) })),
    );
  }
}
