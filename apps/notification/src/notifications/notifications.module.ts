import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DossierEventsHandler } from './dossier-events.handler';
import { NotificationQueries } from './notification.queries';
import { NotificationStore } from './notification.store';
import { NotificationsController } from './notifications.controller';
import { RecordNotifications } from './record-notification';

/** Telling people: the delivery log, and the events that add to it (for people, and for agencies' subscribed systems). */
@Module({
  imports: [WebhooksModule],
  controllers: [NotificationsController, DossierEventsHandler],
  providers: [RecordNotifications, NotificationStore, NotificationQueries],
})
export class NotificationsModule {}
