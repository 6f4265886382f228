import { Injectable } from '@nestjs/common';
import type { CatalogueAgency, PostalAddress } from '@motcua/contracts';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { readEnvironment } from '@motcua/config';
import { CarrierEnvironment } from '../carrier/carrier.environment';
import { type WaybillParty, areaLine, waybillParty } from './waybill-party';

/**
 * Both ends of a waybill, from the catalogue replica: a desk (its name, address and phone, its ward) and an
 * applicant's postal address (their ward's district and city).
 */
@Injectable()
export class ShipmentParties {
  private readonly env = readEnvironment(CarrierEnvironment);

  constructor(private readonly catalogue: CatalogueReplica) {}

  private readonly areaOf = (code: string) => this.catalogue.area(code);

  /** The applicant's end, or null when the ward is not one the catalogue knows. */
  applicant(address: PostalAddress): WaybillParty | null {
    return waybillParty({ name: address.recipient, phone: address.phone, street: address.street, wardCode: address.wardCode }, this.areaOf);
  }

  /**
   * The desk's end, or null when the desk is unknown. A desk of a district or the city sits in one of its wards; where
   * the catalogue does not say which, the first ward of its area stands for it (the carrier routes by the ward).
   */
  desk(agencyCode: string): WaybillParty | null {
    const agency = this.catalogue.agency(agencyCode);
    if (!agency) return null;
    const wardCode = this.wardOf(agency);
    if (!wardCode) return null;
    return waybillParty(
      {
        name: `Bộ phận Một cửa — ${agency.name}`,
        phone: this.phoneOf(agency),
        street: agency.address ?? areaLine(agency.areaCode, this.areaOf),
        wardCode,
      },
      this.areaOf,
    );
  }

  /** The desk's phone; else its parent's (a ward's desk answers through the district's switchboard), up the hierarchy; else the fallback. */
  private phoneOf(agency: CatalogueAgency): string {
    for (let a: CatalogueAgency | undefined = agency; a; a = a.parentCode ? this.catalogue.agency(a.parentCode) : undefined) {
      if (a.phone) return a.phone;
    }
    return this.env.POSTAL_DESK_PHONE_FALLBACK ?? '';
  }

  private wardOf(agency: CatalogueAgency): string | undefined {
    let area = this.catalogue.area(agency.areaCode);
    while (area && area.level !== 'ward') area = this.catalogue.children(area.code)[0];
    return area?.code;
  }
}
