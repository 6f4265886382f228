import { Injectable, Logger } from '@nestjs/common';
import { stepDeadline, vietnamDate } from '@motcua/calendar';
import { type DossierAccepted, NationalStatus, TaskCreated, event } from '@motcua/contracts';
import { type Transaction, UnprocessableMessageError } from '@motcua/messaging';
import { newId, queryPrepared } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { resolveStepAgency } from '@motcua/catalogue';
import { StepTasks } from '../tasks/step-task';
import { Calendars } from '../calendar/calendars';

/**
 * A dossier that cannot be routed: parked at once with the reason (no retry can fix the catalogue), never
 * routed to nobody. Intake refuses such submissions itself once it validates against its catalogue replica.
 */
export class CaseCannotOpen extends UnprocessableMessageError {}

/**
 * An accepted dossier becomes a case pinned to the process version in force at receipt, and its first step
 * becomes a task in the competent agency's queue. Emits `workflow.task.created`, which carries national status
 * 4 (in progress): the dossier's first step has begun.
 */
@Injectable()
export class OpenCase {
  private readonly logger = new Logger(OpenCase.name);

  constructor(
    private readonly catalogue: Catalogue,
    private readonly stepTasks: StepTasks,
    private readonly calendars: Calendars,
  ) {}

  async execute(accepted: DossierAccepted, tx: Transaction): Promise<void> {
    const receivedAt = new Date(accepted.receivedAt);
    const found = await this.catalogue.processInForce(tx.manager, accepted.procedureCode, receivedAt);
    if (!found) {
      throw new CaseCannotOpen('CATALOGUE.PROCEDURE_UNKNOWN', `no active process for ${accepted.procedureCode}`);
    }
    const firstStep = found.steps[0];
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
    const opened = { id: newId(), processVersion: found.version, dossierCode: accepted.dossierCode };
    const task = { id: newId(), stepNumber: firstStep.number, stepName: firstStep.name, agencyCode: route.agencyCode, role: firstStep.role };
    // Case, first task and its 'created' event in one statement. The inbox already drops redelivered messages;
    // ON CONFLICT also keeps a second case from opening when the same dossier arrives under two message ids
    // (e.g. re-sent by an operator from the parking lot).
    const inserted = await queryPrepared<{ id: string }>(
      tx.manager,
      'workflow.open-case',
      `WITH c AS (
         INSERT INTO dossier_case (id, dossier_code, procedure_code, process_version, receiving_agency_code,
                                   applicant_area_code, coordinator_id, current_step, status, event_sequence,
                                   received_at, opened_at, version, appointment_at, original_appointment_at, channel)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'in_progress', $16, $9, $10, 1, $17, $17, $19)
         ON CONFLICT (dossier_code) DO NOTHING RETURNING id),
       t AS (
         INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role,
                           owner_id, status, created_at, version, due_at)
         SELECT $11, c.id, $2, $3, $8, $12, $13, $14, NULL, 'open', $10, 1, $18 FROM c RETURNING id, case_id),
       e AS (
         INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
         SELECT t.id, t.case_id, 'created', NULL, $10, $15 FROM t)
       SELECT id FROM c`,
      [
        opened.id,
        accepted.dossierCode,
        accepted.procedureCode,
        opened.processVersion,
        accepted.receivingAgencyCode,
        accepted.applicant.wardCode,
        accepted.coordinatorId,
        firstStep.number,
        receivedAt,
        now,
        task.id,
        task.stepName,
        task.agencyCode,
        task.role,
        JSON.stringify({ agencyCode: task.agencyCode, stepNumber: task.stepNumber }),
        StepTasks.sequencesFor(firstStep),
        accepted.appointmentAt ? new Date(accepted.appointmentAt) : null,
        stepDeadline(this.calendars.current, now, firstStep.budgetHours),
        accepted.channel,
      ],
    );
    if (inserted.length === 0) {
      this.logger.warn(`case for ${accepted.dossierCode} already open; ignoring a second acceptance`);
      return;
    }
    await tx.publish(
      event(TaskCreated, {
        dossierCode: opened.dossierCode,
        nationalStatus: NationalStatus.InProgress,
        occurredAt: now.toISOString(),
        sequence: 1,
        taskId: task.id,
        caseId: opened.id,
        stepNumber: task.stepNumber,
        stepName: task.stepName,
        agencyCode: task.agencyCode,
        role: task.role,
        processVersion: opened.processVersion,
        coordinatorId: accepted.coordinatorId,
      }),
    );
    if (firstStep.assignment === 'least_loaded') {
      await this.stepTasks.assignLeastLoaded(
        tx,
        { ...task, taskId: task.id, caseId: opened.id, dossierCode: opened.dossierCode, nationalStatus: NationalStatus.InProgress, coordinatorId: accepted.coordinatorId },
        { sequence: 2, at: now, actorId: 'system', previousOwnerId: null },
      );
    }
  }
}
