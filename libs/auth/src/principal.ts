/** The roles of the one-stop process (architecture §4): who may act on which step. */
export enum Role {
  /** Cán bộ tiếp nhận: receives dossiers at the desk. */
  Receiver = 'receiver',
  /** Trưởng bộ phận một cửa. */
  HeadOfDesk = 'head_of_desk',
  /** Lãnh đạo cơ quan: approves and signs. */
  Leader = 'leader',
  /** Trưởng phòng chuyên môn: assigns within the division. */
  DivisionHead = 'division_head',
  /** Chuyên viên xử lý. */
  Specialist = 'specialist',
  /** Văn thư: issues numbers and seals. */
  Clerk = 'clerk',
  /** Cán bộ trả kết quả. */
  Returner = 'returner',
  Admin = 'admin',
}

const KNOWN_ROLES = new Set<string>(Object.values(Role));

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN_ROLES.has(value);
}

export type PrincipalKind = 'officer' | 'citizen' | 'machine';
export const PRINCIPAL_KINDS: readonly PrincipalKind[] = ['officer', 'citizen', 'machine'];

/** Who is calling, as the verified token says: subject, kind, roles, agencies (electronic codes), scopes. */
export interface Principal {
  subject: string;
  kind: PrincipalKind;
  roles: Role[];
  /** Electronic identifier codes of the agencies the officer works for (e.g. `000.00.01.H26`). */
  agencies: string[];
  scopes: string[];
}

/**
 * Whether the caller may act for `agencyCode`: a member of it, or of one of its ancestors (a leader of a parent
 * agency sees the subtree). The hierarchy is workflow's data, so the caller passes the ancestors it knows.
 */
export function canActForAgency(p: Principal, agencyCode: string, ancestorCodes: readonly string[] = []): boolean {
  return p.agencies.includes(agencyCode) || ancestorCodes.some((code) => p.agencies.includes(code));
}

/**
 * An officer acting in some role: the kind says officer and the token gives at least one role of the process. A
 * token that gives none reads and does nothing (services without the staff record have only the token to go by).
 */
export function isOfficerInRole(p: Principal): boolean {
  return p.kind === 'officer' && p.roles.some(isRole);
}

/** Any of the roles. */
export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return roles.some((role) => p.roles.includes(role));
}

/** All of the scopes. */
export function hasScopes(p: Principal, ...scopes: string[]): boolean {
  return scopes.every((scope) => p.scopes.includes(scope));
}
