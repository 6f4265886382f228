import { Injectable, Logger } from '@nestjs/common';
import { AppointmentChanged, type DossierSupplemented, NationalStatus, event } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { type CaseForStep, StepTasks } from '../tasks/step-task';
import { Calendars } from '../calendar/calendars';
import { Catalogue } from '../catalogue/catalogue';

interface WaitingCase extends CaseForStep {
  status: string;
  signedStep: number | null;
  eventSequence: number;
  askedAtStep: number | null;
  pausedAt: Date | null;
  appointmentAt: Date | null;
  originalAppointmentAt: Date | null;
  extensionCount: number;
  supplementRounds: number;
}

/**
 * The applicant supplied what was asked: the same case resumes at the step that asked for it, in the same
 * agency's queue. A supplement for a case that is not waiting (already resumed, closed) changes nothing.
 */
@Injectable()
export class ResumeCase {
  private readonly logger = new Logger(ResumeCase.name);

  constructor(
    private readonly stepTasks: StepTasks,
    private readonly calendars: Calendars,
    private readonly catalogue: Catalogue,
  ) {}

  async execute(supplemented: DossierSupplemented, tx: Transaction): Promise<void> {
    const [kase] = (await tx.manager.query(
      `SELECT c.id AS "caseId", c.dossier_code AS "dossierCode", c.procedure_code AS "procedureCode", c.process_version AS "processVersion",
              c.receiving_agency_code AS "receivingAgencyCode", c.applicant_area_code AS "applicantAreaCode",
              c.coordinator_id AS "coordinatorId", c.received_at AS "receivedAt", c.status, c.signed_step AS "signedStep",
              c.event_sequence AS "eventSequence", c.paused_at AS "pausedAt", c.appointment_at AS "appointmentAt",
              c.original_appointment_at AS "originalAppointmentAt", c.extension_count AS "extensionCount",
              c.supplement_rounds AS "supplementRounds",
              (SELECT t.step_number FROM task t WHERE t.case_id = c.id AND t.outcome = 'request_supplement'
                ORDER BY t.completed_at DESC LIMIT 1) AS "askedAtStep"
         FROM dossier_case c
        WHERE c.dossier_code = $1
        FOR UPDATE OF c`,
      [supplemented.dossierCode],
    )) as WaitingCase[];
    if (!kase || kase.status !== 'awaiting_supplement' || kase.askedAtStep === null) {
      this.logger.warn(`supplement for ${supplemented.dossierCode} ignored: the case is not waiting for one`);
      return;
    }
    if (typeof supplemented.round === 'number' && supplemented.round !== kase.supplementRounds) {
      this.logger.warn(`supplement for ${supplemented.dossierCode} ignored: it answers round ${supplemented.round}, the case waits for round ${kase.supplementRounds}`);
      return;
    }
    const now = new Date();
    const step = (await this.catalogue.processSteps(tx.manager, kase.procedureCode, kase.processVersion))[kase.askedAtStep - 1];
    // The clock stood still while the applicant had the dossier: the appointment moves by that working time, in
    // whole minutes (an appointment is given to the minute: a supplement brought back within the minute moves
    // nothing). The appointment is the receiving desk's promise: counted in its office hours.
    const desk = this.calendars.of(kase.receivingAgencyCode);
    const pausedMs = kase.pausedAt ? Math.floor(desk.workingTimeBetween(kase.pausedAt, now) / 60_000) * 60_000 : 0;
    const moved = kase.appointmentAt && pausedMs > 0 ? desk.addWorkingHours(kase.appointmentAt, pausedMs / 3_600_000) : null;
    // The pause's appointment change (still at 5), then the resumed step's task (4): one instant, so their
    // sequence numbers are what order them for a consumer.
    let sequence = kase.eventSequence + 1;
    await tx.manager.query(
      // a moved appointment is a new deadline: the watch tells of it again (due soon, overdue)
      `UPDATE dossier_case SET status = 'in_progress', current_step = $2, event_sequence = $3, version = version + 1, paused_at = NULL,
              appointment_at = COALESCE($4, appointment_at),
              due_soon_told_at = CASE WHEN $4::timestamptz IS NULL THEN due_soon_told_at END,
              overdue_told_at = CASE WHEN $4::timestamptz IS NULL THEN overdue_told_at END
        WHERE id = $1`,
      [kase.caseId, kase.askedAtStep, kase.eventSequence + (moved ? 1 : 0) + StepTasks.sequencesFor(step), moved],
    );
    if (moved && kase.appointmentAt && kase.pausedAt) {
      await tx.manager.query(
        `INSERT INTO case_appointment_change (case_id, cause, previous_appointment_at, appointment_at, paused_from, paused_to, paused_working_ms, at)
         VALUES ($1, 'supplement_pause', $2, $3, $4, $5, $6, $5)`,
        [kase.caseId, kase.appointmentAt, moved, kase.pausedAt, now, pausedMs],
      );
      await tx.publish(
        event(AppointmentChanged, {
          dossierCode: kase.dossierCode,
          nationalStatus: NationalStatus.SupplementRequested,
          sequence,
          occurredAt: now.toISOString(),
          cause: 'supplement_pause',
          appointmentAt: moved.toISOString(),
          previousAppointmentAt: kase.appointmentAt.toISOString(),
          originalAppointmentAt: (kase.originalAppointmentAt ?? kase.appointmentAt).toISOString(),
          pausedWorkingMinutes: Math.round(pausedMs / 60_000),
          reason: null,
          extension: kase.extensionCount,
          flagged: false,
          actorId: 'system',
          coordinatorId: kase.coordinatorId,
        }),
      );
      sequence += 1;
    }
    await this.stepTasks.open(tx, kase, step, {
      nationalStatus: kase.signedStep !== null ? NationalStatus.Processed : NationalStatus.InProgress,
      givenBy: supplemented.receivedBy,
      sequence,
      at: now,
      from: null,
      resumedAfterSupplementRound: kase.supplementRounds,
    });
  }
}
