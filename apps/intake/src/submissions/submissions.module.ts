import { Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers/dossiers.module';
import { AcceptSubmission } from './accept-submission';
import { FileSubmission } from './file-submission';
import { OnlineSubmissionQueries } from './online-submission.queries';
import { OnlineSubmissionStore } from './online-submission.store';
import { OnlineSubmissionsController } from './online-submissions.controller';
import { RefuseSubmission } from './refuse-submission';

/** Hồ sơ nộp trực tuyến: online dossiers from the National Portal, filed (1), then accepted (2) or refused (3) by their desk. */
@Module({
  imports: [DossiersModule],
  controllers: [OnlineSubmissionsController],
  providers: [FileSubmission, AcceptSubmission, RefuseSubmission, OnlineSubmissionQueries, OnlineSubmissionStore],
})
export class SubmissionsModule {}
