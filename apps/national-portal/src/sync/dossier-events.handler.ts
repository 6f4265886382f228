import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AppointmentChanged,
  CaseClosed,
  DossierAccepted,
  DossierSupplemented,
  SubmissionFiled,
  SubmissionRefused,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
} from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { RecordDossierEvent } from './record-dossier-event';

/** Intake's and workflow's facts the portal must hear of. Each runs once per message id, in the inbox transaction. */
@Controller()
export class DossierEventsHandler {
  constructor(private readonly record: RecordDossierEvent) {}

  @EventPattern<string>(DossierAccepted.type)
  accepted(@Payload() event: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(SubmissionFiled.type)
  submissionFiled(@Payload() event: SubmissionFiled, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(SubmissionRefused.type)
  submissionRefused(@Payload() event: SubmissionRefused, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(DossierSupplemented.type)
  supplemented(@Payload() event: DossierSupplemented, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(TaskCreated.type)
  taskCreated(@Payload() event: TaskCreated, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(TaskCompleted.type)
  taskCompleted(@Payload() event: TaskCompleted, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(SupplementRequested.type)
  supplementRequested(@Payload() event: SupplementRequested, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(AppointmentChanged.type)
  appointmentChanged(@Payload() event: AppointmentChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }

  @EventPattern<string>(CaseClosed.type)
  caseClosed(@Payload() event: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }
}
