import { Module } from '@nestjs/common';
import { DossierEventsHandler } from './dossier-events.handler';
import { ListNotifications } from './list-notifications';
import { NotificationsController } from './notifications.controller';
import { RecordNotifications } from './record-notification';

/** Telling people: the delivery log, and the events that add to it. */
@Module({
  controllers: [NotificationsController, DossierEventsHandler],
  providers: [RecordNotifications, ListNotifications],
})
export class NotificationsModule {}
