import { toVietnamIso } from '@motcua/calendar';
import type { PortalDate } from './national-portal';

/** An instant as the portal writes it: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (UTC+7 all year). */
export function portalDate(instant: Date | string): PortalDate {
  const iso = toVietnamIso(typeof instant === 'string' ? new Date(instant) : instant); // 2026-12-07T14:30:05.000+07:00
  return iso.slice(0, 19).replace(/[-T:]/g, '');
}

/** A portal date read back as an instant (null when it is not one): the portal's digits are Vietnamese wall time. */
export function instantOfPortalDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const instant = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
  return Number.isNaN(instant.getTime()) || portalDate(instant) !== value ? null : instant;
}
