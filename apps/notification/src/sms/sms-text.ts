/**
 * SMS text as Vietnamese senders write it: without diacritics, in the GSM-7 alphabet (3GPP TS 23.038). A message
 * with one Vietnamese letter in it goes as UCS-2, 70 characters a segment instead of 160, and brandname gateways
 * bill by the segment; "Ho so da duoc tiep nhan" is what every citizen's phone shows from a public service.
 */

/** The GSM-7 default alphabet: one septet each (LF and CR included). */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: two septets each (an escape, then the character). */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

/** One segment alone, and each segment of a concatenated message (the rest of 140 octets holds the UDH). */
const GSM7_SEGMENT = { single: 160, concatenated: 153 } as const;
const UCS2_SEGMENT = { single: 70, concatenated: 67 } as const;

/** Typography a keyboard or a template brings that GSM-7 spells otherwise. */
const TYPOGRAPHY: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '‹': "'",
  '›': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '‒': '-',
  '―': '-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '•': '-',
  '·': '.',
  '…': '...',
  '\t': ' ',
  '\v': ' ',
  '\f': ' ',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
};

/**
 * The text in GSM-7 without diacritics: Vietnamese letters lose their marks (đ/Đ become d/D), typographic quotes,
 * dashes and the ellipsis become their plain forms, and what GSM-7 cannot carry at all (emoji, other scripts) is
 * dropped. A blank line costs a character and shows as nothing on a phone, so paragraphs close up; runs of spaces
 * become one. GSM-7's own accented letters (é, à…) are stripped too: half-marked Vietnamese reads worse than none.
 */
export function toGsm7(text: string): string {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
  let out = '';
  for (const char of plain) {
    const mapped = TYPOGRAPHY[char] ?? char;
    for (const c of mapped) if (GSM7_BASIC.has(c) || GSM7_EXTENSION.has(c)) out += c;
  }
  return out
    .replace(/\r\n?/g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

/** How a text travels: its alphabet, its length in that alphabet's units, and the segments it is billed as. */
export interface SmsLength {
  readonly encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7, extension characters counting two) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly segments: number;
}

const isGsm7 = (text: string) => [...text].every((c) => GSM7_BASIC.has(c) || GSM7_EXTENSION.has(c));

/**
 * The text's length and segments, as a handset or gateway packs them: GSM-7 when every character is in its
 * alphabet (160 septets in one segment, 153 each when concatenated), UCS-2 otherwise (70, 67). A character never
 * straddles two segments (an escape pair stays whole, so does a surrogate pair), so a long text may need one
 * segment more than its length divided by 153.
 */
export function measureSms(text: string): SmsLength {
  const gsm = isGsm7(text);
  const sizes = gsm ? GSM7_SEGMENT : UCS2_SEGMENT;
  const costs = [...text].map((c) => (gsm ? (GSM7_EXTENSION.has(c) ? 2 : 1) : c.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  if (units <= sizes.single) return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > sizes.concatenated) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments };
}

export interface SmsFit {
  /** At most this many segments (the gateway's and the budget's limit). */
  readonly maxSegments: number;
  /** Ends the message, whole, when given (the dossier's lookup page): what the reader needs when the text is cut. */
  readonly link?: string;
}

/** What marks a shortened text: three dots, since GSM-7 has no ellipsis character. */
const SHORTENED = '...';

const fits = (text: string, maxSegments: number) => measureSms(text).segments <= maxSegments;
const withLink = (text: string, link: string | undefined) => (link ? (text ? `${text} ${link}` : link) : text);

/**
 * The text (GSM-7, as `toGsm7` gives it) within `maxSegments`, ending with the link when one is given. A text too
 * long is shortened at the last word boundary that leaves room for "..." and the link; one word longer than the
 * room is cut inside it. The link is never cut: one that cannot fit even alone is left out (the text still goes).
 */
export function fitSms(text: string, { maxSegments, link }: SmsFit): string {
  const whole = withLink(text, link);
  if (fits(whole, maxSegments)) return whole;
  if (link && !fits(link, maxSegments)) return fitSms(text, { maxSegments });
  const shortened = (length: number) => withLink(shortenTo(text, length), link);
  // the longest prefix that fits: the segments of a prefix only grow with its length
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(shortened(middle), maxSegments)) low = middle;
    else high = middle - 1;
  }
  return shortened(low);
}

/** The first `length` characters of `text`, back to a word boundary where there is one, marked as shortened. */
function shortenTo(text: string, length: number): string {
  if (length === 0) return '';
  let cut = length;
  if (/\S/.test(text[length] ?? ' ') && /\S/.test(text[length - 1])) {
    const space = text.slice(0, length).search(/\s\S*$/);
    if (space > 0) cut = space;
  }
  const kept = text
    .slice(0, cut)
    .trimEnd()
    .replace(/[\s,;:\-.]+$/, '');
  return kept ? `${kept}${SHORTENED}` : '';
}

/**
 * A phone number in the gateway's international form (`84` and the nine digits after the national 0), or why it
 * cannot take an SMS. Accepted as applicants write them at the desk: `0912 345 678`, `0912.345.678`,
 * `+84 912-345-678`, `84912345678`. Only mobile numbers (03x, 05x, 07x, 08x, 09x) take SMS: a landline (02x) or
 * anything else is a permanent failure, never worth a retry.
 */
export type GatewayPhone = { readonly ok: true; readonly phone: string } | { readonly ok: false; readonly reason: string };

export function toGatewayPhone(written: string): GatewayPhone {
  const compact = written.trim().replace(/[\s.-]/g, '');
  if (!/^\+?\d+$/.test(compact)) {
    return { ok: false, reason: `"${written}" is not a phone number (only digits, a leading +, spaces, dots and dashes)` };
  }
  let national = compact;
  if (compact.startsWith('+84')) national = `0${compact.slice(3)}`;
  else if (compact.startsWith('84') && compact.length === 11) national = `0${compact.slice(2)}`;
  else if (compact.startsWith('+')) return { ok: false, reason: `"${written}" is not a Vietnamese number (+84)` };
  if (/^02\d{9}$/.test(national)) {
    return { ok: false, reason: `"${written}" is a landline, not a mobile number: it cannot take an SMS` };
  }
  if (!/^0\d{9}$/.test(national)) {
    return { ok: false, reason: `"${written}" is not a Vietnamese mobile number (10 digits starting with 0)` };
  }
  if (!/^0[35789]/.test(national)) {
    return { ok: false, reason: `"${written}" is not a mobile number (03, 05, 07, 08 or 09): it cannot take an SMS` };
  }
  return { ok: true, phone: `84${national.slice(1)}` };
}
