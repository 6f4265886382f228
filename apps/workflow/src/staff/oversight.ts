import { type Principal, Role, isRole } from '@motcua/auth';

/** Roles that head an agency's work: they may assign or take back its tasks and see whom its tasks are with. */
export const HEAD_ROLES: readonly string[] = [Role.HeadOfDesk, Role.Leader, Role.DivisionHead];

/** A role an officer holds at an agency, as the organisation records it. */
export interface RoleAtAgency {
  readonly agencyCode: string;
  readonly role: string;
}

/**
 * What an officer oversees beyond their own work. A role counts at an agency only where both the organisation's
 * record (while the officer is at work) and their token give it, and the agency is one of the token's: the leader
 * of one agency who is a specialist at another heads only the first, and a token's role is not a role everywhere.
 */
export interface Oversight {
  /** The officer's agencies (their token's): their queues and their own tasks. */
  readonly member: readonly string[];
  /** Of those, the agencies they head (head of desk, leader, division head): whom the tasks are with, statistics. */
  readonly heads: readonly string[];
  /** Of those, the agencies they lead (leader): a leader also sees the agencies under them. */
  readonly leads: readonly string[];
}

export function oversightOf(caller: Principal, roles: readonly RoleAtAgency[]): Oversight {
  if (caller.kind !== 'officer') return { member: [], heads: [], leads: [] };
  const heldAmong = (kinds: readonly string[]) => [
    ...new Set(
      roles
        .filter((r) => kinds.includes(r.role) && isRole(r.role) && caller.roles.includes(r.role) && caller.agencies.includes(r.agencyCode))
        .map((r) => r.agencyCode),
    ),
  ];
  return { member: caller.agencies, heads: heldAmong(HEAD_ROLES), leads: heldAmong([Role.Leader]) };
}
