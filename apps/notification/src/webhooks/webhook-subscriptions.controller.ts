import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Role, Roles } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { CreateWebhookSubscription } from './create-webhook-subscription';
import { DeactivateWebhookSubscription } from './deactivate-webhook-subscription';
import { EnableWebhookSubscription } from './enable-webhook-subscription';
import { webhookSubscriptionNotFound } from './webhook-subscription-not-found';
import { WebhookSubscriptionQueries } from './webhook-subscription.queries';
import { CreateWebhookSubscriptionRequest, ListWebhookSubscriptionsRequest } from './webhook-subscription.request';
import { CreatedWebhookSubscription, WebhookSubscriptionPage, WebhookSubscriptionView } from './webhook-subscription.view';

/** The `:id` of a subscription (an id that names none is 404 `WEBHOOK.NOT_FOUND`). */
const SubscriptionId = () => ApiParam({ name: 'id', description: 'The subscription’s id', example: '0193b2a0-7d1e-7f20-8a31-b4c5d6e7f809' });

/** Agencies' systems subscribed to their dossier events (docs/webhooks.md), as administrators keep them. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('api/v1/webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    private readonly queries: WebhookSubscriptionQueries,
    private readonly create: CreateWebhookSubscription,
    private readonly deactivate: DeactivateWebhookSubscription,
    private readonly enable: EnableWebhookSubscription,
  ) {}

  @Post()
  @ApiOperation({
    summary: "Subscribes a system to an agency's dossier events",
    description:
      'An agency’s own system (its document-management or e-office software) receives the agency’s dossier events as signed ' +
      'HTTPS POSTs (docs/webhooks.md). For administrators. The answer carries the signing secret (`X-MotCua-Signature`), this ' +
      'once: it is never shown again. Safe to retry with an `Idempotency-Key`: the same key answers the same subscription, its ' +
      'secret included, and makes none more.',
  })
  @ApiIdempotencyKey()
  @ApiBody({
    type: CreateWebhookSubscriptionRequest,
    examples: {
      someEvents: {
        summary: 'Phần mềm quản lý văn bản của Sở Tư pháp nhận sự kiện tiếp nhận hồ sơ và yêu cầu bổ sung',
        value: {
          agencyCode: '000.00.01.H26',
          url: 'https://qlvb.sotuphap.hanoi.gov.vn/motcua/webhook',
          events: ['intake.dossier.accepted', 'workflow.supplement.requested'],
        },
      },
      allEvents: {
        summary: 'Nhận mọi loại sự kiện được cung cấp',
        value: { agencyCode: '000.00.01.H26', url: 'https://doi-tac.example.vn/motcua/webhook' },
      },
    },
  })
  @ApiCreatedResponse({ type: CreatedWebhookSubscription, description: 'The subscription, active, with its secret (this once).' })
  @ApiProblems('WEBHOOK.URL_INVALID', 'WEBHOOK.EVENT_UNKNOWN')
  async subscribe(
    @Body() request: CreateWebhookSubscriptionRequest,
    @CurrentPrincipal() admin: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CreatedWebhookSubscription> {
    const idempotency = idempotentRequest(key, admin.subject, 'POST /webhook-subscriptions', request);
    return answerCommand(response, await this.create.execute(request, admin, idempotency));
  }

  @Get()
  @ApiOperation({
    summary: 'The subscriptions, of one agency or all',
    description:
      'Oldest first, never their secrets. For administrators. A page at a time: `limit` (1–100, 20 by default), then the ' +
      'answer’s `nextCursor` as `cursor` for the next page, until it is null.',
  })
  @ApiOkResponse({ type: WebhookSubscriptionPage, description: 'A page of subscriptions.' })
  list(@Query() request: ListWebhookSubscriptionsRequest): Promise<WebhookSubscriptionPage> {
    return this.queries.list({ agencyCode: request.agencyCode, limit: request.limit, cursor: request.cursor });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One subscription',
    description: 'With its failures in a row, its last error and, when delivery stopped, when and why. Never its secret. For administrators.',
  })
  @SubscriptionId()
  @ApiOkResponse({ type: WebhookSubscriptionView, description: 'The subscription.' })
  @ApiProblems('WEBHOOK.NOT_FOUND')
  async one(@Param('id') id: string): Promise<WebhookSubscriptionView> {
    const found = await this.queries.one(id);
    if (!found) throw webhookSubscriptionNotFound(id);
    return found;
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivates a subscription',
    description:
      'Nothing more is sent to it: no event is recorded for it any more, and what was still pending fails when its turn comes. It ' +
      'is kept, not erased (its deliveries stay in the log and name it), and can be enabled again. Repeating it changes nothing. ' +
      'For administrators.',
  })
  @SubscriptionId()
  @ApiOkResponse({ type: WebhookSubscriptionView, description: 'The subscription, deactivated.' })
  @ApiProblems('WEBHOOK.NOT_FOUND')
  remove(@Param('id') id: string): Promise<WebhookSubscriptionView> {
    return this.deactivate.execute(id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Enables a subscription again',
    description:
      'The receiver repaired, a subscription disabled after sustained failure (or deactivated) receives the next events, its ' +
      'failure count reset; deliveries that failed while it was disabled are not sent again. Repeating it changes nothing. For ' +
      'administrators.',
  })
  @SubscriptionId()
  @ApiOkResponse({ type: WebhookSubscriptionView, description: 'The subscription, active.' })
  @ApiProblems('WEBHOOK.NOT_FOUND')
  reenable(@Param('id') id: string): Promise<WebhookSubscriptionView> {
    return this.enable.execute(id);
  }
}
