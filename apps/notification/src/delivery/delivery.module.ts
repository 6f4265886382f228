import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { CHANNEL_SENDERS, type ChannelSender } from './channel-sender';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryReadiness } from './delivery-readiness';
import { RecordDeliveryReport } from './delivery-reports';
import { DeliveryStore } from './delivery.store';
import { DispatchNotifications } from './dispatch-notifications';

/** A channel: the module that provides (and exports) its adapter, and the adapter's class. */
export interface DeliveryChannelModule {
  readonly module: Type;
  readonly sender: Type<ChannelSender>;
}

const DELIVERY = [DeliveryStore, DeliveryMetrics, DispatchNotifications, DeliveryReadiness, RecordDeliveryReport];

/**
 * Delivery: the dispatcher over the channels' adapters, delivery reports, their metrics and readiness. The
 * channels' modules (email, SMS, webhooks) provide the adapters; `forChannels` lists them, the one place a
 * channel is added.
 */
@Module({})
export class DeliveryModule {
  static forChannels(channels: readonly DeliveryChannelModule[]): DynamicModule {
    return {
      module: DeliveryModule,
      global: true,
      imports: channels.map((c) => c.module),
      providers: [...DELIVERY, { provide: CHANNEL_SENDERS, useFactory: (...senders: ChannelSender[]) => senders, inject: channels.map((c) => c.sender) }],
      exports: DELIVERY,
    };
  }
}
