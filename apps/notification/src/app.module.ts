import { Module } from '@nestjs/common';
import { AuthModule } from '@motcua/auth';
import { MessagingModule, MessagingReadiness } from '@motcua/messaging';
import { ObservabilityModule } from '@motcua/observability';
import { PersistenceModule } from '@motcua/persistence';
import { entities, migrations } from './database';
import { DeliveryReadiness } from './delivery/delivery-readiness';
import { DeliveryModule } from './delivery/delivery.module';
import { NotificationsModule } from './notifications/notifications.module';
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
    DeliveryModule.forChannels([{ module: SmsModule, sender: SmsGatewaySender }]),
    NotificationsModule,
  ],
})
export class AppModule {}
