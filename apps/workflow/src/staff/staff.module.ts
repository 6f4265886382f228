import { Module } from '@nestjs/common';
import { CallerOversight } from './caller-oversight';
import { StaffStore } from './staff.store';

/** What an officer heads and leads, as the organisation's staff record and their token both say. */
@Module({ providers: [CallerOversight, StaffStore], exports: [CallerOversight, StaffStore] })
export class StaffModule {}
