import { Controller, Get, Headers, Ip, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { DOSSIER_CODE_PATTERN, dossierNotFound } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';
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
    // a wrong secret and a dossier that does not exist read the same: whether it exists is not the caller's to know
    if (!DOSSIER_CODE_PATTERN.test(code) || (!lookupSecret && !authorization)) throw dossierNotFound(code, 'see');
    let answer;
    try {
      answer = await this.intake.check(code, { lookupSecret, authorization, clientIp });
    } catch {
      throw new Refusal('NOTIFICATION.LOOKUP_UNAVAILABLE', 'the dossier could not be checked just now: try again in a moment');
    }
    if (answer.kind === 'too_many') {
      if (answer.retryAfter) response.header('Retry-After', answer.retryAfter);
      throw new Refusal('LOOKUP.TOO_MANY_ATTEMPTS');
    }
    if (answer.kind === 'not_found') throw dossierNotFound(code, 'see');
    return { dossierCode: code, items: await this.notifications.toApplicant(code) };
  }
}
