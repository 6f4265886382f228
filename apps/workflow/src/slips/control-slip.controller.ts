import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { dossierNotFound } from '@motcua/contracts';
import { ApiProblems } from '@motcua/errors';
import { CallerOversight } from '../staff/caller-oversight';
import { ControlSlipQueries } from './control-slip.queries';
import { ControlSlipView } from './control-slip.view';

/** Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over of a dossier between steps, agencies and levels. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/dossiers')
export class ControlSlipController {
  constructor(
    private readonly slips: ControlSlipQueries,
    private readonly oversight: CallerOversight,
  ) {}

  /**
   * For officers of the receiving agency or of an agency that had a step of the dossier, and leaders of an agency
   * above one of those (who see its tasks in their subtree); 404 for anyone else.
   */
  @Get(':code/control-slip')
  @ApiOperation({
    summary: 'Read the dossier’s control slip',
    description:
      'Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over of the dossier between steps, agencies and levels (who gave it, who ' +
      'received it, when, against which deadline, and how each step ended), then what the post did with a result sent by post; with the ' +
      'case’s `version` that the desk’s commands send. For officers of the receiving agency or of an agency that had a step of the ' +
      'dossier, and leaders of an agency above one of those; anyone else gets 404 `DOSSIER.NOT_FOUND`, as for a dossier that does not exist.',
  })
  @ApiParam({ name: 'code', description: 'Mã hồ sơ', example: '004.01.20.H26-261207-0001' })
  @ApiOkResponse({ type: ControlSlipView, description: 'The slip' })
  @ApiProblems('DOSSIER.NOT_FOUND')
  async slip(@Param('code') code: string, @CurrentPrincipal() caller: Principal): Promise<ControlSlipView> {
    const slip = await this.slips.slip(code, caller.kind, await this.oversight.agenciesSeenBy(caller));
    if (!slip) throw dossierNotFound(code, 'see');
    return slip;
  }
}
