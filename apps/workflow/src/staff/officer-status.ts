import { Injectable } from '@nestjs/common';
import { type Principal, Role, hasRole } from '@motcua/auth';
import { UnitOfWork } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { StepTasks } from '../tasks/step-task';
import { CallerOversight } from './caller-oversight';

/** 404 for an officer who does not exist or whom the caller does not manage: the two are not told apart. */
export const officerNotFound = (officerId: string) => new Refusal('OFFICER.NOT_FOUND', `No officer ${officerId} you manage`);

export interface OfficerStatusResult {
  id: string;
  status: 'active' | 'on_leave';
  /** What became of the tasks the officer owned: given to another (reassigned) or back in the queue (released). */
  tasks: { taskId: string; dossierCode: string; change: 'reassigned' | 'released'; ownerId: string | null }[];
}

interface LeaverTask {
  id: string;
  caseId: string;
  dossierCode: string;
  agencyCode: string;
  role: string;
  stepNumber: number;
  nationalStatus: number;
  coordinatorId: string;
  eventSequence: number;
  procedureCode: string;
  processVersion: number;
}

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
        const [officer] = (await tx.manager.query(
          `SELECT o.id, o.status, COALESCE(array_agg(r.agency_code) FILTER (WHERE r.agency_code IS NOT NULL), '{}') AS agencies
             FROM officer o LEFT JOIN officer_role r ON r.officer_id = o.id WHERE o.id = $1 GROUP BY o.id`,
          [officerId],
        )) as { id: string; status: string; agencies: string[] }[];
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
        await tx.manager.query(`SELECT id FROM officer WHERE id = $1 FOR UPDATE`, [officerId]);
        await tx.manager.query(`UPDATE officer SET status = $2 WHERE id = $1`, [officerId, status]);
        if (status === 'active') return { status: 200, body: { id: officerId, status, tasks: [] } };

        const owned = (await tx.manager.query(
          `SELECT t.id, t.case_id AS "caseId", t.dossier_code AS "dossierCode", t.agency_code AS "agencyCode", t.role,
                  t.step_number AS "stepNumber", t.national_status AS "nationalStatus", c.coordinator_id AS "coordinatorId",
                  c.event_sequence AS "eventSequence", c.procedure_code AS "procedureCode", c.process_version AS "processVersion"
             FROM task t JOIN dossier_case c ON c.id = t.case_id
            WHERE t.owner_id = $1 AND t.status = 'open'
            ORDER BY t.created_at
            FOR UPDATE OF t, c`,
          [officerId],
        )) as LeaverTask[];
        const now = new Date();
        const tasks: OfficerStatusResult['tasks'] = [];
        for (const task of owned) {
          const sequence = task.eventSequence + 1;
          const steps = await this.catalogue.processSteps(tx.manager, task.procedureCode, task.processVersion);
          const automatic = steps[task.stepNumber - 1]?.assignment === 'least_loaded';
          const common = { sequence, at: now, actorId: caller.subject, previousOwnerId: officerId };
          const ownerId = automatic ? await this.stepTasks.assignLeastLoaded(tx, { ...task, taskId: task.id }, common) : null;
          if (ownerId === null) {
            await this.stepTasks.changeOwner(tx, { ...task, taskId: task.id }, { ...common, ownerId: null, change: 'released', details: { reason: 'on_leave' } });
          }
          tasks.push({ taskId: task.id, dossierCode: task.dossierCode, change: ownerId ? 'reassigned' : 'released', ownerId });
        }
        return { status: 200, body: { id: officerId, status, tasks } };
      }),
    );
  }
}
