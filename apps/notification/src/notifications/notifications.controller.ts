import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@motcua/auth';
import { ListNotificationsRequest } from './list-notifications.request';
import { ListNotifications } from './list-notifications';
import { NotificationPage } from './notification.view';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly listNotifications: ListNotifications) {}

  @Get()
  // Any officer may read a dossier's delivery log: the desk answers "were you told?" whoever holds the dossier.
  @Roles(...Object.values(Role))
  @ApiOperation({ summary: "A dossier's delivery log: every message sent (or to be sent) about it, oldest first." })
  @ApiOkResponse({ type: NotificationPage })
  list(@Query() request: ListNotificationsRequest): Promise<NotificationPage> {
    return this.listNotifications.execute(request);
  }
}
