import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplicantMessagesController } from './applicant-messages.controller';
import { IntakeLookup } from '@motcua/auth';

/** The applicant's own messages, behind intake's check of their lookup secret. */
@Module({ imports: [NotificationsModule], controllers: [ApplicantMessagesController], providers: [IntakeLookup] })
export class ApplicantModule {}
