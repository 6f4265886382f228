import { ReturnMethod } from '@motcua/contracts';

/**
 * Whether the dossier's result will travel by post (Decision 45/2016): only when the applicant chose it at
 * receipt. A result handed over at the desk or returned electronically never becomes a shipment.
 */
export function needsResultDelivery(returnMethod: ReturnMethod): boolean {
  return returnMethod === ReturnMethod.Post;
}
