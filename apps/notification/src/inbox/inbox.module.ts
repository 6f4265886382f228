import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxQueries } from './inbox.queries';
import { InboxStore } from './inbox.store';

/** Officers' work inbox. */
@Module({ controllers: [InboxController], providers: [InboxQueries, InboxStore] })
export class InboxModule {}
