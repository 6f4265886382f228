import { Injectable, Logger } from '@nestjs/common';
import { type DossierAccepted, NationalStatus } from '@motcua/contracts';
import { type Transaction, UnprocessableMessageError } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import { Catalogue, type ProcessInForce } from '../catalogue/catalogue';
import { StepTasks } from '../tasks/step-task';
import { CaseStore } from './case.store';

/**
 * A dossier that cannot be routed: parked at once with the reason (no retry can fix the catalogue), never
 * routed to nobody. Intake refuses such submissions itself once it validates against its catalogue replica.
 */
export class CaseCannotOpen extends UnprocessableMessageError {}

/**
 * An accepted dossier becomes a case pinned to the process version in force at receipt, with its receipt (the
 * applicant's name, the documents received), and its first step becomes a task in the competent agency's queue.
 * Emits `workflow.task.created`, which carries national status 4 (in progress): the dossier's first step has begun.
 */
@Injectable()
export class OpenCase {
  private readonly logger = new Logger(OpenCase.name);

  constructor(
    private readonly catalogue: Catalogue,
    private readonly stepTasks: StepTasks,
    private readonly cases: CaseStore,
  ) {}

  async execute(accepted: DossierAccepted, tx: Transaction): Promise<void> {
    const receivedAt = new Date(accepted.receivedAt);
    // the process held in memory, checked by the statement that opens the case; read again if another is in force
    for (let again = false; ; again = true) {
      const found = await this.catalogue.processInForce(tx.manager, accepted.procedureCode, receivedAt, again);
      if (!found) {
        throw new CaseCannotOpen('CATALOGUE.PROCEDURE_UNKNOWN', `no active process for ${accepted.procedureCode}`);
      }
      const { opened, inForce } = await this.open(accepted, receivedAt, found, tx);
      if (inForce === found.version) {
        if (!opened) this.logger.warn(`case for ${accepted.dossierCode} already open; ignoring a second acceptance`);
        return;
      }
      // changed on another replica since it was read (twice in a row: changing now; the message is tried again later)
      if (again) throw new Error(`the process in force for ${accepted.procedureCode} changed while ${accepted.dossierCode} was routed`);
    }
  }

  private async open(
    accepted: DossierAccepted,
    receivedAt: Date,
    found: ProcessInForce,
    tx: Transaction,
  ): Promise<{ opened: boolean; inForce: number | null }> {
    const firstStep = found.steps[0];
    const now = new Date();
    const kase = {
      caseId: newId(),
      dossierCode: accepted.dossierCode,
      procedureCode: accepted.procedureCode,
      processVersion: found.version,
      receivingAgencyCode: accepted.receivingAgencyCode,
      applicantAreaCode: accepted.applicant.wardCode,
      coordinatorId: accepted.coordinatorId,
      receivedAt,
    };
    // the first task, its events (and its owner where the step assigns automatically), as every step's task
    const task = await this.stepTasks.prepare(
      tx,
      kase,
      firstStep,
      // handed over by the desk officer who accepted it: the slip's first row names them even after the coordinator changes
      { nationalStatus: NationalStatus.InProgress, givenBy: accepted.coordinatorId, sequence: 1, at: now, from: null },
      (code, reason) => new CaseCannotOpen(code, reason),
    );
    // Case, first task, their events and the outbox rows in one statement, if the version is the one in force. The
    // inbox already drops redelivered messages; the store also keeps a second case from opening when the same dossier
    // arrives under two message ids (e.g. re-sent by an operator from the parking lot): then nothing else is written either.
    return this.cases.open(
      tx,
      {
        ...kase,
        currentStep: firstStep.number,
        eventSequence: StepTasks.sequencesFor(firstStep),
        appointmentAt: accepted.appointmentAt ? new Date(accepted.appointmentAt) : null,
        channel: accepted.channel,
      },
      // for the officers who process it: whose dossier, and what the desk received (absent from older events)
      { applicantName: accepted.applicant.fullName, documents: accepted.documents ?? null },
      task.row,
      now,
    );
  }
}
