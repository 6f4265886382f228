import { Global, Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarStore } from './calendar.store';
import { Calendars } from './calendars';

/** Working time: the calendar every deadline is computed with, and its API. */
@Global()
@Module({ controllers: [CalendarController], providers: [Calendars, CalendarStore], exports: [Calendars, CalendarStore] })
export class CalendarModule {}
