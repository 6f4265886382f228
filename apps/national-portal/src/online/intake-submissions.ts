import { Injectable } from '@nestjs/common';
import { issueDevToken } from '@motcua/auth';
import { readEnvironment } from '@motcua/config';
import { PortalEnvironment } from '../portal/portal.environment';
import type { onlineSubmissionOf } from './online-submission';

/** Intake's answer: filed (201 new, 200 already filed); not receivable (its 4xx, with its problem); unavailable (retry). */
export type IntakeAnswer =
  | { readonly kind: 'filed'; readonly created: boolean }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string | null; readonly message: string }
  | { readonly kind: 'transient'; readonly error: string };

/**
 * Intake's online-submission endpoint, called as the machine client `national-portal` (scope submissions:write) with
 * `Idempotency-Key: portal:<MaHoSoQG>`, so a dossier pulled twice is filed once.
 */
@Injectable()
export class IntakeSubmissions {
  private readonly env = readEnvironment(PortalEnvironment);
  private devToken: { token: string; until: number } | null = null;

  async file(body: ReturnType<typeof onlineSubmissionOf>): Promise<IntakeAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.env.INTAKE_URL}/api/v1/online-submissions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await this.token()}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': `portal:${body.portalReference}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.env.INTAKE_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'transient', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    if (response.status === 200 || response.status === 201) return { kind: 'filed', created: response.status === 201 };
    let problem: { code?: string; detail?: string; title?: string } = {};
    try {
      problem = (await response.json()) as typeof problem;
    } catch {
      // not a problem body: the status says enough
    }
    const message = problem.detail ?? problem.title ?? `HTTP ${response.status}`;
    // 401/403: our own credentials, 408/409/429: for now — none of them is the dossier's fault
    if (response.status >= 500 || [401, 403, 408, 409, 429].includes(response.status)) return { kind: 'transient', error: `${response.status} ${message}` };
    return { kind: 'refused', status: response.status, code: problem.code ?? null, message };
  }

  private async token(): Promise<string> {
    if (this.env.INTAKE_TOKEN) return this.env.INTAKE_TOKEN;
    // development only: a token from the dev keys (production sets INTAKE_TOKEN from the identity provider)
    if (!this.devToken || Date.now() > this.devToken.until) {
      const token = await issueDevToken({ subject: 'national-portal', kind: 'machine', scopes: ['submissions:write'], expiresIn: '1h' });
      this.devToken = { token, until: Date.now() + 50 * 60_000 };
    }
    return this.devToken.token;
  }
}
