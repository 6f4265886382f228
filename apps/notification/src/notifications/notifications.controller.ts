import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, isOfficerInRole } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ListNotificationsRequest } from './list-notifications.request';
import { NotificationQueries } from './notification.queries';
import { NotificationPage } from './notification.view';
import { ResendNotification, type ResendResult } from './resend-notification';

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
  @ApiOperation({ summary: "A dossier's delivery log: every message sent (or to be sent) about it, oldest first." })
  @ApiOkResponse({ type: NotificationPage })
  @ApiForbiddenResponse({ description: 'NOTIFICATION.OFFICERS_ONLY: the caller is not an officer acting in a role.' })
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Sends an email or SMS to the applicant again (a new message linked to this one): the dossier’s coordinator or the head of its receiving desk. 409 while it is still being sent; 422 for officers’ and webhook messages.',
  })
  @ApiAcceptedResponse({ description: 'The new message, due now: `{ id, resendOf, status: "pending" }`.' })
  async resend(
    @Param('id') id: string,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<ResendResult> {
    const idempotency = idempotentRequest(key, caller.subject, `POST /notifications/${id}/resend`, {});
    return answerCommand(response, await this.resendNotification.execute(id, caller, idempotency));
  }
}
