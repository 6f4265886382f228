/**
 * How a message names a person or a unit: by the name the event carried beside the code, or (an event from before
 * names travelled, an officer the producer did not know) by the code, so the message still says who and where.
 */
export function nameOr(name: string | null | undefined, code: string): string {
  return name?.trim() || code;
}

/** A procedure: its name with its national code (`Đăng ký khai sinh (1.001193)`), or the code alone. */
export function procedureLabel(name: string | null | undefined, code: string): string {
  return name?.trim() ? `${name.trim()} (${code})` : code;
}
