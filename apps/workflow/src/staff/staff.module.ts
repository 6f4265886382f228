import { Module } from '@nestjs/common';
import { CallerOversight } from './caller-oversight';

/** What an officer heads and leads, as the organisation's staff record and their token both say. */
@Module({ providers: [CallerOversight], exports: [CallerOversight] })
export class StaffModule {}
