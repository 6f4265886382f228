import { HttpStatus, Injectable } from '@nestjs/common';
import { vietnamDate } from '@motcua/calendar';
import { type StepDefinition, resolveStepAgency } from '@motcua/catalogue';
import { TaskCreated, event } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { ProblemDetailsException } from '@motcua/observability';
import { newId } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';

/** What opening a step's task needs to know of its case. */
export interface CaseForStep {
  readonly caseId: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly processVersion: number;
  readonly receivingAgencyCode: string;
  readonly applicantAreaCode: string;
  readonly coordinatorId: string;
  readonly receivedAt: Date;
}

/**
 * Opens the task of a step of a running case (after a forward, a send back, a supplement): resolves the step's
 * agency for this dossier, writes the task and its 'created' event, and tells of it with `workflow.task.created`
 * at the given sequence. The database's one-open-task index guards that the case has no other open task.
 */
@Injectable()
export class StepTasks {
  constructor(private readonly catalogue: Catalogue) {}

  async open(
    tx: Transaction,
    kase: CaseForStep,
    step: StepDefinition,
    o: { nationalStatus: number; givenBy: string | null; sequence: number; at: Date; from: number | null },
  ): Promise<string> {
    const route = resolveStepAgency(
      step.agency,
      { receivingAgencyCode: kase.receivingAgencyCode, applicantAreaCode: kase.applicantAreaCode, onDate: vietnamDate(kase.receivedAt) },
      this.catalogue.current,
    );
    if (!route.ok) {
      throw new ProblemDetailsException({ status: HttpStatus.UNPROCESSABLE_ENTITY, code: route.code, title: 'The step has no agency', detail: route.reason });
    }
    const taskId = newId();
    await tx.manager.query(
      `WITH t AS (
         INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id, status,
                           created_at, version, national_status, given_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, 'open', $9, 1, $10, $11) RETURNING id, case_id)
       INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
       SELECT id, case_id, 'created', $11, $9, $12 FROM t`,
      [taskId, kase.caseId, kase.dossierCode, kase.procedureCode, step.number, step.name, route.agencyCode, step.role, o.at, o.nationalStatus, o.givenBy,
        JSON.stringify({ agencyCode: route.agencyCode, stepNumber: step.number, from: o.from })],
    );
    await tx.publish(
      event(TaskCreated, {
        dossierCode: kase.dossierCode,
        nationalStatus: o.nationalStatus,
        sequence: o.sequence,
        occurredAt: o.at.toISOString(),
        taskId,
        caseId: kase.caseId,
        stepNumber: step.number,
        stepName: step.name,
        agencyCode: route.agencyCode,
        role: step.role,
        processVersion: kase.processVersion,
        coordinatorId: kase.coordinatorId,
      }),
    );
    return taskId;
  }
}
