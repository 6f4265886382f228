/**
 * Who does a step, as written in a process version. Resolved per dossier, because the same procedure is done by
 * the ward or district of wherever the applicant lives, and may be received at any desk of the city.
 */
export type AgencyRule =
  /** The agency whose desk formally received the dossier (e.g. the returning step). */
  | { readonly kind: 'receiving' }
  /**
   * The agency of this kind at this level whose area contains the applicant's area. Several kinds where units
   * that do the same work are named differently by area (a quận's urban management division, a huyện's economy
   * and infrastructure division): an area has only one of them.
   */
  | { readonly kind: 'competent'; readonly level: string; readonly agencyKind: AgencyKinds }
  /** One named agency, e.g. a city department. */
  | { readonly kind: 'fixed'; readonly agencyCode: string };

export type AgencyKinds = string | readonly string[];

/** Whether an agency's kind is one the rule names. */
export const isOfKind = (kinds: AgencyKinds, kind: string): boolean => (typeof kinds === 'string' ? kinds === kind : kinds.includes(kind));

export interface StepDefinition {
  readonly number: number;
  readonly name: string;
  readonly agency: AgencyRule;
  readonly role: string;
  /** Time budget in working hours. */
  readonly budgetHours: number;
  readonly actions: readonly string[];
  /**
   * How the task gets its owner: claimed from the agency's queue (the default), or given at once to the
   * eligible active officer with the fewest open tasks.
   */
  readonly assignment?: 'claim' | 'least_loaded';
}
