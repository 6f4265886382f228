import { Injectable } from '@nestjs/common';
import { toVietnamIso, vietnamDate } from '@motcua/calendar';
import { UnitOfWork } from '@motcua/messaging';
import { notInCatalogue } from '@motcua/catalogue';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import { Catalogue } from './catalogue';
import { CatalogueReplication } from './catalogue-replication';
import { CatalogueStore } from './catalogue.store';
import type { ProcedureActivation, PublishedVersion } from './catalogue.view';
import { checkProcessDefinition, parseStepDefinitions } from './process-definition';

export type { PublishedVersion };

/**
 * Publishes a new version of a procedure's process, in force from now: dossiers already received keep the
 * version they were pinned to. A definition with any problem is refused whole (422, each problem named).
 */
@Injectable()
export class PublishProcessVersion {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalogue: Catalogue,
    private readonly replication: CatalogueReplication,
    private readonly store: CatalogueStore,
  ) {}

  execute(procedureCode: string, steps: unknown, idempotency?: IdempotentRequest): Promise<CommandResponse<PublishedVersion> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => {
        const parsed = parseStepDefinitions(steps);
        const now = new Date();
        const problems = parsed.problems.length ? parsed.problems : checkProcessDefinition(parsed.steps, this.catalogue.current.agencies, vietnamDate(now));
        // Versions of one procedure are numbered under the procedure row's lock: two publications queue.
        const procedure = await this.store.lockProcedure(tx.manager, procedureCode);
        if (!procedure) throw notInCatalogue('PROCEDURE', procedureCode);
        if (problems.length > 0) {
          throw new Refusal('PROCESS.INVALID', undefined, problems);
        }
        const version = await this.store.addProcessVersion(tx.manager, procedureCode, now, parsed.steps);
        await this.replication.procedureChanged(tx, procedureCode);
        return { status: 201, body: { procedureCode, version, publishedAt: toVietnamIso(now) } };
      }),
    );
  }
}

/** Stops a procedure from being received and routed (new dossiers); dossiers already received go on. */
@Injectable()
export class DeactivateProcedure {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replication: CatalogueReplication,
    private readonly store: CatalogueStore,
  ) {}

  execute(procedureCode: string): Promise<ProcedureActivation> {
    return this.unitOfWork.run(async (tx) => {
      const procedure = await this.store.lockProcedure(tx.manager, procedureCode);
      if (!procedure) throw notInCatalogue('PROCEDURE', procedureCode);
      // Repeating it changes nothing and tells nobody anything new.
      if (procedure.active) {
        await this.store.deactivateProcedure(tx.manager, procedureCode);
        await this.replication.procedureChanged(tx, procedureCode);
      }
      return { code: procedureCode, active: false };
    });
  }
}
