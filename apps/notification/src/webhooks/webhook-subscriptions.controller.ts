import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Role, Roles } from '@motcua/auth';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { CreateWebhookSubscription } from './create-webhook-subscription';
import { DeactivateWebhookSubscription } from './deactivate-webhook-subscription';
import { EnableWebhookSubscription } from './enable-webhook-subscription';
import { webhookSubscriptionNotFound } from './webhook-subscription-not-found';
import { WebhookSubscriptionQueries } from './webhook-subscription.queries';
import { CreateWebhookSubscriptionRequest, ListWebhookSubscriptionsRequest } from './webhook-subscription.request';
import { CreatedWebhookSubscription, WebhookSubscriptionPage, WebhookSubscriptionView } from './webhook-subscription.view';

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
  @ApiOperation({ summary: "Subscribes a system to an agency's dossier events; answers the signing secret, this once." })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: CreatedWebhookSubscription })
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
  @ApiOperation({ summary: 'The subscriptions, of one agency or all, oldest first, a page at a time.' })
  @ApiOkResponse({ type: WebhookSubscriptionPage })
  list(@Query() request: ListWebhookSubscriptionsRequest): Promise<WebhookSubscriptionPage> {
    return this.queries.list({ agencyCode: request.agencyCode, limit: request.limit, cursor: request.cursor });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A subscription, with its failures and why it was disabled, if it was.' })
  @ApiOkResponse({ type: WebhookSubscriptionView })
  async one(@Param('id') id: string): Promise<WebhookSubscriptionView> {
    const found = await this.queries.one(id);
    if (!found) throw webhookSubscriptionNotFound(id);
    return found;
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivates a subscription: nothing more is sent to it. Repeating it changes nothing.' })
  @ApiOkResponse({ type: WebhookSubscriptionView })
  remove(@Param('id') id: string): Promise<WebhookSubscriptionView> {
    return this.deactivate.execute(id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enables a disabled or deactivated subscription again, its failure count reset.' })
  @ApiOkResponse({ type: WebhookSubscriptionView })
  reenable(@Param('id') id: string): Promise<WebhookSubscriptionView> {
    return this.enable.execute(id);
  }
}
