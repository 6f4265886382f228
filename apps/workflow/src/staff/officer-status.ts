import { Injectable } from '@nestjs/common';
import { type Principal, Role, hasRole } from '@motcua/auth';
import { UnitOfWork } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { StepTasks } from '../tasks/step-task';
import { TaskStore } from '../tasks/task.store';
import { CallerOversight } from './caller-oversight';
import { StaffStore } from './staff.store';
import type { OfficerStatusResult } from './officer-status.view';

/** 404 for an officer who does not exist or whom the caller does not manage: the two are not told apart. */
export const officerNotFound = (officerId: string) => new Refusal('OFFICER.NOT_FOUND', `No officer ${officerId} you manage`);

export type { OfficerStatusResult };

/**
 * An officer goes on leave (or comes back). Going on leave, their open tasks do not wait for them: each is given
 * to the least-loaded eligible colleague where its step assigns automatically, and otherwise goes back to its
 * agency's queue; every change is a recorded task event and a `workflow.task.owner-changed` naming them as the
 * displaced owner. An administrator, or the head of one of the officer's agencies, may do it.
 */
@Injectable()
export class ChangeOfficerStatus {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly stepTasks: StepTasks,
    private readonly tasks: TaskStore,
    private readonly staff: StaffStore,
    private readonly catalogue: Catalogue,
    private readonly oversight: CallerOversight,
  ) {}

  execute(
    officerId: string,
    status: 'active' | 'on_leave',
    caller: Principal,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<OfficerStatusResult> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async (): Promise<CommandResponse<OfficerStatusResult>> => {
        const officer = await this.staff.officer(tx, officerId);
        // a head of one of the officer's agencies (a head role there, in the organisation and in their token)
        const oversight = officer ? await this.oversight.of(caller) : undefined;
        const headOf = officer?.agencies.some((code) => oversight!.heads.includes(code)) ?? false;
        if (!officer || (!hasRole(caller, Role.Admin) && !headOf)) {
          // a colleague at an agency the caller's token names is theirs to know of, but only a head (role in force) manages them
          if (caller.kind === 'officer' && officer?.agencies.some((code) => caller.agencies.includes(code))) {
            throw new Refusal(
              'OFFICER.HEAD_ONLY',
              `only a head of one of ${officerId}'s agencies (head of desk, division head, leader, in the staff record and the token) or an administrator records their leave`,
            );
          }
          throw officerNotFound(officerId);
        }
        await this.staff.setStatus(tx, officerId, status);
        if (status === 'active') return { status: 200, body: { id: officerId, status, tasks: [] } };

        const owned = await this.tasks.ownedBy(tx, officerId);
        const now = new Date();
        const tasks: OfficerStatusResult['tasks'] = [];
        for (const task of owned) {
          const sequence = task.eventSequence + 1;
          const steps = await this.catalogue.processSteps(tx.manager, task.procedureCode, task.processVersion);
          const automatic = steps[task.stepNumber - 1]?.assignment === 'least_loaded';
          const common = { sequence, at: now, actorId: caller.subject, previousOwnerId: officerId };
          const ownerId = automatic ? await this.stepTasks.assignLeastLoaded(tx, task, common) : null;
          if (ownerId === null) {
            await this.stepTasks.changeOwner(tx, task, { ...common, ownerId: null, change: 'released', details: { reason: 'on_leave' } });
          }
          tasks.push({ taskId: task.id, dossierCode: task.dossierCode, change: ownerId ? 'reassigned' : 'released', ownerId });
        }
        return { status: 200, body: { id: officerId, status, tasks } };
      }),
    );
  }
}
