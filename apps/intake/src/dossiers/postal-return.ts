import { ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';

/** Số vận đơn: the carrier's waybill (the UPU S10 shape VNPost uses: `EB123456789VN`). */
export const WAYBILL_PATTERN = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

/** What a received dossier says of the post (Decision 45/2016): where the result goes, and the pick-up it came by. */
export interface PostalDetails {
  readonly channel: number;
  readonly returnMethod: string;
  readonly deliveryAddress?: { readonly wardCode: string } | null;
  readonly pickupWaybill?: string | null;
}

/** The areas the check knows (intake's catalogue replica). */
export interface PostalAreas {
  area(code: string): object | undefined;
}

const refusal = (code: `DOSSIER.${string}`, field: string, message: string): Refusal =>
  new Refusal(code, undefined, [{ field, code: code.slice('DOSSIER.'.length), message }]);

/**
 * Whether the post can do what the dossier asks of it. A result returned by post goes to the address the applicant
 * registered at receipt (Decision 45/2016), so a post return without one is refused, and an address with a
 * return at the desk or online is refused too: a frontend that sends one has a bug, and silently dropping it would
 * hide it. The ward must be one of the catalogue's areas (its 5-digit statistics-office code is a ward's: the
 * district and the province follow from it). A pick-up waybill only comes with a dossier the post brought (channel 3).
 * Pure: the first failed check is the answer.
 */
export function checkPostalDetails(details: PostalDetails, areas: PostalAreas): Refusal | null {
  const { deliveryAddress, pickupWaybill } = details;
  if (details.returnMethod === ReturnMethod.Post && !deliveryAddress) {
    return refusal('DOSSIER.DELIVERY_ADDRESS_REQUIRED', 'deliveryAddress', 'a result returned by post needs the address to deliver it to');
  }
  if (details.returnMethod !== ReturnMethod.Post && deliveryAddress) {
    return refusal(
      'DOSSIER.DELIVERY_ADDRESS_NOT_EXPECTED',
      'deliveryAddress',
      `the result is returned ${details.returnMethod === ReturnMethod.Desk ? 'at the desk' : 'electronically'}, not by post`,
    );
  }
  if (deliveryAddress && !areas.area(deliveryAddress.wardCode)) {
    return refusal('DOSSIER.DELIVERY_WARD_UNKNOWN', 'deliveryAddress.wardCode', `${deliveryAddress.wardCode} is not an area of the catalogue`);
  }
  if (pickupWaybill && details.channel !== SubmissionChannel.Post) {
    return refusal('DOSSIER.PICKUP_WAYBILL_NOT_POST', 'pickupWaybill', 'only a dossier the post brought (channel 3) has a pick-up waybill');
  }
  return null;
}
