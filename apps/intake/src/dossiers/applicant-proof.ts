import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from '@motcua/auth';
import type { Applicant } from '@motcua/contracts';

/** What a caller may show to prove a dossier is theirs as its applicant: their citizen token, or the receipt's secret. */
export interface ApplicantCredentials {
  readonly principal?: Principal;
  /** Mã tra cứu: the secret printed on the receipt (`X-Lookup-Secret`). */
  readonly lookupSecret?: string;
}

/** What of a dossier the proof is checked against: the applicant's id number and the hash of the receipt's secret. */
export interface ApplicantProofOf {
  readonly applicant: Pick<Applicant, 'idNumber'>;
  readonly lookupSecretHash: string | null;
}

/** How a lookup secret is kept and compared: SHA-256, hex (the secret itself is never stored). */
export function hashOfSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether the caller is the dossier's applicant: a citizen whose token's subject is the applicant's id number
 * (số định danh cá nhân, as the national identity system issues it), or anyone holding the secret printed on the
 * receipt. The secret's hash is compared in constant time, so how long the answer takes says nothing of how much
 * of a guess was right.
 */
export function provesApplicant(dossier: ApplicantProofOf, { principal, lookupSecret }: ApplicantCredentials): boolean {
  if (principal?.kind === 'citizen' && dossier.applicant.idNumber && principal.subject === dossier.applicant.idNumber) return true;
  if (!lookupSecret || !dossier.lookupSecretHash) return false;
  const given = Buffer.from(hashOfSecret(lookupSecret), 'hex');
  const kept = Buffer.from(dossier.lookupSecretHash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
