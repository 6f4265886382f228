import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { type OfficePeriod, officeHoursKey, officeHoursProblem } from '@motcua/calendar';
import { UnitOfWork } from '@motcua/messaging';
import { notInCatalogue } from '@motcua/catalogue';
import { Refusal } from '@motcua/errors';
import { Catalogue } from './catalogue';
import { CatalogueReplication } from './catalogue-replication';
import { CatalogueStore } from './catalogue.store';

export class OfficePeriodRequest {
  @ApiProperty({ example: '07:30', description: 'HH:MM, Vietnam’s time' })
  @Matches(/^\d{2}:\d{2}$/, { message: 'start must be a time HH:MM' })
  start: string;

  @ApiProperty({ example: '11:30', description: 'HH:MM, Vietnam’s time' })
  @Matches(/^\d{2}:\d{2}$/, { message: 'end must be a time HH:MM' })
  end: string;
}

export class OfficeHoursRequest {
  /** Required, so that an empty body is refused instead of resetting the hours; null says "the default" outright. */
  @ApiProperty({ type: [OfficePeriodRequest], nullable: true, description: 'The periods of a working day in order; null: the national default hours' })
  @ValidateIf((request: OfficeHoursRequest) => request.officeHours !== null)
  @IsArray({ message: 'officeHours must be the periods of a working day, or null for the national default hours' })
  @ArrayMaxSize(24)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OfficePeriodRequest)
  officeHours: OfficePeriodRequest[] | null;
}

/**
 * Giờ làm việc: an agency's own office hours on its working days (a ward committee that opens at 07:00; which days
 * are working days stays the national schedule's). Its new tasks' step deadlines and its desk's new appointments
 * count in them from the change; what was already promised stays. Repeating it changes nothing. Another replica
 * of workflow computes with them from its next start, as with a published year.
 */
@Injectable()
export class SetOfficeHours {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replication: CatalogueReplication,
    private readonly catalogue: Catalogue,
    private readonly store: CatalogueStore,
  ) {}

  async execute(agencyCode: string, periods: readonly OfficePeriod[] | null): Promise<{ code: string; officeHours: OfficePeriod[] | null }> {
    const officeHours = periods ? periods.map(({ start, end }) => ({ start, end })) : null;
    const problem = officeHours && officeHoursProblem(officeHours);
    if (problem) {
      throw new Refusal('CATALOGUE.OFFICE_HOURS_INVALID', undefined, [{ field: problem.field, code: 'OFFICE_HOURS_INVALID', message: problem.message }]);
    }
    return this.unitOfWork.run(async (tx) => {
      const agency = await this.store.lockAgencyOfficeHours(tx.manager, agencyCode);
      if (!agency) throw notInCatalogue('AGENCY', agencyCode);
      if (officeHoursKey(agency.officeHours) !== officeHoursKey(officeHours)) {
        await this.store.setAgencyOfficeHours(tx.manager, agencyCode, officeHours);
        await this.replication.agencyChanged(tx, agencyCode);
      }
      tx.afterCommit(() => this.catalogue.officeHoursChanged(agencyCode, officeHours));
      return { code: agencyCode, officeHours };
    });
  }
}
