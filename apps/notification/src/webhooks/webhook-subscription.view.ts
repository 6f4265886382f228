import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import { type WebhookSubscriptionRecord, type WebhookSubscriptionStatus, subscriptionStatus } from './webhook-subscription';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

const at = (date: Date | null): string | null => (date ? toVietnamIso(date) : null);

/** A subscription as administrators read it: never its secret. Times in Vietnam with their offset. */
@ApiSchema({ name: 'WebhookSubscription', description: 'A system subscribed to an agency’s dossier events (never its secret)' })
export class WebhookSubscriptionView {
  @ApiProperty({ format: 'uuid', example: '0193b2a0-7d1e-7f20-8a31-b4c5d6e7f809' })
  id: string;

  @ApiProperty({ example: '000.00.01.H26' })
  agencyCode: string;

  @ApiProperty({ example: 'https://doi-tac.example.vn/motcua/webhook' })
  url: string;

  @ApiProperty({
    type: [String],
    enum: [...WEBHOOK_EVENT_TYPES],
    description: 'The event types it receives; empty: every type offered.',
    example: ['intake.dossier.accepted', 'workflow.supplement.requested'],
  })
  events: string[];

  @ApiProperty({
    enum: ['active', 'disabled', 'deactivated'],
    description: 'active: receives; disabled: given up on after sustained failure (see disabledReason; POST …/enable); deactivated: deleted.',
    example: 'active',
  })
  status: WebhookSubscriptionStatus;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:05:00.000+07:00' })
  createdAt: string;

  @ApiProperty({ description: 'The administrator who created it (token subject).', example: 'quan-tri-so-tu-phap' })
  createdBy: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Failed deliveries in a row (0 after a success or an enable).', example: 0 })
  consecutiveFailures: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a delivery last failed.', example: null })
  lastFailureAt: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The last failure: the receiver's status and answer, or what kept it from answering.",
    example: null,
  })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When delivery was given up on; null while it is not.', example: null })
  disabledAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why delivery stopped (Vietnamese), with the last failure.', example: null })
  disabledReason: string | null;
}

/** The answer to a create: the view and, this once, the secret deliveries are signed with. */
@ApiSchema({ name: 'CreatedWebhookSubscription', description: 'A new subscription, with the secret its deliveries are signed with (shown this once)' })
export class CreatedWebhookSubscription extends WebhookSubscriptionView {
  @ApiProperty({
    description: 'The HMAC-SHA256 key of X-MotCua-Signature. Shown only now: keep it; it is never returned again.',
    example: 'whsec_Qm9uIGNvdXJhZ2UsIG5naOG7iyBs4buxYyBraMO0bmcgbmfhu6tuZw',
  })
  secret: string;
}

@ApiSchema({ name: 'WebhookSubscriptionPage', description: 'A page of webhook subscriptions, oldest first' })
export class WebhookSubscriptionPage {
  @ApiProperty({ type: [WebhookSubscriptionView] })
  items: WebhookSubscriptionView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.', example: null })
  nextCursor: string | null;
}

export function toWebhookSubscriptionView(s: WebhookSubscriptionRecord): WebhookSubscriptionView {
  return {
    id: s.id,
    agencyCode: s.agencyCode,
    url: s.url,
    events: s.events,
    status: subscriptionStatus(s),
    createdAt: toVietnamIso(s.createdAt),
    createdBy: s.createdBy,
    consecutiveFailures: s.consecutiveFailures,
    lastFailureAt: at(s.lastFailureAt),
    lastError: s.lastError,
    disabledAt: at(s.disabledAt),
    disabledReason: s.disabledReason,
  };
}
