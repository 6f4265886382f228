/**
 * Instants are stored in UTC and shown in Asia/Ho_Chi_Minh (UTC+07:00 all year: Vietnam keeps no daylight
 * saving time, so a fixed offset is exact).
 */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;

/** The Vietnamese calendar date of an instant, as `YYYY-MM-DD`. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the Vietnamese offset, e.g. `2026-11-26T18:11:40.000+07:00`: what every REST response shows. */
export function toVietnamIso(instant: Date): string {
  return `${new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}

/**
 * An instant as Vietnamese read it on a receipt or in a dossier's history: `09:05 ngày 26/11/2026`, in
 * Asia/Ho_Chi_Minh time.
 */
export function formatVietnamDateTime(instant: Date): string {
  const local = toVietnamIso(instant); // 2026-11-26T09:05:00.000+07:00
  const [year, month, day] = local.slice(0, 10).split('-');
  return `${local.slice(11, 16)} ngày ${day}/${month}/${year}`;
}
