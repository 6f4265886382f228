import { Injectable, Logger } from '@nestjs/common';
import { type DossierAccepted, NationalStatus } from '@motcua/contracts';
import { PerTransaction, type Transaction, UnprocessableMessageError } from '@motcua/messaging';
import { RequestContext, type RequestContextValue } from '@motcua/observability';
import { newId } from '@motcua/persistence';
import { Catalogue, type ProcessInForce } from '../catalogue/catalogue';
import { StepTasks } from '../tasks/step-task';
import { CaseStore, type CaseToOpen } from './case.store';

/**
 * A dossier that cannot be routed: parked at once with the reason (no retry can fix the catalogue), never
 * routed to nobody. Intake refuses such submissions itself once it validates against its catalogue replica.
 */
export class CaseCannotOpen extends UnprocessableMessageError {}

/** An acceptance whose case waits to be opened with the batch's others, and what it was opened with. */
interface Opening {
  readonly accepted: DossierAccepted;
  readonly version: number;
  readonly context: RequestContextValue | undefined;
}

/**
 * An accepted dossier becomes a case pinned to the process version in force at receipt, with its receipt (the
 * applicant's name, the documents received), and its first step becomes a task in the competent agency's queue.
 * Emits `workflow.task.created`, which carries national status 4 (in progress): the dossier's first step has begun.
 * A consumer's batch of acceptances is opened by one statement as its transaction commits; it checks that each
 * case's version is the one in force (the processes are held in memory), and a case it finds pinned to another is
 * routed again from a fresh read, by a statement of its own.
 */
@Injectable()
export class OpenCase {
  private readonly logger = new Logger(OpenCase.name);
  private readonly batch = new PerTransaction<{ cases: CaseToOpen[]; openings: Opening[]; owners: Map<string, number> }>(
    () => ({ cases: [], openings: [], owners: new Map() }),
    (tx, batch) => this.openAll(tx, batch.cases, batch.openings),
  );

  constructor(
    private readonly catalogue: Catalogue,
    private readonly stepTasks: StepTasks,
    private readonly cases: CaseStore,
  ) {}

  async execute(accepted: DossierAccepted, tx: Transaction): Promise<void> {
    const batch = this.batch.of(tx);
    const found = await this.inForce(accepted, tx);
    // an automatic assignment counts the first tasks the batch gave already: they are written only as it commits
    const kase = await this.prepare(accepted, found, tx, batch.owners);
    if (kase.ownerId) batch.owners.set(kase.ownerId, (batch.owners.get(kase.ownerId) ?? 0) + 1);
    batch.cases.push(kase);
    batch.openings.push({ accepted, version: found.version, context: RequestContext.current() });
  }

  private async openAll(tx: Transaction, cases: CaseToOpen[], openings: Opening[]): Promise<void> {
    const results = await this.cases.openAll(tx.manager, cases, new Date());
    for (const [i, { opened, inForce }] of results.entries()) {
      const { accepted, version, context } = openings[i];
      if (inForce !== version) {
        // changed on another replica since it was read: routed again, under the message's own context
        await RequestContext.run(context ?? { correlationId: accepted.dossierCode }, () => this.openAgain(accepted, tx));
      } else if (!opened) {
        this.logger.warn(`case for ${accepted.dossierCode} already open; ignoring a second acceptance`);
      }
    }
  }

  /** From a fresh read of the procedure's processes; changed again meanwhile, the message is tried again later. */
  private async openAgain(accepted: DossierAccepted, tx: Transaction): Promise<void> {
    const found = await this.inForce(accepted, tx, true);
    const [{ opened, inForce }] = await this.cases.openAll(tx.manager, [await this.prepare(accepted, found, tx)], new Date());
    if (inForce !== found.version) throw new Error(`the process in force for ${accepted.procedureCode} changed while ${accepted.dossierCode} was routed`);
    if (!opened) this.logger.warn(`case for ${accepted.dossierCode} already open; ignoring a second acceptance`);
  }

  private async inForce(accepted: DossierAccepted, tx: Transaction, again = false): Promise<ProcessInForce> {
    const found = await this.catalogue.processInForce(tx.manager, accepted.procedureCode, new Date(accepted.receivedAt), again);
    if (!found) throw new CaseCannotOpen('CATALOGUE.PROCEDURE_UNKNOWN', `no active process for ${accepted.procedureCode}`);
    return found;
  }

  /** The case and its first task, their events published and taken (written only if the case opens). */
  private async prepare(
    accepted: DossierAccepted,
    found: ProcessInForce,
    tx: Transaction,
    unwrittenOwners?: ReadonlyMap<string, number>,
  ): Promise<CaseToOpen & { ownerId: string | null }> {
    const firstStep = found.steps[0];
    const kase = {
      caseId: newId(),
      dossierCode: accepted.dossierCode,
      procedureCode: accepted.procedureCode,
      processVersion: found.version,
      receivingAgencyCode: accepted.receivingAgencyCode,
      applicantAreaCode: accepted.applicant.wardCode,
      coordinatorId: accepted.coordinatorId,
      receivedAt: new Date(accepted.receivedAt),
    };
    // the first task, its events (and its owner where the step assigns automatically), as every step's task
    const task = await this.stepTasks.prepare(
      tx,
      kase,
      firstStep,
      // handed over by the desk officer who accepted it: the slip's first row names them even after the coordinator changes
      { nationalStatus: NationalStatus.InProgress, givenBy: accepted.coordinatorId, sequence: 1, at: new Date(), from: null, unwrittenOwners },
      (code, reason) => new CaseCannotOpen(code, reason),
    );
    // The inbox already drops redelivered messages; the statement also keeps a second case from opening when the same
    // dossier arrives under two message ids (e.g. re-sent by an operator from the parking lot): then nothing else is written either.
    return {
      ...kase,
      currentStep: firstStep.number,
      eventSequence: StepTasks.sequencesFor(firstStep),
      appointmentAt: accepted.appointmentAt ? new Date(accepted.appointmentAt) : null,
      channel: accepted.channel,
      // for the officers who process it: whose dossier, and what the desk received (absent from older events)
      applicantName: accepted.applicant.fullName,
      documents: accepted.documents ?? null,
      task: task.row,
      ownerId: task.ownerId,
      events: await tx.takeEvents(),
    };
  }
}
