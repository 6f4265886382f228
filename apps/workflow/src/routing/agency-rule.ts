/**
 * Who does a step, as written in a process version. Resolved per dossier, because the same procedure is done by
 * the ward or district of wherever the applicant lives, and may be received at any desk of the city.
 */
export type AgencyRule =
  /** The agency whose desk formally received the dossier (e.g. the returning step). */
  | { readonly kind: 'receiving' }
  /** The agency of this kind at this level whose area contains the applicant's area. */
  | { readonly kind: 'competent'; readonly level: string; readonly agencyKind: string }
  /** One named agency, e.g. a city department. */
  | { readonly kind: 'fixed'; readonly agencyCode: string };

export interface StepDefinition {
  readonly number: number;
  readonly name: string;
  readonly agency: AgencyRule;
  readonly role: string;
  /** Time budget in working hours. */
  readonly budgetHours: number;
  readonly actions: readonly string[];
}
