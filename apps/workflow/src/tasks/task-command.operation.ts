import { HttpCode, HttpStatus, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, type ApiBodyOptions } from '@nestjs/swagger';
import { ApiProblems } from '@motcua/errors';
import { ApiIdempotencyKey } from '@motcua/persistence';
import { CommandResult } from './task.view';

/** What every command on a task may be refused with, whatever it is (task-command-runner.ts, `decide`). */
const EVERY_TASK_COMMAND = ['TASK.NOT_FOUND', 'TASK.CLOSED', 'TASK.VERSION_CONFLICT'] as const;

const OPTIMISTIC =
  'The body names the task’s `version` as last read (GET /api/v1/tasks/{id} or the list): the command changes the task only if it is ' +
  'still at that version, so two officers acting at once never both win. A stale version, or a task that kept changing while the ' +
  'command ran, is 409 `TASK.VERSION_CONFLICT` and changes nothing: reload the task and decide again. A task that is not at one of the ' +
  'caller’s agencies (or does not exist) is 404 `TASK.NOT_FOUND`, the two not told apart. The answer is 200 with the task’s new ' +
  'version. Safe to retry with an `Idempotency-Key`.';

/**
 * The OpenAPI side of a command on a task (claim, assign, release, act, extend): 200 with the task's new version, the
 * Idempotency-Key, the optimistic `version` explained, and its problems (those of every task command, and its own).
 */
export const TaskCommandOperation = (o: { summary: string; description: string; body: ApiBodyOptions; problems: string[] }): MethodDecorator =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary: o.summary, description: `${o.description}\n\n${OPTIMISTIC}` }),
    ApiIdempotencyKey(),
    ApiBody(o.body),
    ApiOkResponse({ type: CommandResult, description: 'Done: the task’s new version and owner, and where the dossier went' }),
    ApiProblems(...EVERY_TASK_COMMAND, ...o.problems),
  );
