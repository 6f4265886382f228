import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, isOfficerInRole } from '@motcua/auth';
import { ApiProblems, Refusal } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ListNotificationsRequest } from './list-notifications.request';
import { NotificationQueries } from './notification.queries';
import { NotificationPage, ResentNotification } from './notification.view';
import { ResendNotification } from './resend-notification';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationQueries,
    private readonly resendNotification: ResendNotification,
  ) {}

  /**
   * The log holds the applicant's name, email and phone: only officers of the receiving agency read it (the desk
   * answers "were you told?"). Another agency's dossier answers an empty page, as if nobody had been told.
   */
  @Get()
  @ApiOperation({
    summary: "A dossier's delivery log, oldest first",
    description:
      'Every message sent (or still to be sent) about one dossier: to the applicant by email or SMS, to officers’ inboxes, to ' +
      'subscribed systems by webhook, each with its attempts and the provider’s delivery reports. For officers (acting in a role) of ' +
      'the agency that received the dossier: the desk answers "were you told?". The log holds the applicant’s address and phone, so ' +
      'a dossier of another agency answers an empty page, as if nobody had been told. A page at a time: `limit` (1–100, 20 by ' +
      'default), then the answer’s `nextCursor` as `cursor` for the next page, until it is null.',
  })
  @ApiOkResponse({ type: NotificationPage, description: 'A page of the log.' })
  @ApiProblems('NOTIFICATION.OFFICERS_ONLY')
  list(@Query() request: ListNotificationsRequest, @CurrentPrincipal() caller: Principal): Promise<NotificationPage> {
    if (!isOfficerInRole(caller)) {
      throw new Refusal('NOTIFICATION.OFFICERS_ONLY');
    }
    return this.notifications.list({
      dossierCode: request.dossierCode,
      agencies: caller.agencies,
      limit: request.limit,
      cursor: request.cursor,
    });
  }

  /** The applicant says they never got it: the coordinator or the head of the desk sends it again, as a new message. */
  @Post(':id/resend')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Sends an email or SMS to the applicant again',
    description:
      'The applicant says they never got a message, or it failed: it is sent again as a new message (its own id, so the provider ' +
      'takes it as new) linked to the one it repeats (`resendOf`), due now; its outcome is followed in the delivery log. For the ' +
      'dossier’s coordinator or the head of its receiving desk; for anyone outside the receiving agency the message does not exist ' +
      '(404). Only a settled email or SMS goes again: one still being sent is 409 (it would go twice), an officer’s or a webhook’s ' +
      'is 422 (it is in the inbox; the receiver gets its own retries). Safe to retry with an `Idempotency-Key`.',
  })
  @ApiParam({ name: 'id', description: 'The message to send again (its id in the delivery log)', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  @ApiIdempotencyKey()
  @ApiAcceptedResponse({ type: ResentNotification, description: 'The new message, due now.' })
  @ApiProblems('NOTIFICATION.NOT_FOUND', 'NOTIFICATION.RESEND_NOT_ALLOWED', 'NOTIFICATION.STILL_PENDING', 'NOTIFICATION.NOT_RESENDABLE')
  async resend(
    @Param('id') id: string,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<ResentNotification> {
    const idempotency = idempotentRequest(key, caller.subject, `POST /notifications/${id}/resend`, {});
    return answerCommand(response, await this.resendNotification.execute(id, caller, idempotency));
  }
}
