import type { SendOutcome } from '../delivery/channel-sender';

/** An SMTP error as nodemailer reports it: the server's reply code, or a connection-level code. */
export interface SmtpError {
  readonly message: string;
  readonly responseCode?: number;
  readonly code?: string;
  readonly response?: string;
}

/**
 * What an SMTP failure means for the message: a 5xx reply refuses it for good (no such mailbox, address refused,
 * content rejected) — except 521/554 given at connection, which a retry may pass later, kept transient here only
 * when the connection itself failed; a 4xx reply (mailbox busy, greylisting, too many connections) and every
 * network failure are worth another try.
 */
export function smtpOutcome(error: SmtpError): SendOutcome {
  const reply = error.response ?? error.message;
  if (error.responseCode !== undefined && error.responseCode >= 500 && error.responseCode < 600) {
    return { kind: 'permanent', error: `SMTP ${error.responseCode}: ${reply}` };
  }
  if (error.code === 'EENVELOPE' && error.responseCode === undefined) return { kind: 'permanent', error: `the address was refused: ${reply}` };
  return { kind: 'transient', error: error.responseCode ? `SMTP ${error.responseCode}: ${reply}` : `${error.code ?? 'SMTP'}: ${reply}` };
}

/** A plain text letter as simple HTML: its paragraphs and lines, escaped; lines starting "- " become a list. */
export function letterHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const paragraphs = text.split(/\n{2,}/).map((block) => {
    const lines = block.split('\n');
    if (lines.every((line) => line.startsWith('- '))) return `<ul>${lines.map((line) => `<li>${escape(line.slice(2))}</li>`).join('')}</ul>`;
    return `<p>${lines.map(escape).join('<br>')}</p>`;
  });
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body style="font-family: Arial, sans-serif; font-size: 14px">${paragraphs.join('')}</body></html>`;
}

/** Whether a text is an email address the mail system could route (a plain check, not RFC 5322's whole grammar). */
export const isMailAddress = (address: string): boolean => /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(address);
