import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { AppointmentChanged, event } from '@motcua/contracts';
import type { IdempotentRequest } from '@motcua/persistence';
import { Calendars } from '../calendar/calendars';
import { checkExtension } from './extension-rules';
import { TaskCommandRunner } from './task-command-runner';
import { TaskStore } from './task.store';

/**
 * Use case, gia hạn: the owner of a running-late task gives the applicant a new appointment with an apology, at
 * least one working day before the current one. The original appointment stays on the case; a second extension
 * is flagged.
 */
@Injectable()
export class ExtendAppointment {
  constructor(
    private readonly commands: TaskCommandRunner,
    private readonly store: TaskStore,
    private readonly calendars: Calendars,
  ) {}

  execute(taskId: string, extension: { reason: string; newAppointmentAt: Date }, expectedVersion: number, caller: Principal, idempotency?: IdempotentRequest) {
    const command = { kind: 'extend', ...extension } as const;
    return this.commands.run({ taskId, command, expectedVersion, caller, idempotency }, async ({ tx, task, actorId, expected, now }) => {
      const { reason, newAppointmentAt: requested } = command;
      const refusal = checkExtension(this.calendars.of(task.receivingAgencyCode), now, task.appointmentAt, requested); // the desk's promise
      if (refusal) throw refusal;
      const count = task.extensionCount + 1;
      const sequence = task.eventSequence + 1;
      await tx.publish(
        event(AppointmentChanged, {
          dossierCode: task.dossierCode,
          nationalStatus: task.nationalStatus,
          sequence,
          occurredAt: now.toISOString(),
          cause: 'extension',
          appointmentAt: requested.toISOString(),
          previousAppointmentAt: task.appointmentAt!.toISOString(),
          originalAppointmentAt: (task.originalAppointmentAt ?? task.appointmentAt!).toISOString(),
          pausedWorkingMinutes: null,
          reason,
          extension: count,
          flagged: count > 1,
          actorId,
          coordinatorId: task.coordinatorId,
        }),
      );
      const changed = await this.store.extendAppointment(
        tx,
        task.id,
        { previous: task.appointmentAt, appointmentAt: requested, reason, actorId, at: now, extension: count, sequence },
        expected,
      );
      return changed
        ? { taskId: task.id, version: task.version + 1, ownerId: task.ownerId, status: 'open', nextTaskId: null, nationalStatus: task.nationalStatus }
        : null;
    });
  }
}
