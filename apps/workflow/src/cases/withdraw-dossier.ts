import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { CaseClosed, NationalStatus, event } from '@motcua/contracts';
import type { IdempotentRequest } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { TaskStore } from '../tasks/task.store';
import { CaseStore } from './case.store';
import { DeskCommandRunner, refuse } from './desk-command-runner';

/**
 * Use case: the applicant withdrew the dossier (7), recorded by the receiving desk (a receiver or its head). Any
 * open step ends with it, and its owner is told.
 */
@Injectable()
export class WithdrawDossier {
  constructor(
    private readonly commands: DeskCommandRunner,
    private readonly cases: CaseStore,
    private readonly tasks: TaskStore,
    private readonly catalogue: Catalogue,
  ) {}

  execute(dossierCode: string, reason: string, expectedVersion: number, caller: Principal, idempotency?: IdempotentRequest) {
    return this.commands.run({ dossierCode, expectedVersion, caller, idempotency }, async ({ tx, kase, openTask, callerRoles, actorId, now }) => {
      if (!callerRoles.some((r) => r === 'receiver' || r === 'head_of_desk')) throw refuse('CASE.DESK_ONLY', 'only the receiving desk records a withdrawal');
      const sequence = kase.eventSequence + 1;
      await this.tasks.endWithdrawn(tx, kase.caseId, { actorId, at: now, reason });
      await this.cases.closeWithdrawn(tx, kase.caseId, now, sequence);
      await tx.publish(
        event(CaseClosed, {
          dossierCode,
          nationalStatus: NationalStatus.Withdrawn,
          sequence,
          occurredAt: now.toISOString(),
          caseId: kase.caseId,
          outcome: 'withdrawn',
          actorId,
          note: reason,
          coordinatorId: kase.coordinatorId,
          // its owner is told
          endedTask: openTask
            ? { ...openTask, agencyName: this.catalogue.agencyName(openTask.agencyCode), ownerName: this.catalogue.officerName(openTask.ownerId) }
            : null,
          actorName: this.catalogue.officerName(actorId),
          coordinatorName: this.catalogue.officerName(kase.coordinatorId),
        }),
      );
      return { dossierCode, version: kase.caseVersion + 1, status: 'closed', coordinatorId: kase.coordinatorId, nationalStatus: NationalStatus.Withdrawn };
    });
  }
}
