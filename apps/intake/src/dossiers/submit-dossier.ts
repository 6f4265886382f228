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
    // Without a key the receipt is one statement (the counter, the dossier, its history and its event) and needs no
    // transaction around it: BEGIN and COMMIT would be two of its three round trips, the desk's counter locked across them.
    if (!idempotency)
      return this.unitOfWork.runInOneStatement(async (tx) => ({ status: 201, body: await this.receipt.receive(tx, request, officerId), replayed: false }));
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => ({ status: 201, body: await this.receipt.receive(tx, request, officerId) })),
    );
  }
}
