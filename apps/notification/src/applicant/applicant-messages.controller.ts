import { Controller, Get, Headers, Ip, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
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
    summary: 'The messages sent to the applicant about their dossier',
    description:
      'Tra cứu: every email and SMS the suite sent the applicant about their dossier, oldest first, their address masked, with ' +
      'how each went. For the applicant themself: the lookup secret printed on the receipt (`X-Lookup-Secret`), or their citizen ' +
      'token (VNeID) when the dossier is theirs; intake checks either, and its limits on guessing apply here too. A wrong secret ' +
      'and a dossier that does not exist read the same (404); too many wrong guesses are 429 with `Retry-After`; 503 ' +
      '`NOTIFICATION.LOOKUP_UNAVAILABLE` when intake cannot be asked just now.',
  })
  @ApiParam({ name: 'code', description: 'The dossier code printed on the receipt', example: '000.00.01.H26-261126-0001' })
  @ApiHeader({ name: 'X-Lookup-Secret', required: false, description: 'The lookup secret printed on the receipt', example: 'q3Zr8vKx1LmT' })
  @ApiOkResponse({ type: ApplicantMessagesView, description: 'The messages, oldest first.' })
  @ApiProblems('DOSSIER.NOT_FOUND', 'LOOKUP.TOO_MANY_ATTEMPTS', 'NOTIFICATION.LOOKUP_UNAVAILABLE')
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
