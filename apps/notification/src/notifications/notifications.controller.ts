import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, isOfficerInRole } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { ListNotificationsRequest } from './list-notifications.request';
import { NotificationQueries } from './notification.queries';
import { NotificationPage } from './notification.view';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueries) {}

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
}
