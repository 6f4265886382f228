import { Module } from '@nestjs/common';
import { IntakeSubmissions } from './intake-submissions';
import { OnlineStore } from './online.store';
import { PullOnlineDossiers } from './pull-online-dossiers';

/** Online dossiers filed on the portal, brought to intake (the portal's client comes from the sync module). */
@Module({
  providers: [IntakeSubmissions, OnlineStore, PullOnlineDossiers],
  exports: [PullOnlineDossiers],
})
export class OnlineModule {}
