import { Injectable, Logger } from '@nestjs/common';
import { AppointmentChanged, type DossierSupplemented, NationalStatus, event } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { StepTasks } from '../tasks/step-task';
import { Calendars } from '../calendar/calendars';
import { Catalogue } from '../catalogue/catalogue';
import { CaseStore } from './case.store';

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
    private readonly cases: CaseStore,
  ) {}

  async execute(supplemented: DossierSupplemented, tx: Transaction): Promise<void> {
    const kase = await this.cases.lockWithSupplementStep(tx, supplemented.dossierCode);
    if (!kase || kase.caseStatus !== 'awaiting_supplement' || kase.askedAtStep === null) {
      this.logger.warn(`supplement for ${supplemented.dossierCode} ignored: the case is not waiting for one`);
      return;
    }
    if (typeof supplemented.round === 'number' && supplemented.round !== kase.supplementRounds) {
      this.logger.warn(
        `supplement for ${supplemented.dossierCode} ignored: it answers round ${supplemented.round}, the case waits for round ${kase.supplementRounds}`,
      );
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
    await this.cases.resume(tx, kase.caseId, {
      step: kase.askedAtStep,
      sequence: kase.eventSequence + (moved ? 1 : 0) + StepTasks.sequencesFor(step),
      at: now,
      moved: moved && kase.appointmentAt && kase.pausedAt ? { from: kase.appointmentAt, to: moved, pausedAt: kase.pausedAt, pausedMs } : null,
    });
    if (moved && kase.appointmentAt) {
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
      appointmentAt: moved ?? kase.appointmentAt,
    });
  }
}
