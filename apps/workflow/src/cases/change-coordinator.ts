import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { CoordinatorChanged, event } from '@motcua/contracts';
import type { IdempotentRequest } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { TaskStore } from '../tasks/task.store';
import { CaseStore } from './case.store';
import { DeskCommandRunner, refuse } from './desk-command-runner';

/**
 * Use case: the head of the receiving desk gives the dossier another coordinator (một đầu mối: one at a time), a
 * receiver or head of the desk at work.
 */
@Injectable()
export class ChangeCoordinator {
  constructor(
    private readonly commands: DeskCommandRunner,
    private readonly cases: CaseStore,
    private readonly tasks: TaskStore,
    private readonly catalogue: Catalogue,
  ) {}

  execute(dossierCode: string, officerId: string, expectedVersion: number, caller: Principal, idempotency?: IdempotentRequest) {
    return this.commands.run(
      { dossierCode, expectedVersion, caller, idempotency, namedOfficerId: officerId },
      async ({ tx, kase, callerRoles, namedRoles, actorId, now }) => {
        if (!callerRoles.includes('head_of_desk')) throw refuse('CASE.HEAD_OF_DESK_ONLY', 'only the head of the desk changes a coordinator');
        if (!namedRoles.some((r) => r === 'receiver' || r === 'head_of_desk')) {
          throw refuse('CASE.COORDINATOR_NOT_ELIGIBLE', `${officerId} is not an active officer of the receiving desk`, 'officerId');
        }
        if (officerId === kase.coordinatorId) throw refuse('CASE.ALREADY_COORDINATOR', `${officerId} already coordinates it`, 'officerId');
        const sequence = kase.eventSequence + 1;
        await this.cases.changeCoordinator(tx, kase.caseId, officerId, sequence);
        await tx.publish(
          event(CoordinatorChanged, {
            dossierCode,
            nationalStatus: await this.tasks.nationalStatusOf(tx, kase.caseId),
            sequence,
            occurredAt: now.toISOString(),
            coordinatorId: officerId,
            previousCoordinatorId: kase.coordinatorId,
            changedBy: actorId,
            coordinatorName: this.catalogue.officerName(officerId),
          }),
        );
        return { dossierCode, version: kase.caseVersion + 1, status: kase.caseStatus, coordinatorId: officerId, nationalStatus: null };
      },
    );
  }
}
