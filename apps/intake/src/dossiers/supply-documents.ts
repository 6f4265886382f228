import { toVietnamIso } from '@motcua/calendar';
import { Injectable } from '@nestjs/common';
import { Role, hasRole } from '@motcua/auth';
import { DossierSupplemented, NationalStatus, dossierNotFound, event, nationalStatusName } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, newId, runIdempotent } from '@motcua/persistence';
import type { Applicant } from '@motcua/contracts';
import { type ApplicantCredentials, provesApplicant } from './applicant-proof';
import type { SupplementRequest } from './dossier.entity';
import type { SupplyDocumentsRequest } from './supply-documents.request';

/** Who supplies: the applicant with the receipt's lookup secret or their own citizen token, or a desk officer. */
export type Supplier = ApplicantCredentials;

export interface SupplementReceipt {
  dossierCode: string;
  round: number;
  documents: { code?: string; name: string }[];
  suppliedAt: string;
}

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
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(
    code: string,
    request: SupplyDocumentsRequest,
    supplier: Supplier,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<SupplementReceipt> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => {
        const [dossier] = (await tx.manager.query(
          `SELECT id, code, applicant, receiving_agency_code AS "receivingAgencyCode", national_status AS "nationalStatus",
                  supplement_request AS "supplementRequest", lookup_secret_hash AS "lookupSecretHash", event_sequence AS "eventSequence"
             FROM dossier WHERE code = $1 FOR UPDATE`,
          [code],
        )) as {
          id: string;
          applicant: Applicant;
          receivingAgencyCode: string;
          nationalStatus: number;
          supplementRequest: SupplementRequest | null;
          lookupSecretHash: string | null;
          eventSequence: number;
        }[];
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
        await tx.manager.query(
          `INSERT INTO dossier_supplement (id, dossier_id, round, documents, note, received_by, supplied_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [newId(), dossier.id, round, JSON.stringify(supplied), request.note ?? null, receivedBy, now],
        );
        // In the history, the supplement follows the newest of workflow's facts known here (the request it answers, at
        // least) and comes before workflow resumes the case: the order of cause and effect, whatever the two clocks say.
        await tx.manager.query(
          `WITH d AS (UPDATE dossier SET supplement_request = NULL, event_sequence = $2 WHERE id = $1
                        RETURNING id, GREATEST(workflow_sequence, appointment_sequence) AS workflow_sequence)
           INSERT INTO dossier_status_change (dossier_id, national_status, source, sequence, workflow_sequence, note, occurred_at)
           SELECT id, $3, 'intake', $2, workflow_sequence, $4, $5 FROM d`,
          [dossier.id, sequence, NationalStatus.SupplementRequested, `Đã bổ sung hồ sơ (lần ${round})`, now],
        );
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
  private authorised(dossier: { applicant: Applicant; receivingAgencyCode: string; lookupSecretHash: string | null }, supplier: Supplier): string | null | false {
    const { principal } = supplier;
    if (principal?.kind === 'officer' && principal.agencies.includes(dossier.receivingAgencyCode)) {
      if (hasRole(principal, Role.Receiver, Role.HeadOfDesk)) return principal.subject;
      throw new Refusal('DOSSIER.DESK_ONLY', 'a receiving officer or the head of the desk takes it');
    }
    return provesApplicant(dossier, supplier) ? null : false;
  }
}
