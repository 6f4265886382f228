import { type AgencyKinds, type StepDefinition, isOfKind } from './agency-rule';
import { type Directory, type DirectoryAgency, type Resolution, type RoutingContext, areaPath, resolveStepAgency } from './resolve-step-agency';

/**
 * Which one-stop desks may formally receive a procedure's dossiers. A procedure lists one or more; a desk that
 * matches any of them may receive.
 */
export type DeskRule =
  /** The desk of the agency of this kind at this level whose area contains the applicant's (the usual rule). */
  | { readonly kind: 'competent'; readonly level: string; readonly agencyKind: AgencyKinds }
  /** Any desk of this kind at this level in the city, wherever the applicant lives (tiếp nhận không phụ thuộc địa giới). */
  | { readonly kind: 'any'; readonly level: string; readonly agencyKind: AgencyKinds }
  /** One named desk, e.g. a city department's. */
  | { readonly kind: 'fixed'; readonly agencyCode: string };

/** A document of the procedure's dossier (thành phần hồ sơ). */
export interface ProcedureDocument {
  readonly code: string;
  readonly name: string;
  /** Required in every dossier; optional ones depend on the case (e.g. a power of attorney). */
  readonly required: boolean;
  readonly copies: number;
}

export type LegalTimeUnit = 'working_hours' | 'working_days' | 'calendar_days';

/** A procedure as the desks need it: whether, where and how a dossier may be received, and its process in force. */
export interface ProcedureRules {
  readonly code: string;
  readonly active: boolean;
  /** SubmissionChannel values (1 in person, 2 online, 3 post). */
  readonly channels: readonly number[];
  readonly desks: readonly DeskRule[];
  readonly documents: readonly ProcedureDocument[];
  readonly steps: readonly StepDefinition[];
}

const inForceOn = (agency: DirectoryAgency, onDate: string) => agency.validFrom <= onDate && (agency.validTo === null || onDate <= agency.validTo);

/**
 * Whether a desk may receive a dossier of this procedure from an applicant of that area. Pure: the organisation
 * is passed in. A `competent` rule is answered by routing, so desks and processing agree on who is competent.
 */
export function mayReceive(
  desks: readonly DeskRule[],
  desk: DirectoryAgency & { readonly hasDesk: boolean },
  context: RoutingContext,
  directory: Directory,
): boolean {
  return receivingDesks(desks, context, directory)(desk);
}

/**
 * The same question for many desks at once (which desks of the city may receive this applicant's dossier): the
 * competent units are resolved once, then each desk is a few comparisons.
 */
export function receivingDesks(
  desks: readonly DeskRule[],
  context: RoutingContext,
  directory: Directory,
): (desk: DirectoryAgency & { readonly hasDesk: boolean }) => boolean {
  const competent = new Set(
    desks.flatMap((rule) => {
      if (rule.kind !== 'competent') return [];
      const resolution = resolveStepAgency({ kind: 'competent', level: rule.level, agencyKind: rule.agencyKind }, context, directory);
      return resolution.ok ? [resolution.agencyCode] : [];
    }),
  );
  const applicantRoot = rootOf(context.applicantAreaCode, directory);
  return (desk) => {
    if (!desk.hasDesk || !inForceOn(desk, context.onDate)) return false;
    return desks.some((rule) => {
      switch (rule.kind) {
        case 'fixed':
          return rule.agencyCode === desk.code;
        case 'competent':
          return competent.has(desk.code);
        case 'any':
          // anywhere in the city: the desk's area lies under the same top-level area as the applicant's
          return (
            desk.level === rule.level &&
            isOfKind(rule.agencyKind, desk.kind) &&
            applicantRoot !== undefined &&
            rootOf(desk.areaCode, directory) === applicantRoot
          );
        default:
          return false; // a rule this code does not know admits nobody
      }
    });
  };
}

const rootOf = (areaCode: string, directory: Directory): string | undefined => areaPath(areaCode, directory.parentOfArea).at(-1);

/** The required documents a dossier lacks, matched by code (or, for paper received without codes, by name). */
export function missingDocuments(
  documents: readonly ProcedureDocument[],
  received: readonly { readonly code?: string; readonly name: string }[],
): ProcedureDocument[] {
  const normalise = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');
  const codes = new Set(received.flatMap((d) => (d.code ? [d.code] : [])));
  const names = new Set(received.map((d) => normalise(d.name)));
  return documents.filter((d) => d.required && !codes.has(d.code) && !names.has(normalise(d.name)));
}

export type Route =
  | { readonly ok: true; readonly agencies: readonly string[] }
  | { readonly ok: false; readonly stepNumber: number; readonly failure: Extract<Resolution, { ok: false }> };

/**
 * Resolves every step of a process to its concrete agency, or names the first step that cannot be resolved:
 * a dossier whose route has a hole is refused at the desk rather than stranded halfway.
 */
export function routeProcess(steps: readonly StepDefinition[], context: RoutingContext, directory: Directory): Route {
  const agencies: string[] = [];
  for (const step of steps) {
    const resolution = resolveStepAgency(step.agency, context, directory);
    if (!resolution.ok) return { ok: false, stepNumber: step.number, failure: resolution };
    agencies.push(resolution.agencyCode);
  }
  return { ok: true, agencies };
}
