import type { PrincipalKind } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import type { Oversight } from '../staff/oversight';

/** What a task list asks for that decides whose tasks it may hold. */
export interface TaskListFilters {
  readonly scope: 'own' | 'subtree';
  readonly agency?: string;
  readonly owner: 'none' | 'me' | 'any' | 'all';
  readonly status: 'open' | 'done';
}

/**
 * The agencies whose tasks an officer's list may hold, or why it may not be listed: their own agencies, and (with
 * scope=subtree) every agency under one they lead (`led`); one of those when `agency` names it; and for owner=all
 * on open tasks only the agencies they head or lead, since whom a task is with is the head's to see.
 */
export function agenciesToList(callerKind: PrincipalKind, filters: TaskListFilters, oversight: Oversight, led: readonly string[]): string[] | Refusal {
  if (callerKind !== 'officer') {
    return new Refusal('TASK.OFFICERS_ONLY');
  }
  if (filters.scope === 'subtree' && led.length === 0) {
    return new Refusal('TASK.SUBTREE_FOR_LEADERS', undefined, [
      { field: 'scope', code: 'SUBTREE_FOR_LEADERS', message: 'scope=subtree needs the leader role at one of your agencies' },
    ]);
  }
  const inScope = filters.scope === 'subtree' ? [...new Set([...oversight.member, ...led])] : [...oversight.member];
  if (filters.agency !== undefined && !inScope.includes(filters.agency)) {
    return new Refusal('TASK.AGENCY_NOT_YOURS', undefined, [{ field: 'agency', code: 'AGENCY_NOT_YOURS', message: `you do not work at ${filters.agency}` }]);
  }
  const agencies = filters.agency ? [filters.agency] : inScope;
  // whom open tasks are with (a list of done tasks is the caller's own, whatever owner says)
  if (filters.owner !== 'all' || filters.status !== 'open') {
    return agencies;
  }
  // at the agencies the caller heads, and (for a leader) those under the ones they lead; others left out
  const headed = new Set([...oversight.heads, ...led]);
  const overseen = agencies.filter((code) => headed.has(code));
  if (overseen.length === 0) {
    return new Refusal('TASK.ALL_FOR_HEADS', undefined, [
      { field: 'owner', code: 'ALL_FOR_HEADS', message: 'owner=all needs a head role (head_of_desk, division_head, leader) at the agency' },
    ]);
  }
  return overseen;
}
