import { Body, Controller, Get, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Role, Roles, canActForAgency } from '@motcua/auth';
import { dossierNotFound } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { LOOKUP_SECRET_HEADER, LookupThrottlerGuard } from '../lookup/lookup-throttler.guard';
import { hashOfSecret } from './applicant-proof';
import type { CitizenDossierView } from './citizen-dossier.view';
import { DossierQueries } from './dossier.queries';
import type { DossierView } from './dossier.view';
import { SubmitDossier } from './submit-dossier';
import { SubmitDossierRequest } from './submit-dossier.request';
import { type SupplementReceipt, SupplyDocuments } from './supply-documents';
import { SupplyDocumentsRequest } from './supply-documents.request';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(
    private readonly submitDossier: SubmitDossier,
    private readonly dossiers: DossierQueries,
    private readonly supplyDocuments: SupplyDocuments,
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
  ): Promise<DossierView & { lookupSecret: string }> {
    if (officer.kind !== 'officer' || !canActForAgency(officer, request.receivingAgencyCode)) {
      throw new Refusal('DOSSIER.DESK_NOT_YOURS', `Officer ${officer.subject} may not receive dossiers for agency ${request.receivingAgencyCode}`, [
        { field: 'receivingAgencyCode', code: 'DESK_NOT_YOURS', message: 'not one of your agencies' },
      ]);
    }
    const receipt = await this.submitDossier.execute(request, officer.subject, idempotentRequest(idempotencyKey, officer.subject, 'POST /dossiers', request));
    return answerCommand(response, receipt);
  }

  /**
   * The public record with its history, for an officer of the receiving or the current agency; tra cứu hồ sơ: the
   * citizen's view for the applicant, with the lookup secret printed on the receipt (`X-Lookup-Secret`) or their
   * own citizen token. A wrong or missing secret is a dossier that does not exist (and an attempt counted).
   */
  @Get(':code')
  @Public()
  @UseGuards(LookupThrottlerGuard)
  @ApiHeader({ name: 'X-Lookup-Secret', required: false, description: 'The secret printed on the receipt' })
  async show(
    @Param('code') code: string,
    @CurrentPrincipal() caller: Principal | undefined,
    @Headers(LOOKUP_SECRET_HEADER) lookupSecret: string | undefined,
  ): Promise<DossierView | CitizenDossierView> {
    const dossier =
      (caller?.kind === 'officer' ? await this.dossiers.findVisible(code, caller) : null) ??
      (await this.dossiers.findForApplicant(code, { principal: caller, lookupSecret }));
    if (!dossier) {
      // 404, not 403: whether a dossier exists is itself not the caller's to know.
      throw dossierNotFound(code, 'see');
    }
    return dossier;
  }

  /**
   * The applicant supplies what was asked for (status 5): with the lookup secret printed on the receipt
   * (`X-Lookup-Secret`), their own citizen token, or at the counter through an officer of the receiving desk.
   * Anyone else gets 404.
   */
  @Post(':code/supplements')
  @Public()
  @UseGuards(LookupThrottlerGuard)
  @ApiHeader({ name: 'X-Lookup-Secret', required: false, description: 'The secret printed on the receipt' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async supply(
    @Param('code') code: string,
    @Body() request: SupplyDocumentsRequest,
    @CurrentPrincipal() caller: Principal | undefined,
    @Headers(LOOKUP_SECRET_HEADER) lookupSecret: string | undefined,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<SupplementReceipt> {
    // a retry is recognised per caller (or per secret, never in clear)
    const who = caller?.subject ?? `secret:${hashOfSecret(lookupSecret ?? '').slice(0, 16)}`;
    const result = await this.supplyDocuments.execute(
      code,
      request,
      { principal: caller, lookupSecret },
      idempotentRequest(idempotencyKey, who, `POST /dossiers/${code}/supplements`, request),
    );
    return answerCommand(response, result);
  }
}
