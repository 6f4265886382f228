import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { vietnamDate } from '@motcua/calendar';
import { CaseOpened, type DossierAccepted, NationalStatus, TaskCreated, event } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { Catalogue } from '../catalogue/catalogue';
import { resolveStepAgency } from '../routing/resolve-step-agency';
import { Case, Task, TaskEvent } from './case.entities';

/** A dossier that cannot be routed: it stays visible in the parking lot with the reason, never routed to nobody. */
export class CaseCannotOpen extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'CaseCannotOpen';
  }
}

/**
 * An accepted dossier becomes a case pinned to the process version in force at receipt, and its first step
 * becomes a task in the competent agency's queue. Emits `workflow.case.opened` (national status 4) and
 * `workflow.task.created`.
 */
@Injectable()
export class OpenCase {
  private readonly logger = new Logger(OpenCase.name);

  constructor(private readonly catalogue: Catalogue) {}

  async execute(accepted: DossierAccepted, tx: Transaction): Promise<void> {
    const { manager } = tx;
    // The inbox already drops redelivered messages; this guards against the same dossier arriving twice under
    // two message ids (e.g. re-sent by an operator from the parking lot).
    if (await manager.existsBy(Case, { dossierCode: accepted.dossierCode })) {
      this.logger.warn(`case for ${accepted.dossierCode} already open; ignoring a second acceptance`);
      return;
    }
    const receivedAt = new Date(accepted.receivedAt);
    const found = await this.catalogue.processInForce(manager, accepted.procedureCode, receivedAt);
    if (!found) {
      throw new CaseCannotOpen('CATALOGUE.PROCEDURE_UNKNOWN', `no active process for ${accepted.procedureCode}`);
    }
    const firstStep = found.process.steps[0];
    const route = resolveStepAgency(
      firstStep.agency,
      {
        receivingAgencyCode: accepted.receivingAgencyCode,
        applicantAreaCode: accepted.applicant.wardCode,
        onDate: vietnamDate(receivedAt),
      },
      this.catalogue.current,
    );
    if (!route.ok) throw new CaseCannotOpen(route.code, route.reason);

    const now = new Date();
    const opened = manager.create(Case, {
      id: randomUUID(),
      dossierCode: accepted.dossierCode,
      procedureCode: accepted.procedureCode,
      processVersion: found.process.version,
      receivingAgencyCode: accepted.receivingAgencyCode,
      applicantAreaCode: accepted.applicant.wardCode,
      coordinatorId: accepted.coordinatorId,
      currentStep: firstStep.number,
      status: 'in_progress',
      eventSequence: 2,
      receivedAt,
      openedAt: now,
      version: 1,
    });
    const task = manager.create(Task, {
      id: randomUUID(),
      caseId: opened.id,
      dossierCode: opened.dossierCode,
      procedureCode: opened.procedureCode,
      stepNumber: firstStep.number,
      stepName: firstStep.name,
      agencyCode: route.agencyCode,
      role: firstStep.role,
      ownerId: null,
      status: 'open',
      createdAt: now,
      version: 1,
    });
    await manager.insert(Case, opened);
    await manager.insert(Task, task);
    await manager.insert(TaskEvent, {
      taskId: task.id,
      caseId: opened.id,
      kind: 'created',
      actorId: null,
      at: now,
      details: { agencyCode: task.agencyCode, stepNumber: task.stepNumber },
    });
    const common = { dossierCode: opened.dossierCode, nationalStatus: NationalStatus.InProgress, occurredAt: now.toISOString() };
    await tx.publish(
      event(CaseOpened, {
        ...common,
        sequence: 1,
        caseId: opened.id,
        procedureCode: opened.procedureCode,
        processVersion: opened.processVersion,
        coordinatorId: opened.coordinatorId,
      }),
    );
    await tx.publish(
      event(TaskCreated, {
        ...common,
        sequence: 2,
        taskId: task.id,
        caseId: opened.id,
        stepNumber: task.stepNumber,
        stepName: task.stepName,
        agencyCode: task.agencyCode,
        role: task.role,
      }),
    );
  }
}
