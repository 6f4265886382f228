import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { dossierNotFound } from '@motcua/contracts';
import { CallerOversight } from '../staff/caller-oversight';
import { ControlSlipQueries, type ControlSlipView } from './control-slip.queries';

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
  async slip(@Param('code') code: string, @CurrentPrincipal() caller: Principal): Promise<ControlSlipView> {
    const slip = await this.slips.slip(code, caller.kind, await this.oversight.agenciesSeenBy(caller));
    if (!slip) throw dossierNotFound(code, 'see');
    return slip;
  }
}
