import { type AgencyRule, isOfKind } from './agency-rule';

export interface DirectoryAgency {
  readonly code: string;
  readonly kind: string;
  readonly level: string;
  readonly areaCode: string;
  readonly validFrom: string; // YYYY-MM-DD
  readonly validTo: string | null;
}

/** The organisation as routing sees it: agencies, and each area's parent (ward → district → city). */
export interface Directory {
  readonly agencies: readonly DirectoryAgency[];
  readonly parentOfArea: ReadonlyMap<string, string | null>;
}

export interface RoutingContext {
  readonly receivingAgencyCode: string;
  readonly applicantAreaCode: string;
  /** The Vietnamese date the dossier was received: units that did not exist then (or no longer did) are skipped. */
  readonly onDate: string;
}

export type Resolution =
  | { readonly ok: true; readonly agencyCode: string }
  | { readonly ok: false; readonly code: 'ROUTING.NO_AGENCY' | 'ROUTING.UNKNOWN_AREA' | 'ROUTING.AMBIGUOUS'; readonly reason: string };

/** A directory's agencies by code and by area, built once per directory. */
interface AgencyIndex {
  readonly byCode: ReadonlyMap<string, readonly DirectoryAgency[]>;
  readonly byArea: ReadonlyMap<string, readonly DirectoryAgency[]>;
}

const indexes = new WeakMap<readonly DirectoryAgency[], AgencyIndex>();

/**
 * The index of a directory's agencies. Routing runs for every receipt and every case (each step, each desk rule):
 * a scan of the city's agencies for each was a tenth of intake's time under load. A directory's agency list is
 * replaced, never changed in place, when the catalogue changes, so the index is keyed by the list itself.
 */
function indexOf(agencies: readonly DirectoryAgency[]): AgencyIndex {
  let index = indexes.get(agencies);
  if (!index) {
    const group = (key: (a: DirectoryAgency) => string) => {
      const map = new Map<string, DirectoryAgency[]>();
      for (const agency of agencies) {
        const list = map.get(key(agency));
        if (list) list.push(agency);
        else map.set(key(agency), [agency]);
      }
      return map;
    };
    index = { byCode: group((a) => a.code), byArea: group((a) => a.areaCode) };
    indexes.set(agencies, index);
  }
  return index;
}

/** The area and its ancestors, nearest first; empty when the area is not known. */
export function areaPath(areaCode: string, parentOfArea: ReadonlyMap<string, string | null>): string[] {
  const path: string[] = [];
  for (let code: string | null | undefined = areaCode; code && parentOfArea.has(code); code = parentOfArea.get(code)) {
    if (path.includes(code)) break; // a cycle in data must not hang routing
    path.push(code);
  }
  return path;
}

/**
 * Resolves a step's agency rule to one concrete agency, or says why it cannot: a dossier is never routed to
 * nobody, nor to one of two candidates picked at random. Levels are data (`city`/`district`/`ward` today,
 * `province`/`commune` after the 2025 reform), so nothing here knows their names.
 */
export function resolveStepAgency(rule: AgencyRule, context: RoutingContext, directory: Directory): Resolution {
  const inForce = (a: DirectoryAgency) => a.validFrom <= context.onDate && (a.validTo === null || context.onDate <= a.validTo);
  switch (rule.kind) {
    case 'receiving':
      return { ok: true, agencyCode: context.receivingAgencyCode };
    case 'fixed': {
      const agency = indexOf(directory.agencies)
        .byCode.get(rule.agencyCode)
        ?.find((a) => inForce(a));
      return agency
        ? { ok: true, agencyCode: agency.code }
        : { ok: false, code: 'ROUTING.NO_AGENCY', reason: `agency ${rule.agencyCode} is not in force on ${context.onDate}` };
    }
    case 'competent': {
      const path = areaPath(context.applicantAreaCode, directory.parentOfArea);
      if (path.length === 0) {
        return { ok: false, code: 'ROUTING.UNKNOWN_AREA', reason: `area ${context.applicantAreaCode} is not in the catalogue` };
      }
      for (const areaCode of path) {
        const candidates = (indexOf(directory.agencies).byArea.get(areaCode) ?? []).filter(
          (a) => a.level === rule.level && isOfKind(rule.agencyKind, a.kind) && inForce(a),
        );
        if (candidates.length === 1) return { ok: true, agencyCode: candidates[0].code };
        if (candidates.length > 1) {
          return {
            ok: false,
            code: 'ROUTING.AMBIGUOUS',
            reason: `${candidates.length} agencies of kind ${String(rule.agencyKind)} at level ${rule.level} for area ${areaCode}`,
          };
        }
      }
      return {
        ok: false,
        code: 'ROUTING.NO_AGENCY',
        reason: `no ${String(rule.agencyKind)} at level ${rule.level} for area ${context.applicantAreaCode}`,
      };
    }
    default:
      // a rule written by a newer version of the catalogue than this code knows: never a crash, never a guess
      return { ok: false, code: 'ROUTING.NO_AGENCY', reason: `unknown agency rule ${JSON.stringify(rule)}` };
  }
}
