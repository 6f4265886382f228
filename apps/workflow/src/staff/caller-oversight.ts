import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { Catalogue } from '../catalogue/catalogue';
import { type Oversight, oversightOf } from './oversight';
import { StaffStore } from './staff.store';

/**
 * An officer's oversight (`oversightOf`) from the organisation's record of them as it is at the call: a role
 * taken away or a leave counts at once, whatever the token still says.
 */
@Injectable()
export class CallerOversight {
  constructor(
    private readonly staff: StaffStore,
    private readonly catalogue: Catalogue,
  ) {}

  async of(caller: Principal): Promise<Oversight> {
    // A token that names no agency (or a citizen's, a machine's) gives nothing to confirm: no need to ask.
    const roles = caller.kind === 'officer' && caller.agencies.length > 0 ? await this.staff.rolesIn(caller.subject, caller.agencies) : [];
    return oversightOf(caller, roles);
  }

  /** The agencies a leader sees besides their own: every agency under one they lead (with those they lead). */
  underLeadership(oversight: Oversight): string[] {
    return this.catalogue.withDescendants(oversight.leads);
  }

  /**
   * The agencies whose tasks and dossiers the caller may see: their own, and every agency under one they lead
   * (a district committee's leader sees its wards' tasks).
   */
  async agenciesSeenBy(caller: Principal): Promise<string[]> {
    const oversight = await this.of(caller);
    return [...new Set([...oversight.member, ...this.underLeadership(oversight)])];
  }

  /** The agencies whose figures the caller may read: those they head, and every agency under one they lead. */
  async agenciesReportingTo(caller: Principal): Promise<string[]> {
    const oversight = await this.of(caller);
    return [...new Set([...oversight.heads, ...this.underLeadership(oversight)])];
  }
}
