import { Injectable } from '@nestjs/common';
import { EnvironmentError, readEnvironment } from '@motcua/config';
import { type HoSo, type HoSoTrucTuyen, NationalPortal, type PortalAnswer, type RecordResult, type TienDo } from './national-portal';
import { PortalEnvironment, simulatorCredentialsElsewhere } from './portal.environment';

interface PortalReply {
  error_code?: string;
  message?: string;
  data?: unknown;
  access_token?: string;
  expires_in?: number;
}

const succeeded = (code: unknown) => code === '0' || code === '00';

/**
 * The portal's protocol (docs/national-portal.md): a session token from the client credentials, renewed before it
 * expires and once more on a 401; JSON calls within the timeout; `error_code` "0"/"00" accepted, another code a
 * refusal with its message, HTTP 5xx/429/no answer unavailable for now. It never retries: the dispatcher does.
 */
@Injectable()
export class PortalApi extends NationalPortal {
  private readonly env = readEnvironment(PortalEnvironment);
  private session: { token: string; renewAt: number } | null = null;
  private renewing: Promise<PortalAnswer<string>> | null = null;

  constructor() {
    super();
    const problems = simulatorCredentialsElsewhere(this.env);
    if (problems.length > 0) throw new EnvironmentError(problems);
  }

  async syncDossiers(isUpdating: boolean, dossiers: readonly HoSo[]): Promise<PortalAnswer<RecordResult[]>> {
    const answer = await this.call('POST', '/api/v1/DongBoHoSoMC', { isUpdating, data: dossiers });
    if (answer.kind !== 'accepted') return answer;
    const data = Array.isArray(answer.value.data) ? (answer.value.data as { MaHoSo?: string; error_code?: string; message?: string }[]) : [];
    // one result per dossier, in the call's order; a dossier the answer does not mention was not taken
    return {
      kind: 'accepted',
      value: dossiers.map((d, i) => {
        // the portal names a refusal keyed by MaHoSoQG (no MaHoSo) by its MaHoSoQG
        const key = d.MaHoSo ?? d.MaHoSoQG ?? '';
        const result = data.find((r) => r.MaHoSo === key) ?? data[i];
        const accepted = result !== undefined && succeeded(result.error_code);
        return { maHoSo: key, accepted, message: result?.message ?? (result ? null : 'no result for this dossier in the portal’s answer') };
      }),
    };
  }

  async updateProgress(rows: readonly TienDo[]): Promise<PortalAnswer<null>> {
    const answer = await this.call('POST', '/api/v1/CapNhatTienDoHoSoMC', { data: rows });
    return answer.kind === 'accepted' ? { kind: 'accepted', value: null } : answer;
  }

  async onlineDossiers(limit: number): Promise<PortalAnswer<HoSoTrucTuyen[]>> {
    const answer = await this.call('GET', `/api/v1/HoSoTrucTuyen?limit=${limit}`);
    if (answer.kind !== 'accepted') return answer;
    return { kind: 'accepted', value: Array.isArray(answer.value.data) ? (answer.value.data as HoSoTrucTuyen[]) : [] };
  }

  async confirmOnline(portalReference: string): Promise<PortalAnswer<null>> {
    const answer = await this.call('POST', `/api/v1/HoSoTrucTuyen/${encodeURIComponent(portalReference)}/XacNhan`, {});
    return answer.kind === 'accepted' ? { kind: 'accepted', value: null } : answer;
  }

  /** One call with the session's token; a 401 drops the token and repeats the call once with a new one. */
  private async call(method: 'GET' | 'POST', path: string, body?: object): Promise<PortalAnswer<PortalReply>> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.token();
      if (token.kind !== 'accepted') return token;
      const answer = await this.request(method, path, body, token.value);
      if (answer.kind === 'unauthorized') {
        this.session = null;
        if (attempt < 2) continue;
        return { kind: 'transient', error: `401 ${answer.error}` };
      }
      return answer;
    }
  }

  private token(): Promise<PortalAnswer<string>> {
    if (this.session && Date.now() < this.session.renewAt) return Promise.resolve({ kind: 'accepted', value: this.session.token });
    // one renewal at a time: the calls that need it wait for the same one
    this.renewing ??= this.newSession().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async newSession(): Promise<PortalAnswer<string>> {
    const answer = await this.request('POST', '/api/v1/auth/token', { client_id: this.env.PORTAL_CLIENT_ID, client_secret: this.env.PORTAL_CLIENT_SECRET });
    // credentials refused: nothing can be sent until someone fixes them; retried like an outage, the error says why
    if (answer.kind === 'unauthorized') return { kind: 'transient', error: `session refused: ${answer.error}` };
    if (answer.kind !== 'accepted') return answer.kind === 'refused' ? { kind: 'transient', error: `session refused: ${answer.error}` } : answer;
    const { access_token: token, expires_in: expiresIn } = answer.value;
    if (typeof token !== 'string' || token === '') return { kind: 'transient', error: 'the portal issued no access_token' };
    const lifetimeMs = (typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 300) * 1_000;
    this.session = { token, renewAt: Date.now() + Math.max(lifetimeMs - this.env.PORTAL_TOKEN_RENEW_MARGIN_MS, lifetimeMs / 2) };
    return { kind: 'accepted', value: token };
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body: object | undefined,
    token?: string,
  ): Promise<PortalAnswer<PortalReply> | { kind: 'unauthorized'; error: string }> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.env.PORTAL_URL), {
        method,
        headers: {
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.env.PORTAL_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'transient', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    let reply: PortalReply = {};
    try {
      reply = (await response.json()) as PortalReply;
    } catch {
      // not JSON: the status says enough
    }
    const said = `${response.status} ${reply.error_code ?? ''} ${reply.message ?? ''}`.replace(/\s+/g, ' ').trim();
    if (response.status === 401) return { kind: 'unauthorized', error: said };
    if (response.status === 429 || response.status === 408 || response.status >= 500) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return { kind: 'transient', error: said, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1_000 } : {}) };
    }
    if (succeeded(reply.error_code) && response.ok) return { kind: 'accepted', value: reply };
    // 200/400 with an error code: the portal read the record and refused it, its message says why
    return { kind: 'refused', error: reply.message ?? said };
  }
}
