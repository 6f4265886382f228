import { Controller, Get, Headers, Ip, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import type { CommandHttpResponse } from '@motcua/persistence';
import { IntakeLookup } from '@motcua/auth';
import { ApplicantMessagesView } from './applicant-messages.view';
import { NotificationQueries } from '../notifications/notification.queries';

/** Tra cứu: what the suite told the applicant about their dossier, for the applicant themself. */
@ApiTags('applicant')
@Controller('api/v1/dossiers')
export class ApplicantMessagesController {
  constructor(
    private readonly intake: IntakeLookup,
    private readonly notifications: NotificationQueries,
  ) {}

  @Get(':code/messages')
  @Public()
  @ApiOperation({
    summary: 'The messages sent to the applicant about their dossier (email, SMS), with the lookup secret printed on the receipt or their citizen token.',
  })
  @ApiHeader({ name: 'X-Lookup-Secret', required: false, description: 'The secret printed on the receipt' })
  @ApiOkResponse({ type: ApplicantMessagesView })
  async list(
    @Param('code') code: string,
    @Headers('x-lookup-secret') lookupSecret: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Ip() clientIp: string,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<ApplicantMessagesView> {
    await this.intake.ensureApplicant(
      code,
      { lookupSecret, authorization, clientIp },
      { unavailableCode: 'NOTIFICATION.LOOKUP_UNAVAILABLE', retryAfter: (seconds) => response.header('Retry-After', seconds) },
    );
    return { dossierCode: code, items: await this.notifications.toApplicant(code) };
  }
}
