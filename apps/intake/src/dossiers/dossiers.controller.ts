import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Role, Roles, canActForAgency } from '@motcua/auth';
import { dossierNotFound } from '@motcua/contracts';
import { ApiProblems, Refusal } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { LookupLimited } from '../lookup/lookup-limited.decorator';
import { LOOKUP_SECRET_HEADER } from '../lookup/lookup-throttler.guard';
import { hashOfSecret } from './applicant-proof';
import { CITIZEN_DOSSIER_VIEW_MODELS, CitizenDossierView } from './citizen-dossier.view';
import { DossierQueries } from './dossier.queries';
import { DOSSIER_VIEW_MODELS, DossierReceiptView, DossierView } from './dossier.view';
import { RECEIPT_PROBLEMS } from './receipt-problems';
import { SubmitDossier } from './submit-dossier';
import { SUBMIT_DOSSIER_EXAMPLES, SubmitDossierRequest } from './submit-dossier.request';
import { SupplementReceipt } from './supplement-receipt.view';
import { SupplyDocuments } from './supply-documents';
import { SupplyDocumentsRequest } from './supply-documents.request';

const DOSSIER_CODE = ApiParam({ name: 'code', description: 'Mã hồ sơ, as printed on the receipt', example: '004.01.20.H26-261207-0001' });

@ApiTags('dossiers')
@ApiExtraModels(DossierView, CitizenDossierView, ...DOSSIER_VIEW_MODELS, ...CITIZEN_DOSSIER_VIEW_MODELS)
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
  @ApiOperation({
    summary: 'Receive a dossier at the desk (tiếp nhận hồ sơ)',
    description:
      'A receiving officer of the desk (Bộ phận Một cửa) receives a complete dossier handed in at the counter (channel 1) or brought by the ' +
      'public post (channel 3, with the pick-up order’s waybill). The catalogue decides whether this desk may receive this procedure from ' +
      'this applicant, that every required document is there and that a result returned by post has an address. The answer is the receipt ' +
      '(giấy tiếp nhận và hẹn trả kết quả): the dossier code, status 2 (accepted), the appointment, and the lookup secret printed for the ' +
      'applicant, shown only here. The officer becomes the dossier’s coordinator (đầu mối). Only for the officer’s own desks. ' +
      'Safe to retry with an `Idempotency-Key`: the same key and body answer the same receipt and receive nothing twice.',
  })
  @ApiBody({ type: SubmitDossierRequest, examples: SUBMIT_DOSSIER_EXAMPLES })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: DossierReceiptView, description: 'Received: the receipt, with the lookup secret' })
  @ApiProblems('DOSSIER.DESK_NOT_YOURS', 'DOSSIER.PICKUP_WAYBILL_NOT_POST', ...RECEIPT_PROBLEMS)
  async submit(
    @Body() request: SubmitDossierRequest,
    @CurrentPrincipal() officer: Principal,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<DossierReceiptView> {
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
  @LookupLimited()
  @ApiOperation({
    summary: 'Look a dossier up (tra cứu hồ sơ)',
    description:
      'An officer of the receiving agency or of the agency processing it now reads the whole record (`Dossier`: applicant, documents, ' +
      'coordinator, current step, status history with the agency of each fact). The applicant reads their own view (`CitizenDossier`: ' +
      'the status in plain words, the appointment, what is asked of them, how the result comes back, no officer and no internal step), ' +
      'with the lookup secret printed on the receipt (`X-Lookup-Secret`) or their citizen token. Anyone else, and a wrong or missing ' +
      'secret, is told the dossier does not exist (404, an attempt counted): whether it exists is not theirs to know.',
  })
  @DOSSIER_CODE
  @ApiOkResponse({
    description: 'The officers’ record (`Dossier`) or the applicant’s view (`CitizenDossier`)',
    schema: { oneOf: [{ $ref: getSchemaPath(DossierView) }, { $ref: getSchemaPath(CitizenDossierView) }] },
  })
  @ApiProblems('DOSSIER.NOT_FOUND', 'LOOKUP.TOO_MANY_ATTEMPTS')
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
  @LookupLimited()
  @ApiOperation({
    summary: 'Supply the documents asked for (bổ sung hồ sơ)',
    description:
      'The applicant brings everything the competent body asked for, at once, while the dossier waits for them (status 5): with the ' +
      'lookup secret printed on the receipt (`X-Lookup-Secret`), their citizen token, or at the counter through a receiving officer or ' +
      'the head of the receiving desk (another officer of that desk is refused 403). Anyone else is told the dossier does not exist. ' +
      'Processing resumes at the step that asked. Safe to retry with an `Idempotency-Key` (remembered per caller, or per secret).',
  })
  @DOSSIER_CODE
  @ApiBody({
    type: SupplyDocumentsRequest,
    examples: {
      supplement: {
        summary: 'Bổ sung giấy chứng sinh',
        value: { documents: [{ code: 'GCS', name: 'Giấy chứng sinh' }], note: 'Bổ sung giấy chứng sinh bản chính' },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: SupplementReceipt, description: 'Taken: processing resumes at the step that asked' })
  @ApiProblems('DOSSIER.NOT_FOUND', 'DOSSIER.DESK_ONLY', 'DOSSIER.NOT_AWAITING_SUPPLEMENT', 'DOSSIER.SUPPLEMENT_INCOMPLETE', 'LOOKUP.TOO_MANY_ATTEMPTS')
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
