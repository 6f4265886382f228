import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PerTransaction, type Transaction } from '@motcua/messaging';
import { executePrepared, queryPrepared } from '@motcua/persistence';
import type { ApplicantContact } from './applicant-contact';

const COLUMNS = `dossier_code AS "dossierCode", receiving_agency_code AS "receivingAgencyCode", receiving_agency_name AS "receivingAgencyName",
  procedure_code AS "procedureCode", procedure_name AS "procedureName", applicant_name AS "applicantName", email, phone,
  return_method AS "returnMethod", coordinator_id AS "coordinatorId", coordinator_name AS "coordinatorName",
  appointment_at AS "appointmentAt", original_appointment_at AS "originalAppointmentAt", extended, received_at AS "receivedAt"`;

/**
 * The applicant's record per dossier (`applicant_contact`), every statement in the caller's transaction (the inbox
 * transaction of the event that reads or moves it). Workflow's fields move only forward: each keeps the sequence
 * of the event that last set it, and an older event arriving after a newer one changes nothing. Receipts are
 * gathered over the transaction (a consumer's batch) and written by one statement: before it commits, or before
 * any other statement on the records in it, so that statement sees them.
 */
@Injectable()
export class ApplicantContactStore {
  private readonly receipts = new PerTransaction<Map<string, ApplicantContact>>(
    () => new Map(),
    (tx, receipts) => this.writeReceipts(tx.manager, receipts),
  );

  /** The receipt's record; a second acceptance of the same code (a replay) keeps the first. */
  recordReceipt(tx: Transaction, contact: ApplicantContact): void {
    const receipts = this.receipts.of(tx);
    if (!receipts.has(contact.dossierCode)) receipts.set(contact.dossierCode, contact);
  }

  /** The receipts gathered so far in the transaction, written now (the statement that follows must see them). */
  private async written(tx: Transaction): Promise<EntityManager> {
    await this.receipts.writeNow(tx);
    return tx.manager;
  }

  private async writeReceipts(manager: EntityManager, receipts: Map<string, ApplicantContact>): Promise<void> {
    if (receipts.size === 0) return;
    const contacts = [...receipts.values()];
    receipts.clear();
    await executePrepared(
      manager,
      'applicant-contact.record-all',
      `INSERT INTO applicant_contact (dossier_code, receiving_agency_code, receiving_agency_name, procedure_code, procedure_name, applicant_name,
                                      email, phone, return_method, coordinator_id, coordinator_name, appointment_at, original_appointment_at, received_at)
       SELECT "dossierCode", "receivingAgencyCode", "receivingAgencyName", "procedureCode", "procedureName", "applicantName",
              email, phone, "returnMethod", "coordinatorId", "coordinatorName", "appointmentAt", "originalAppointmentAt", "receivedAt"
         FROM jsonb_to_recordset($1::jsonb) AS (
                "dossierCode" text, "receivingAgencyCode" text, "receivingAgencyName" text, "procedureCode" text, "procedureName" text,
                "applicantName" text, email text, phone text, "returnMethod" text, "coordinatorId" text, "coordinatorName" text,
                "appointmentAt" timestamptz, "originalAppointmentAt" timestamptz, "receivedAt" timestamptz)
        ORDER BY "dossierCode"
       ON CONFLICT (dossier_code) DO NOTHING`,
      [JSON.stringify(contacts)],
    );
  }

  /** The record, or null for a dossier received before notification kept them (or not received yet). */
  async find(tx: Transaction, dossierCode: string): Promise<ApplicantContact | null> {
    const [found] = await queryPrepared<ApplicantContact>(
      await this.written(tx),
      'applicant-contact.find',
      `SELECT ${COLUMNS} FROM applicant_contact WHERE dossier_code = $1`,
      [dossierCode],
    );
    return found ?? null;
  }

  /** The head of the desk gave the dossier another coordinator: the one the applicant is told to contact. */
  async changeCoordinator(tx: Transaction, dossierCode: string, coordinator: { id: string; name: string | null; sequence: number }): Promise<void> {
    await executePrepared(
      await this.written(tx),
      'applicant-contact.coordinator',
      `UPDATE applicant_contact SET coordinator_id = $2, coordinator_name = $3, coordinator_sequence = $4
       WHERE dossier_code = $1 AND coordinator_sequence < $4`,
      [dossierCode, coordinator.id, coordinator.name, coordinator.sequence],
    );
  }

  /** The appointment moved (a supplement's pause, an extension); the original stays as the receipt printed it. */
  async moveAppointment(
    tx: Transaction,
    dossierCode: string,
    moved: { appointmentAt: Date; originalAppointmentAt: Date; extension: boolean; sequence: number },
  ): Promise<void> {
    await executePrepared(
      await this.written(tx),
      'applicant-contact.appointment',
      `UPDATE applicant_contact
       SET appointment_at = $2, original_appointment_at = COALESCE(original_appointment_at, $3), extended = extended OR $4, appointment_sequence = $5
       WHERE dossier_code = $1 AND appointment_sequence < $5`,
      [dossierCode, moved.appointmentAt, moved.originalAppointmentAt, moved.extension, moved.sequence],
    );
  }

  /** Takes the dossier's one "result" message: true the first time, false ever after (re-signed after a send-back). */
  async claimResultMessage(tx: Transaction, dossierCode: string): Promise<boolean> {
    const claimed = await executePrepared(
      await this.written(tx),
      'applicant-contact.result-told',
      `UPDATE applicant_contact SET result_told_at = now() WHERE dossier_code = $1 AND result_told_at IS NULL`,
      [dossierCode],
    );
    return claimed === 1;
  }

  /**
   * Takes the one message of a shipment's fact (`shipment_news`): true the first time, false for the same fact under
   * another message id, and false for a fact older (by the shipment's sequence) than one already told.
   */
  async claimShipmentNews(tx: Transaction, news: { shipmentId: string; fact: string; dossierCode: string; sequence: number }): Promise<boolean> {
    const claimed = await executePrepared(
      await this.written(tx),
      'applicant-contact.shipment-news',
      `INSERT INTO shipment_news (shipment_id, fact, dossier_code, sequence)
       SELECT $1, $2, $3, $4
        WHERE NOT EXISTS (SELECT 1 FROM shipment_news WHERE shipment_id = $1 AND sequence > $4)
       ON CONFLICT DO NOTHING`,
      [news.shipmentId, news.fact, news.dossierCode, news.sequence],
    );
    return claimed === 1;
  }
}
