import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { CaseClosed, CoordinatorChanged, type EndedTask, NationalStatus, dossierNotFound, event } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import type { EntityManager } from 'typeorm';
import { Catalogue } from '../catalogue/catalogue';
import { rolesInForce } from '../staff/oversight';

export type CaseCommand = { readonly kind: 'withdraw'; readonly reason: string } | { readonly kind: 'change_coordinator'; readonly officerId: string };

export interface CaseCommandResult {
  dossierCode: string;
  version: number;
  status: string;
  coordinatorId: string;
  nationalStatus: number | null;
}

const refuse = (code: string, detail: string, field?: string) => (field ? Refusal.ofField(code, field, detail) : new Refusal(code, detail));

/**
 * Commands on a whole case, at its receiving desk: the applicant withdrew (7: the open task, if any, ends with it),
 * or the head of the desk gives the dossier another coordinator. Compare-and-set on the case's version.
 */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalogue: Catalogue,
  ) {}

  execute(
    dossierCode: string,
    command: CaseCommand,
    expectedVersion: number,
    caller: Principal,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<CaseCommandResult> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async (): Promise<CommandResponse<CaseCommandResult>> => {
        // The open task first, then the case: the order every task command takes (two writers taking them in
        // opposite orders could deadlock).
        const [openTask] = (await tx.manager.query(
          `SELECT t.id AS "taskId", t.step_number AS "stepNumber", t.agency_code AS "agencyCode", t.owner_id AS "ownerId"
             FROM task t JOIN dossier_case c ON c.id = t.case_id WHERE c.dossier_code = $1 AND t.status = 'open' FOR UPDATE OF t`,
          [dossierCode],
        )) as EndedTask[];
        const [kase] = (await tx.manager.query(
          `SELECT id, dossier_code AS "dossierCode", receiving_agency_code AS "receivingAgencyCode", coordinator_id AS "coordinatorId",
                  status, version, event_sequence AS "eventSequence"
             FROM dossier_case WHERE dossier_code = $1 FOR UPDATE`,
          [dossierCode],
        )) as { id: string; receivingAgencyCode: string; coordinatorId: string; status: string; version: number; eventSequence: number }[];
        if (!kase || caller.kind !== 'officer' || !caller.agencies.includes(kase.receivingAgencyCode)) {
          throw dossierNotFound(dossierCode, 'act on');
        }
        if (kase.status === 'closed') throw refuse('CASE.CLOSED', 'processing of this dossier has ended');
        if (kase.version !== expectedVersion) throw refuse('CASE.VERSION_CONFLICT', `the case is at version ${kase.version}: reload it`, 'version');
        const roles = await this.rolesAt(tx.manager, kase.receivingAgencyCode, [caller.subject, ...(command.kind === 'change_coordinator' ? [command.officerId] : [])]);
        // the roles the caller's token and the organisation's record both give them at the desk
        const mine: string[] = rolesInForce(caller, kase.receivingAgencyCode, roles.get(caller.subject) ?? []);
        const now = new Date();
        const sequence = kase.eventSequence + 1;

        if (command.kind === 'withdraw') {
          if (!mine.some((r) => r === 'receiver' || r === 'head_of_desk')) throw refuse('CASE.DESK_ONLY', 'only the receiving desk records a withdrawal');
          await tx.manager.query(
            `UPDATE task SET status = 'done', completed_at = $2, completed_by = $3, outcome = 'withdrawn', note = $4, version = version + 1
              WHERE case_id = $1 AND status = 'open'`,
            [kase.id, now, caller.subject, command.reason],
          );
          await tx.manager.query(
            `INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
             SELECT id, case_id, 'completed', $2, $3, $4 FROM task WHERE case_id = $1 AND outcome = 'withdrawn' AND completed_at = $3`,
            [kase.id, caller.subject, now, JSON.stringify({ action: 'withdrawn', note: command.reason })],
          );
          await tx.manager.query(
            `UPDATE dossier_case SET status = 'closed', closed_at = $2, outcome = 'withdrawn', event_sequence = $3, version = version + 1 WHERE id = $1`,
            [kase.id, now, sequence],
          );
          await tx.publish(
            event(CaseClosed, {
              dossierCode,
              nationalStatus: NationalStatus.Withdrawn,
              sequence,
              occurredAt: now.toISOString(),
              caseId: kase.id,
              outcome: 'withdrawn',
              actorId: caller.subject,
              note: command.reason,
              coordinatorId: kase.coordinatorId,
              // its owner is told
              endedTask: openTask
                ? { ...openTask, agencyName: this.catalogue.agencyName(openTask.agencyCode), ownerName: this.catalogue.officerName(openTask.ownerId) }
                : null,
              actorName: this.catalogue.officerName(caller.subject),
              coordinatorName: this.catalogue.officerName(kase.coordinatorId),
            }),
          );
          return {
            status: 200,
            body: { dossierCode, version: kase.version + 1, status: 'closed', coordinatorId: kase.coordinatorId, nationalStatus: NationalStatus.Withdrawn },
          };
        }

        if (!mine.includes('head_of_desk')) throw refuse('CASE.HEAD_OF_DESK_ONLY', 'only the head of the desk changes a coordinator');
        const theirs = roles.get(command.officerId) ?? [];
        if (!theirs.some((r) => r === 'receiver' || r === 'head_of_desk')) {
          throw refuse('CASE.COORDINATOR_NOT_ELIGIBLE', `${command.officerId} is not an active officer of the receiving desk`, 'officerId');
        }
        if (command.officerId === kase.coordinatorId) throw refuse('CASE.ALREADY_COORDINATOR', `${command.officerId} already coordinates it`, 'officerId');
        await tx.manager.query(`UPDATE dossier_case SET coordinator_id = $2, event_sequence = $3, version = version + 1 WHERE id = $1`, [
          kase.id,
          command.officerId,
          sequence,
        ]);
        await tx.publish(
          event(CoordinatorChanged, {
            dossierCode,
            nationalStatus: await this.nationalStatus(tx.manager, kase.id),
            sequence,
            occurredAt: now.toISOString(),
            coordinatorId: command.officerId,
            previousCoordinatorId: kase.coordinatorId,
            changedBy: caller.subject,
            coordinatorName: this.catalogue.officerName(command.officerId),
          }),
        );
        return { status: 200, body: { dossierCode, version: kase.version + 1, status: kase.status, coordinatorId: command.officerId, nationalStatus: null } };
      }),
    );
  }

  /** Active officers' roles at the agency. */
  private async rolesAt(manager: EntityManager, agencyCode: string, ids: string[]): Promise<Map<string, string[]>> {
    const rows = (await manager.query(
      `SELECT o.id, array_agg(r.role) AS roles FROM officer o JOIN officer_role r ON r.officer_id = o.id AND r.agency_code = $1
        WHERE o.id = ANY($2) AND o.status = 'active' GROUP BY o.id`,
      [agencyCode, ids],
    )) as { id: string; roles: string[] }[];
    return new Map(rows.map((r) => [r.id, r.roles]));
  }

  /** The status the dossier has now: its open task's, or 5 while it waits for the applicant. */
  private async nationalStatus(manager: EntityManager, caseId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT COALESCE((SELECT national_status FROM task WHERE case_id = $1 AND status = 'open'), ${NationalStatus.SupplementRequested}) AS status`,
      [caseId],
    )) as { status: number }[];
    return row.status;
  }
}
