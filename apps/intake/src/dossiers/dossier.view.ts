import { toVietnamIso } from '@motcua/calendar';
import { nationalStatusKey, nationalStatusName } from '@motcua/contracts';
import type { Dossier } from './dossier.entity';
import type { DossierStatusChange } from './dossier-status-change.entity';
import { type PostalStateView, postalStateName } from './postal-state';

/** Where the view finds the names beside the codes: intake's replica of the catalogue. */
export interface CatalogueNames {
  procedure(code: string): { readonly name: string } | undefined;
  agency(code: string): { readonly name: string } | undefined;
}

/**
 * What REST clients see of a dossier: times in Vietnam with their offset, the national status with its Vietnamese
 * name (and its stable English key for programs), the procedure's and agencies' names beside their codes (null when
 * the replica does not know the code).
 */
export interface DossierView {
  code: string;
  procedureCode: string;
  procedureName: string | null;
  processVersion: number | null;
  channel: number;
  receivingAgencyCode: string;
  receivingAgencyName: string | null;
  coordinatorId: string;
  /** The coordinator's full name (null until workflow has named them). */
  coordinatorName: string | null;
  applicant: Dossier['applicant'];
  documents: Dossier['documents'];
  returnMethod: string;
  /** Where the post delivers the result (a post return only; null otherwise, and on dossiers received before). */
  deliveryAddress: Dossier['deliveryAddress'];
  /** Channel 3: the waybill of the pick-up order the post collected the dossier under (null when none was given). */
  pickupWaybill: string | null;
  /** Channel 2: the National Portal's reference of the online dossier (MaHoSoQG), null otherwise. */
  portalReference: string | null;
  /** Channel 2: when the applicant filed it on the portal (NgayNopHoSo), null otherwise. */
  filedAt: string | null;
  /** The result's shipment beside the national status: null until the post has it. */
  postal: PostalStateView | null;
  nationalStatus: number;
  /** `Đang xử lý`: as the desk and the applicant read it. */
  nationalStatusName: string;
  /** `InProgress`: stable, for programs. */
  nationalStatusKey: string;
  currentStep: { name: string; agencyCode: string; agencyName: string | null } | null;
  /** While the dossier waits for the applicant (status 5): everything asked for, and why. */
  supplementRequest: Dossier['supplementRequest'];
  receivedAt: string;
  /** The appointment on the receipt: hour, minute and date, in Vietnam time. */
  appointmentAt: string | null;
  originalAppointmentAt: string | null;
  extensionCount: number;
  /** What happened, in the order it happened; each fact with the agency where it happened, where it names one. */
  history?: {
    nationalStatus: number;
    nationalStatusName: string;
    nationalStatusKey: string;
    source: string;
    agencyCode: string | null;
    agencyName: string | null;
    note: string | null;
    occurredAt: string;
  }[];
}

export function toDossierView(
  dossier: Dossier,
  catalogue: CatalogueNames,
  history?: Pick<DossierStatusChange, 'nationalStatus' | 'source' | 'agencyCode' | 'note' | 'occurredAt'>[],
): DossierView {
  const agencyName = (code: string) => catalogue.agency(code)?.name ?? null;
  return {
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    procedureName: catalogue.procedure(dossier.procedureCode)?.name ?? null,
    processVersion: dossier.processVersion,
    channel: dossier.channel,
    receivingAgencyCode: dossier.receivingAgencyCode,
    receivingAgencyName: agencyName(dossier.receivingAgencyCode),
    coordinatorId: dossier.coordinatorId,
    coordinatorName: dossier.coordinatorName ?? null,
    applicant: dossier.applicant,
    documents: dossier.documents,
    returnMethod: dossier.returnMethod,
    deliveryAddress: dossier.deliveryAddress ?? null,
    pickupWaybill: dossier.pickupWaybill ?? null,
    portalReference: dossier.portalReference ?? null,
    filedAt: dossier.filedAt ? toVietnamIso(dossier.filedAt) : null,
    postal: postalView(dossier),
    nationalStatus: dossier.nationalStatus,
    nationalStatusName: nationalStatusName(dossier.nationalStatus),
    nationalStatusKey: nationalStatusKey(dossier.nationalStatus),
    currentStep:
      dossier.currentStep && dossier.currentAgencyCode
        ? { name: dossier.currentStep, agencyCode: dossier.currentAgencyCode, agencyName: agencyName(dossier.currentAgencyCode) }
        : null,
    supplementRequest: dossier.supplementRequest,
    receivedAt: toVietnamIso(dossier.receivedAt),
    appointmentAt: dossier.appointmentAt ? toVietnamIso(dossier.appointmentAt) : null,
    originalAppointmentAt: dossier.originalAppointmentAt ? toVietnamIso(dossier.originalAppointmentAt) : null,
    extensionCount: dossier.extensionCount,
    history: history?.map((change) => ({
      nationalStatus: change.nationalStatus,
      nationalStatusName: nationalStatusName(change.nationalStatus),
      nationalStatusKey: nationalStatusKey(change.nationalStatus),
      source: change.source,
      agencyCode: change.agencyCode ?? null,
      agencyName: change.agencyCode ? agencyName(change.agencyCode) : null,
      note: change.note,
      occurredAt: toVietnamIso(change.occurredAt),
    })),
  };
}

/** The postal state as REST clients see it (the officer's view and the citizen's lookup alike). */
export function postalView(dossier: Pick<Dossier, 'postalWaybill' | 'postalState' | 'postalUpdatedAt'>): PostalStateView | null {
  if (!dossier.postalState || !dossier.postalUpdatedAt) return null;
  return {
    waybill: dossier.postalWaybill ?? null,
    state: dossier.postalState,
    stateName: postalStateName(dossier.postalState),
    updatedAt: toVietnamIso(dossier.postalUpdatedAt),
  };
}
