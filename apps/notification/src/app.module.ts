import { Module } from '@nestjs/common';
import { AuthModule } from '@motcua/auth';
import { MessagingModule, MessagingReadiness } from '@motcua/messaging';
import { ObservabilityModule } from '@motcua/observability';
import { PersistenceModule } from '@motcua/persistence';
import { entities, migrations } from './database';
import { ApplicantModule } from './applicant/applicant.module';
import { DeliveryReadiness } from './delivery/delivery-readiness';
import { DeliveryModule } from './delivery/delivery.module';
import { EmailModule } from './email/email.module';
import { SmtpSender } from './email/smtp.sender';
import { InboxModule } from './inbox/inbox.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhookSender } from './webhooks/webhook.sender';
import { WebhooksModule } from './webhooks/webhooks.module';
import { SmsGatewaySender } from './sms/sms-gateway.sender';
import { SmsModule } from './sms/sms.module';

export const SERVICE = 'notification';

@Module({
  imports: [
    PersistenceModule.forService({ service: SERVICE, entities, migrations }),
    // Notification tells people about what happens to dossiers: intake's receipt and, later, every workflow step.
    MessagingModule.forService({ service: SERVICE }),
    AuthModule.forRoot(),
    ObservabilityModule.forService({ service: SERVICE, readinessChecks: [MessagingReadiness, DeliveryReadiness] }),
    // the channels, each behind its adapter: the one list of them
    DeliveryModule.forChannels([
      { module: EmailModule, sender: SmtpSender },
      { module: SmsModule, sender: SmsGatewaySender },
      { module: WebhooksModule, sender: WebhookSender },
    ]),
    NotificationsModule,
    InboxModule,
    ApplicantModule,
  ],
})
export class AppModule {}
