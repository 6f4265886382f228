import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CatalogueAgencyChanged, CatalogueProcedureChanged, CatalogueSchedulePublished, CatalogueSnapshot } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { CatalogueReplica } from './catalogue-replica';

/** Workflow's catalogue events, applied to this service's replica. */
@Controller()
export class CatalogueReplicaHandler {
  private readonly logger = new Logger(CatalogueReplicaHandler.name);

  constructor(private readonly replica: CatalogueReplica) {}

  @EventPattern<string>(CatalogueSnapshot.type)
  async onSnapshot(@Payload() snapshot: CatalogueSnapshot, @Ctx() ctx: AmqpContext): Promise<void> {
    const { written, removed } = await this.replica.applySnapshot(ctx.transaction.manager, snapshot.revision, [
      ...snapshot.areas.map((entry) => ({ kind: 'area' as const, code: entry.code, entry })),
      ...snapshot.agencies.map((entry) => ({ kind: 'agency' as const, code: entry.code, entry })),
      ...snapshot.procedures.map((entry) => ({ kind: 'procedure' as const, code: entry.code, entry })),
      ...(snapshot.schedules ?? []).map((entry) => ({ kind: 'schedule' as const, code: String((entry as { year: number }).year), entry })),
    ]);
    this.logger.log(`catalogue snapshot at revision ${snapshot.revision}: ${written} entries written, ${removed} no longer in the catalogue removed`);
    ctx.transaction.afterCommit(() => this.replica.refreshInBackground(true));
  }

  @EventPattern<string>(CatalogueProcedureChanged.type)
  async onProcedureChanged(@Payload() changed: CatalogueProcedureChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    const { procedure } = changed;
    await this.replica.apply(ctx.transaction.manager, changed.revision, [{ kind: 'procedure', code: procedure.code, entry: procedure }]);
    ctx.transaction.afterCommit(() => this.replica.refreshInBackground(true));
  }

  @EventPattern<string>(CatalogueAgencyChanged.type)
  async onAgencyChanged(@Payload() changed: CatalogueAgencyChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    const { agency } = changed;
    await this.replica.apply(ctx.transaction.manager, changed.revision, [{ kind: 'agency', code: agency.code, entry: agency }]);
    ctx.transaction.afterCommit(() => this.replica.refreshInBackground(true));
  }

  @EventPattern<string>(CatalogueSchedulePublished.type)
  async onSchedulePublished(@Payload() published: CatalogueSchedulePublished, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.replica.apply(ctx.transaction.manager, published.revision, [{ kind: 'schedule', code: String(published.year), entry: published.schedule }]);
    ctx.transaction.afterCommit(() => this.replica.refreshInBackground(true));
  }
}
