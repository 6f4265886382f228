import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DossierEventsHandler } from './dossier-events.handler';
import { NotificationQueries } from './notification.queries';
import { NotificationStore } from './notification.store';
import { NotificationsController } from './notifications.controller';
import { RecordNotifications } from './record-notification';
import { ResendNotification } from './resend-notification';
import { ShipmentEventsHandler } from './shipment-events.handler';
import { ApplicantContactStore } from './applicant-contact.store';
import { TellApplicant } from './tell-applicant';
import { TemplateCatalogue } from './templates/template-catalogue';
import { TemplatesController } from './templates/templates.controller';

/** Telling people: the delivery log, the events that add to it (dossiers' and the post's; for people, and for agencies' subscribed systems), the applicants' records and the templates. */
@Module({
  imports: [WebhooksModule],
  controllers: [NotificationsController, TemplatesController, DossierEventsHandler, ShipmentEventsHandler],
  providers: [
    RecordNotifications,
    ResendNotification,
    TellApplicant,
    NotificationStore,
    ApplicantContactStore,
    NotificationQueries,
    { provide: TemplateCatalogue, useFactory: () => new TemplateCatalogue() },
  ],
  exports: [NotificationQueries],
})
export class NotificationsModule {}
