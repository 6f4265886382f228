import { type Principal, Role, isRole } from '@motcua/auth';

/** Roles that head an agency's work: they may assign or take back its tasks and see whom its tasks are with. */
export const HEAD_ROLES: readonly string[] = [Role.HeadOfDesk, Role.Leader, Role.DivisionHead];

/** A role an officer holds at an agency, as the organisation records it, and whether they are at work. */
export interface RoleAtAgency {
  readonly agencyCode: string;
  readonly role: string;
  readonly active: boolean;
}

/**
 * What an officer may see and oversee, by the one rule `rolesInForce`: an agency is theirs where a role is in force
 * for them there (the record gives it and their token too; at work or on leave: they read their agency's work); they
 * head it only with a head role in force there while at work.
 */
export interface Oversight {
  /** The agencies where a role is in force for them: their queues and their own tasks. */
  readonly member: readonly string[];
  /** Of those, the agencies they head (head of desk, leader, division head) while at work: whom the tasks are with, statistics. */
  readonly heads: readonly string[];
  /** Of those, the agencies they lead (leader): a leader also sees the agencies under them. */
  readonly leads: readonly string[];
}

/**
 * The one rule for what an officer may do at an agency, for every command and every read: the roles the
 * organisation's record gives them there that their token also gives, at an agency among the token's. The token
 * narrows (a token issued for the desk only is not a specialist's), the record confirms (a role or an agency
 * written into a token is nothing the organisation did not give). A citizen or a machine holds no officer's role.
 */
export function rolesInForce(caller: Principal, agencyCode: string, recorded: readonly string[]): Role[] {
  if (caller.kind !== 'officer' || !caller.agencies.includes(agencyCode)) return [];
  return [...new Set(recorded.filter((role): role is Role => isRole(role) && caller.roles.includes(role)))];
}

export function oversightOf(caller: Principal, roles: readonly RoleAtAgency[]): Oversight {
  if (caller.kind !== 'officer') return { member: [], heads: [], leads: [] };
  const agenciesOf = (held: readonly RoleAtAgency[]) => [...new Set(held.map((r) => r.agencyCode))];
  const inForce = roles.filter((r) => rolesInForce(caller, r.agencyCode, [r.role]).length > 0);
  const atWork = inForce.filter((r) => r.active);
  return {
    member: caller.agencies.filter((code) => inForce.some((r) => r.agencyCode === code)),
    heads: agenciesOf(atWork.filter((r) => HEAD_ROLES.includes(r.role))),
    leads: agenciesOf(atWork.filter((r) => r.role === Role.Leader)),
  };
}
