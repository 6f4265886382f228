import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PrincipalKind } from '@motcua/auth';
import { timeliness, toVietnamIso } from '@motcua/calendar';
import { nationalStatusKey, nationalStatusName } from '@motcua/contracts';
import { queryPrepared } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { type SlipEvent, type SlipPostalFact, type SlipTask, caseNationalStatus, controlSlip, postalSlipRows } from './control-slip';
import type { ControlSlipView } from './control-slip.view';

/** Reads a dossier's control slip (phiếu kiểm soát quá trình) with the names beside its codes. */
@Injectable()
export class ControlSlipQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: Catalogue,
  ) {}

  /**
   * The slip of the dossier `code`, read at one moment (its case, tasks, events and the officers they name), if an
   * officer of `agencies` may see it: one of them received it or had a step of it; undefined otherwise.
   */
  async slip(code: string, callerKind: PrincipalKind, agencies: readonly string[]): Promise<ControlSlipView | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [found] = await queryPrepared<
        Pick<
          ControlSlipView,
          | 'dossierCode'
          | 'procedureCode'
          | 'processVersion'
          | 'coordinatorId'
          | 'receivingAgencyCode'
          | 'applicantName'
          | 'documents'
          | 'status'
          | 'outcome'
          | 'supplementRounds'
          | 'version'
        > & { id: string; appointmentAt: Date | null; originalAppointmentAt: Date | null; closedAt: Date | null; openTaskStatus: number | null }
      >(
        manager,
        'workflow.slip-case',
        `SELECT c.id, c.dossier_code AS "dossierCode", c.procedure_code AS "procedureCode", c.process_version AS "processVersion",
                c.coordinator_id AS "coordinatorId", c.receiving_agency_code AS "receivingAgencyCode", c.status,
                c.outcome, c.supplement_rounds AS "supplementRounds", c.version, c.appointment_at AS "appointmentAt",
                c.original_appointment_at AS "originalAppointmentAt", c.closed_at AS "closedAt",
                r.applicant_name AS "applicantName", r.documents,
                (SELECT t.national_status FROM task t WHERE t.case_id = c.id AND t.status = 'open') AS "openTaskStatus"
           FROM dossier_case c LEFT JOIN case_receipt r ON r.case_id = c.id
          WHERE c.dossier_code = $1 AND $2 = 'officer'
            AND (c.receiving_agency_code = ANY($3) OR EXISTS (SELECT 1 FROM task t WHERE t.case_id = c.id AND t.agency_code = ANY($3)))`,
        [code, callerKind, agencies],
      );
      if (!found) return undefined;
      const tasks = await queryPrepared<SlipTask>(
        manager,
        'workflow.slip-tasks',
        `SELECT t.id, t.step_number AS "stepNumber", t.step_name AS "stepName", t.agency_code AS "agencyCode", a.name AS "agencyName",
                t.due_at AS "dueAt"
           FROM task t JOIN agency a ON a.code = t.agency_code WHERE t.case_id = $1 ORDER BY t.created_at, t.id`,
        [found.id],
      );
      const events = await queryPrepared<SlipEvent>(
        manager,
        'workflow.slip-events',
        `SELECT task_id AS "taskId", kind, actor_id AS "actorId", at, details FROM task_event WHERE case_id = $1 ORDER BY id`,
        [found.id],
      );
      const postal = await queryPrepared<SlipPostalFact>(
        manager,
        'workflow.slip-postal-facts',
        `SELECT p.shipment_id AS "shipmentId", p.sequence, p.kind, p.waybill, p.agency_code AS "agencyCode", COALESCE(a.name, p.agency_code) AS "agencyName",
                p.actor_id AS "actorId", p.actor_name AS "actorName", p.received_by AS "receivedBy", p.reason, p.at
           FROM case_postal_event p LEFT JOIN agency a ON a.code = p.agency_code WHERE p.case_id = $1 ORDER BY p.at, p.sequence`,
        [found.id],
      );
      // every officer the slip names, with one read
      const ids = new Set(
        [found.coordinatorId, ...events.flatMap((e) => [e.actorId, e.details.ownerId]), ...postal.map((p) => p.actorId)].filter(
          (id): id is string => typeof id === 'string',
        ),
      );
      const names = await queryPrepared<{ id: string; fullName: string }>(
        manager,
        'workflow.slip-officer-names',
        `SELECT id, full_name AS "fullName" FROM officer WHERE id = ANY($1)`,
        [[...ids]],
      );
      const nameOf = new Map(names.map((o) => [o.id, o.fullName]));
      const { id: _id, appointmentAt, originalAppointmentAt, closedAt, openTaskStatus, ...slip } = found;
      const nationalStatus = caseNationalStatus(found, openTaskStatus);
      return {
        ...slip,
        procedureName: this.catalogue.procedureName(found.procedureCode) ?? null,
        coordinatorName: nameOf.get(found.coordinatorId) ?? null,
        receivingAgencyName: this.catalogue.agencyName(found.receivingAgencyCode) ?? null,
        nationalStatus,
        nationalStatusName: nationalStatusName(nationalStatus),
        nationalStatusKey: nationalStatusKey(nationalStatus),
        appointmentAt: appointmentAt ? toVietnamIso(appointmentAt) : null,
        originalAppointmentAt: originalAppointmentAt ? toVietnamIso(originalAppointmentAt) : null,
        result: closedAt && appointmentAt ? timeliness(closedAt, appointmentAt) : null,
        rows: [
          ...controlSlip(tasks, events, found.coordinatorId, nameOf),
          ...postalSlipRows(postal, tasks.at(-1)?.stepNumber ?? 1, found.applicantName, nameOf),
        ],
      };
    });
  }
}
