import { Module } from '@nestjs/common';
import { DossierEventsHandler } from './dossier-events.handler';
import { NotificationQueries } from './notification.queries';
import { NotificationStore } from './notification.store';
import { NotificationsController } from './notifications.controller';
import { RecordNotifications } from './record-notification';

/** Telling people: the delivery log, and the events that add to it. */
@Module({
  controllers: [NotificationsController, DossierEventsHandler],
  providers: [RecordNotifications, NotificationStore, NotificationQueries],
  exports: [NotificationQueries],
})
export class NotificationsModule {}
