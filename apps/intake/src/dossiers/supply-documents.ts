import { toVietnamIso } from '@motcua/calendar';
import { Injectable } from '@nestjs/common';
import { Role, hasRole } from '@motcua/auth';
import { DossierSupplemented, NationalStatus, dossierNotFound, event, nationalStatusName } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import type { Applicant } from '@motcua/contracts';
import { type ApplicantCredentials, provesApplicant } from './applicant-proof';
import { DossierStore } from './dossier.store';
import type { SupplementReceipt } from './supplement-receipt.view';
import type { SupplyDocumentsRequest } from './supply-documents.request';

/** Who supplies: the applicant with the receipt's lookup secret or their own citizen token, or a desk officer. */
export type Supplier = ApplicantCredentials;

const normalise = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

/**
 * Bổ sung hồ sơ: the applicant brings what the competent body asked for. Only for a dossier waiting for a
 * supplement (status 5), and only complete (everything listed, at once). In one transaction the supplement is
 * recorded, the request cleared, and `intake.dossier.supplemented` put in the outbox: workflow resumes the case at
 * the step that asked. The applicant proves the dossier is theirs with the lookup secret on their receipt or their
 * citizen token (its subject is their id number); an officer of the receiving desk may take it at the counter.
 */
@Injectable()
export class SupplyDocuments {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: DossierStore,
  ) {}

  execute(
    code: string,
    request: SupplyDocumentsRequest,
    supplier: Supplier,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<SupplementReceipt> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => {
        const dossier = await this.store.lockForSupplement(tx.manager, code);
        const receivedBy = dossier ? this.authorised(dossier, supplier) : false;
        if (!dossier || receivedBy === false) throw dossierNotFound(code, 'act on');
        if (dossier.nationalStatus !== NationalStatus.SupplementRequested || !dossier.supplementRequest) {
          throw new Refusal('DOSSIER.NOT_AWAITING_SUPPLEMENT', `Hồ sơ ${code} đang ở trạng thái ${nationalStatusName(dossier.nationalStatus)}`);
        }
        const supplied = request.documents.map(({ code: documentCode, name }) => ({ ...(documentCode ? { code: documentCode } : {}), name }));
        const missing = dossier.supplementRequest.missing.filter(
          (m) => !supplied.some((d) => (m.code && d.code === m.code) || normalise(d.name) === normalise(m.name)),
        );
        if (missing.length > 0) {
          throw new Refusal(
            'DOSSIER.SUPPLEMENT_INCOMPLETE',
            undefined,
            missing.map((m) => ({ field: 'documents', code: 'DOCUMENT_MISSING', message: m.code ? `${m.code}: ${m.name}` : m.name })),
          );
        }
        const now = new Date();
        const sequence = dossier.eventSequence + 1;
        const { round } = dossier.supplementRequest;
        await this.store.recordSupplement(tx.manager, {
          dossierId: dossier.id,
          round,
          documents: supplied,
          note: request.note ?? null,
          receivedBy,
          sequence,
          nationalStatus: NationalStatus.SupplementRequested,
          historyNote: `Đã bổ sung hồ sơ (lần ${round})`,
          suppliedAt: now,
        });
        await tx.publish(
          event(DossierSupplemented, {
            dossierCode: code,
            nationalStatus: NationalStatus.SupplementRequested,
            sequence,
            occurredAt: now.toISOString(),
            documents: supplied,
            note: request.note ?? null,
            receivedBy,
            round,
          }),
        );
        return { status: 201, body: { dossierCode: code, round, documents: supplied, suppliedAt: toVietnamIso(now) } };
      }),
    );
  }

  /**
   * The officer who takes it (a receiving officer or the head of the receiving desk), null for the applicant, false
   * for anyone else. Another officer of the desk, who may read the dossier, is told it is not theirs to take (403).
   */
  private authorised(
    dossier: { applicant: Applicant; receivingAgencyCode: string; lookupSecretHash: string | null },
    supplier: Supplier,
  ): string | null | false {
    const { principal } = supplier;
    if (principal?.kind === 'officer' && principal.agencies.includes(dossier.receivingAgencyCode)) {
      if (hasRole(principal, Role.Receiver, Role.HeadOfDesk)) return principal.subject;
      throw new Refusal('DOSSIER.DESK_ONLY', 'a receiving officer or the head of the desk takes it');
    }
    return provesApplicant(dossier, supplier) ? null : false;
  }
}
