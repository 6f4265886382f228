import { Injectable } from '@nestjs/common';
import { IsUrl } from 'class-validator';
import { readEnvironment } from '@motcua/config';
import { DOSSIER_CODE_PATTERN, dossierNotFound } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';

export class IntakeEnvironment {
  /** Where intake answers: the applicant's lookup secret is checked there (it is never copied out of intake). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) INTAKE_URL = 'http://127.0.0.1:3001';
}

/** What intake said of an applicant's claim to a dossier. */
export type LookupAnswer = { readonly kind: 'theirs' } | { readonly kind: 'not_found' } | { readonly kind: 'too_many'; readonly retryAfter: string | null };

/**
 * Asks intake whether the caller may see the dossier as its applicant (the lookup secret printed on the receipt, or
 * their citizen token): the secret stays in intake, and intake's limits on guessing it apply to this door too (the
 * client's address travels in X-Forwarded-For: intake counts it per client when it trusts notification as a proxy,
 * `TRUST_PROXY`). A query between services over HTTP: rare, and only for this.
 */
@Injectable()
export class IntakeLookup {
  private readonly env = readEnvironment(IntakeEnvironment);

  async check(dossierCode: string, claim: { lookupSecret?: string; authorization?: string; clientIp: string }): Promise<LookupAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-forwarded-for': claim.clientIp };
    if (claim.lookupSecret) headers['x-lookup-secret'] = claim.lookupSecret;
    if (claim.authorization) headers.authorization = claim.authorization;
    const response = await fetch(`${this.env.INTAKE_URL}/api/v1/dossiers/${encodeURIComponent(dossierCode)}`, { headers, signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    if (response.status === 200) return { kind: 'theirs' };
    if (response.status === 429) return { kind: 'too_many', retryAfter: response.headers.get('retry-after') };
    if (response.status === 404 || response.status === 400 || response.status === 401) return { kind: 'not_found' };
    throw new Error(`intake answered ${response.status}`);
  }

  /**
   * The door of an applicant's own read (their messages, their result's journey): passes when intake says the
   * dossier is theirs, else refuses as intake would — a wrong secret and a dossier that does not exist read the same
   * (`DOSSIER.NOT_FOUND`), too many guesses are `LOOKUP.TOO_MANY_ATTEMPTS` with intake's Retry-After, and intake
   * not answering is the caller's `unavailableCode` (503).
   */
  async ensureApplicant(
    dossierCode: string,
    claim: { lookupSecret?: string; authorization?: string; clientIp: string },
    answer: { unavailableCode: string; retryAfter: (seconds: string) => void },
  ): Promise<void> {
    if (!DOSSIER_CODE_PATTERN.test(dossierCode) || (!claim.lookupSecret && !claim.authorization)) throw dossierNotFound(dossierCode, 'see');
    let said: LookupAnswer;
    try {
      said = await this.check(dossierCode, claim);
    } catch {
      throw new Refusal(answer.unavailableCode, 'the dossier could not be checked just now: try again in a moment');
    }
    if (said.kind === 'too_many') {
      if (said.retryAfter) answer.retryAfter(said.retryAfter);
      throw new Refusal('LOOKUP.TOO_MANY_ATTEMPTS');
    }
    if (said.kind === 'not_found') throw dossierNotFound(dossierCode, 'see');
  }
}
