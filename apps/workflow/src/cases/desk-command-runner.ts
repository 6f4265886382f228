import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { type EndedTask, dossierNotFound } from '@motcua/contracts';
import { type Transaction, UnitOfWork } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import { rolesInForce } from '../staff/oversight';
import { StaffStore } from '../staff/staff.store';
import { TaskStore } from '../tasks/task.store';
import type { CaseRecord } from './case';
import type { CaseCommandResult } from './case.view';
import { CaseStore } from './case.store';

export type { CaseCommandResult };

/** A desk's command once its case is locked and checked: what its use case decides and writes on. */
export interface DeskCommand {
  readonly tx: Transaction;
  readonly kase: CaseRecord;
  /** The case's open task, row-locked (none while it waits for the applicant). */
  readonly openTask: EndedTask | undefined;
  /** The roles the caller's token and the staff record both give them at the receiving desk. */
  readonly callerRoles: readonly string[];
  /** The roles at the desk of the other officer the command names, if at work. */
  readonly namedRoles: readonly string[];
  readonly actorId: string;
  readonly now: Date;
}

export const refuse = (code: string, detail: string, field?: string) => (field ? Refusal.ofField(code, field, detail) : new Refusal(code, detail));

/**
 * What both commands on a whole case at its receiving desk (withdrawal, change of coordinator) do first: lock its
 * open task and then the case (the order every task command takes: two writers taking them in opposite orders
 * could deadlock), hide it from anyone but the desk's officers, refuse a closed case and a stale version
 * (compare-and-set on the case's version), and read the roles in force. Runs in a transaction, with the response
 * remembered under an Idempotency-Key.
 */
@Injectable()
export class DeskCommandRunner {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: CaseStore,
    private readonly tasks: TaskStore,
    private readonly staff: StaffStore,
  ) {}

  run(
    request: { dossierCode: string; expectedVersion: number; caller: Principal; idempotency?: IdempotentRequest; namedOfficerId?: string },
    write: (command: DeskCommand) => Promise<CaseCommandResult>,
  ): Promise<CommandResponse<CaseCommandResult> & { replayed: boolean }> {
    const { dossierCode, expectedVersion, caller, namedOfficerId } = request;
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, request.idempotency, async (): Promise<CommandResponse<CaseCommandResult>> => {
        const openTask = await this.tasks.lockOpenTaskOf(tx, dossierCode);
        const kase = await this.cases.lock(tx, dossierCode);
        if (!kase || caller.kind !== 'officer' || !caller.agencies.includes(kase.receivingAgencyCode)) throw dossierNotFound(dossierCode, 'act on');
        if (kase.caseStatus === 'closed') throw refuse('CASE.CLOSED', 'processing of this dossier has ended');
        if (kase.caseVersion !== expectedVersion) throw refuse('CASE.VERSION_CONFLICT', `the case is at version ${kase.caseVersion}: reload it`, 'version');
        const roles = await this.staff.activeRolesAt(tx, kase.receivingAgencyCode, [caller.subject, ...(namedOfficerId ? [namedOfficerId] : [])]);
        const callerRoles = rolesInForce(caller, kase.receivingAgencyCode, roles.get(caller.subject) ?? []);
        const namedRoles = (namedOfficerId && roles.get(namedOfficerId)) || [];
        return { status: 200, body: await write({ tx, kase, openTask, callerRoles, namedRoles, actorId: caller.subject, now: new Date() }) };
      }),
    );
  }
}
