import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Role, Roles, canActForAgency } from '@motcua/auth';
import { ProblemDetailsException } from '@motcua/observability';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, fingerprintOf } from '@motcua/persistence';
import { DossierQueries } from './dossier.queries';
import type { DossierView } from './dossier.view';
import { SubmitDossier } from './submit-dossier';
import { SubmitDossierRequest } from './submit-dossier.request';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(
    private readonly submitDossier: SubmitDossier,
    private readonly dossiers: DossierQueries,
  ) {}

  /** A desk officer receives a complete dossier: the response is the receipt (dossier code, status 2). */
  @Post()
  @Roles(Role.Receiver)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe submission: same key and body → same receipt' })
  async submit(
    @Body() request: SubmitDossierRequest,
    @CurrentPrincipal() officer: Principal,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<DossierView> {
    if (officer.kind !== 'officer' || !canActForAgency(officer, request.receivingAgencyCode)) {
      throw new ProblemDetailsException({
        status: HttpStatus.FORBIDDEN,
        code: 'DOSSIER.DESK_NOT_YOURS',
        title: 'You do not work at the receiving desk',
        detail: `Officer ${officer.subject} may not receive dossiers for agency ${request.receivingAgencyCode}`,
        errors: [{ field: 'receivingAgencyCode', code: 'DESK_NOT_YOURS', message: 'not one of your agencies' }],
      });
    }
    const receipt = await this.submitDossier.execute(
      request,
      officer.subject,
      idempotencyKey ? { scope: `${officer.subject} POST /dossiers`, key: idempotencyKey, fingerprint: fingerprintOf(request) } : undefined,
    );
    return answerCommand(response, receipt);
  }

  /** The public record with its history, for an officer of the receiving or the current agency. */
  @Get(':code')
  async show(@Param('code') code: string, @CurrentPrincipal() caller: Principal): Promise<DossierView> {
    const dossier = await this.dossiers.findVisible(code, caller);
    if (!dossier) {
      // 404, not 403: whether a dossier exists is itself not the caller's to know.
      throw new ProblemDetailsException({
        status: HttpStatus.NOT_FOUND,
        code: 'DOSSIER.NOT_FOUND',
        title: 'Dossier not found',
        detail: `No dossier ${code} that you may see`,
      });
    }
    return dossier;
  }
}
