import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type PortalRecord, dossierProblem, isPortalDate, phaseOf, portalDate, progressProblem } from './portal-records';

/**
 * A stand-in for the National Public Service Portal (Cổng Dịch vụ công quốc gia) as docs/national-portal.md
 * describes it, over plain HTTP: no framework, nothing of the services imported — it is the other party, and checks
 * what we send as that party would.
 *
 * - `POST /api/v1/auth/token`: a session token from client credentials, valid `tokenTtlSeconds`; every other call of
 *   the API needs it (unknown or expired: 401 `error_code` "401").
 * - `POST /api/v1/DongBoHoSoMC`: ≤ 50 dossiers a call, each checked against the doc's HoSo table and answered on its
 *   own; every accepted version is kept, and a version in an earlier phase than one accepted before is recorded as an
 *   ordering violation.
 * - `POST /api/v1/CapNhatTienDoHoSoMC`: ≤ 10 progress rows a call, all of dossiers already accepted, else the whole
 *   call is refused (a row before its dossier is recorded as a violation too).
 * - `GET /api/v1/HoSoTrucTuyen?limit=`, `POST /api/v1/HoSoTrucTuyen/{MaHoSoQG}/XacNhan`: online dossiers, served until
 *   confirmed; their documents at `GET /files/{MaHoSoQG}/{n}`.
 * - Steering, for tests and operators: `POST /_control` (mode ok | fail | slow | down for `count` calls or until
 *   changed; a rejection of matching dossiers; `expireTokens`; `serveConfirmedAgain`), `POST /_control/online-dossiers`,
 *   `GET /_dossiers[/{key}]`, `GET /_violations`, `GET /_online-dossiers`, `GET /_stats`, `POST /_reset`, `GET /_health`.
 */

export interface NationalPortalSimulatorOptions {
  /** 0 (default): any free port. */
  readonly port?: number;
  readonly host?: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** How long a session token lasts; default 3600 s. */
  readonly tokenTtlSeconds?: number;
  /** The start value of the control's `serveConfirmedAgain`; default false. */
  readonly serveConfirmedAgain?: boolean;
}

export type PortalMode = 'ok' | 'fail' | 'slow' | 'down';

/** Makes DongBoHoSoMC refuse the dossiers whose code (or MaHoSoQG) starts with `maHoSo`, with `message`. */
export interface PortalRejection {
  readonly maHoSo: string;
  readonly message: string;
  /** How many more records it refuses; null: until changed. */
  readonly times: number | null;
}

/** How the simulator behaves; `POST /_control` changes any part of it. */
export interface PortalControl {
  /** fail: 503 `error_code` "99", nothing done; slow: done, answered after `delayMs`; down: the connection is cut, nothing done. */
  readonly mode: PortalMode;
  readonly delayMs: number;
  /** How many calls of the portal's API the mode lasts before it returns to ok; null: until changed. */
  readonly count: number | null;
  readonly reject: PortalRejection | null;
  /** Each online dossier confirmed while on is served once more after its confirmation (a duplicate to survive). */
  readonly serveConfirmedAgain: boolean;
}

/** What `POST /_control` takes: a part of the control, and `expireTokens: true` to end every session now. */
export type PortalControlChange = Partial<PortalControl> & { readonly expireTokens?: boolean };

/** One accepted version of a dossier. */
export interface DossierVersion {
  readonly TrangThaiHoSo: number;
  /** When the portal took it (ISO 8601). */
  readonly receivedAt: string;
  /** As sent: false for a dossier the portal had already is accepted as an update (see `recreated`). */
  readonly isUpdating: boolean;
  readonly hoSo: PortalRecord;
}

export interface ProgressRow {
  readonly receivedAt: string;
  readonly row: PortalRecord;
}

export type ViolationKind = 'ordering' | 'progress-before-dossier';

/** Something the adapter sent that a correct one never sends: tests assert there are none. */
export interface Violation {
  readonly kind: ViolationKind;
  /** The dossier's code, or its MaHoSoQG when it has no code. */
  readonly key: string;
  readonly message: string;
  readonly at: string;
}

/** A dossier as the portal holds it: every accepted version in order, and its progress rows. */
export interface PortalDossier {
  /** Its code; MaHoSoQG for an online dossier refused before it had one. */
  readonly key: string;
  MaHoSo: string | null;
  MaHoSoQG: string | null;
  readonly versions: DossierVersion[];
  readonly progress: ProgressRow[];
  /** How many versions came with `isUpdating: false` after the first: accepted as updates, as the portal does. */
  recreated: number;
  /** The furthest phase of its life an accepted version reached, and that version's status. */
  phase: number;
  phaseStatus: number;
}

/** `GET /_dossiers/{key}`: the dossier and the violations about it. */
export type PortalDossierView = Omit<PortalDossier, 'phase' | 'phaseStatus'> & { readonly violations: Violation[] };

/** A line of `GET /_dossiers`. */
export interface PortalDossierSummary {
  readonly key: string;
  readonly MaHoSo: string | null;
  readonly MaHoSoQG: string | null;
  readonly TrangThaiHoSo: number;
  readonly versions: number;
  readonly progress: number;
  readonly recreated: number;
}

export interface OnlineDocument {
  readonly MaThanhPhanHoSo: string;
  readonly TenTaiLieu: string;
  readonly DuongDan: string;
  /** SHA-256 of the document's bytes, hex. */
  readonly MaKiemTra: string;
}

/** An online dossier filed on the portal, as `GET /api/v1/HoSoTrucTuyen` serves it. */
export interface OnlineDossier {
  readonly MaHoSoQG: string;
  readonly MaTTHC: string;
  readonly MaDonVi: string;
  readonly ChuHoSo: string;
  readonly SoGiayToChuHoSo: string;
  readonly SoDienThoai: string;
  readonly Email: string;
  readonly DiaChi: string;
  readonly MaXaPhuong: string;
  readonly NgayNopHoSo: string;
  readonly HinhThuc: number;
  readonly TaiLieuNop: readonly OnlineDocument[];
}

/** What `POST /_control/online-dossiers` takes: any part of an online dossier; the simulator fills in the rest. */
export type OnlineDossierInput = Partial<Omit<OnlineDossier, 'TaiLieuNop'>> & {
  /** A document without `DuongDan` and `MaKiemTra` is made up and served by the simulator. */
  readonly TaiLieuNop?: readonly (Partial<OnlineDocument> & { readonly TenTaiLieu: string })[];
};

/** An online dossier and how it was taken, as `GET /_online-dossiers` lists it. */
export interface OnlineDossierState {
  readonly dossier: OnlineDossier;
  /** How many times it was served. */
  served: number;
  confirmedAt: string | null;
  /** Served this many more times though confirmed (serveConfirmedAgain). */
  servesAgain: number;
}

export interface PortalStats {
  /** Calls of the portal's API by route (`POST /api/v1/DongBoHoSoMC`), whatever their answer. */
  readonly calls: Record<string, number>;
  readonly unauthorized: number;
  /** Calls failed or cut by the mode. */
  readonly unavailable: number;
  readonly recordsAccepted: number;
  readonly recordsRefused: number;
  readonly progressRows: number;
  readonly progressCallsRefused: number;
  readonly violations: number;
  readonly dossiers: number;
  readonly onlineDossiers: { readonly waiting: number; readonly confirmed: number };
}

export interface RunningNationalPortalSimulator {
  readonly url: string;
  close(): Promise<void>;
  /** Changes the control as `POST /_control` does (throws on a bad value); the control now. */
  control(change: PortalControlChange): PortalControl;
  /** As `POST /_control/online-dossiers`: the dossiers with their defaults filled in (throws on a bad one). */
  addOnlineDossiers(dossiers: OnlineDossierInput | readonly OnlineDossierInput[]): OnlineDossier[];
  onlineDossiers(): OnlineDossierState[];
  dossiers(): PortalDossierSummary[];
  /** By its code or its MaHoSoQG; null when it has neither a version nor a violation. */
  dossier(key: string): PortalDossierView | null;
  violations(): Violation[];
  stats(): PortalStats;
  /** Forgets dossiers, progress, violations, online dossiers and counts, and the control; issued tokens stay valid. */
  reset(): void;
}

const MODES: readonly PortalMode[] = ['ok', 'fail', 'slow', 'down'];
/** The doc's batch limits (`PORTAL_DOSSIER_BATCH`, `PORTAL_PROGRESS_BATCH` are the adapter's names for them). */
const DOSSIER_BATCH = 50;
const PROGRESS_BATCH = 10;
const ONLINE_PAGE = { default: 50, most: 100 };

const DEFAULT_CONTROL = (serveConfirmedAgain: boolean): PortalControl => ({ mode: 'ok', delayMs: 2_000, count: null, reject: null, serveConfirmedAgain });

/** An answer of the portal's API: the HTTP status and the protocol's body. */
interface Answer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>> & { readonly error_code: string };
}

/** A refusal of a whole call, thrown by the work and answered as it says. */
class Refusal extends Error {
  constructor(readonly answer: Answer) {
    super(String(answer.body.message ?? answer.body.error_code));
  }
}

const refused = (message: string): Refusal => new Refusal({ status: 400, body: { error_code: '1', message } });

/** Answers, unless the client has gone: what the answer stood for is done all the same. */
function answer(response: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  if (response.destroyed || response.socket?.destroyed !== false) return;
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
  response.end(bytes);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown, least: number) => Number.isInteger(value) && (value as number) >= least;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function problemWith(change: Record<string, unknown>): string | null {
  if (change.mode !== undefined && !MODES.includes(change.mode as PortalMode)) return `mode must be one of ${MODES.join(', ')}`;
  if (change.delayMs !== undefined && !isCount(change.delayMs, 0)) return 'delayMs must be a whole number of milliseconds';
  if (change.count !== undefined && change.count !== null && !isCount(change.count, 1)) return 'count must be a positive whole number, or null';
  if (change.serveConfirmedAgain !== undefined && typeof change.serveConfirmedAgain !== 'boolean') return 'serveConfirmedAgain must be true or false';
  if (change.expireTokens !== undefined && typeof change.expireTokens !== 'boolean') return 'expireTokens must be true or false';
  const reject = change.reject;
  if (reject !== undefined && reject !== null) {
    if (!isObject(reject) || typeof reject.maHoSo !== 'string' || reject.maHoSo === '' || typeof reject.message !== 'string' || reject.message === '') {
      return 'reject must be { maHoSo: "<code or prefix>", message: "...", times?: n | null }, or null';
    }
    if (reject.times !== undefined && reject.times !== null && !isCount(reject.times, 1)) return 'reject.times must be a positive whole number, or null';
  }
  return null;
}

/** What is wrong with an online dossier given to `POST /_control/online-dossiers`, or null. */
function onlineProblem(given: unknown): string | null {
  if (!isObject(given)) return 'each online dossier must be a JSON object';
  for (const [field, value] of Object.entries(given)) {
    if (field === 'HinhThuc' ? value !== 0 && value !== 1 : field === 'TaiLieuNop' ? !Array.isArray(value) : typeof value !== 'string' || value === '') {
      return `${field} has the wrong type`;
    }
  }
  if (given.NgayNopHoSo !== undefined && !isPortalDate(given.NgayNopHoSo)) return 'NgayNopHoSo must be yyyyMMddHHmmss';
  const documents = (given.TaiLieuNop ?? []) as unknown[];
  if (!documents.every((d) => isObject(d) && typeof d.TenTaiLieu === 'string'))
    return 'TaiLieuNop must be a list of { MaThanhPhanHoSo?, TenTaiLieu, DuongDan?, MaKiemTra? }';
  return null;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function startNationalPortalSimulator(options: NationalPortalSimulatorOptions): Promise<RunningNationalPortalSimulator> {
  const ttlMs = (options.tokenTtlSeconds ?? 3_600) * 1_000;
  /** Session token → when it expires (epoch ms). */
  const tokens = new Map<string, number>();
  let control = DEFAULT_CONTROL(options.serveConfirmedAgain ?? false);
  let dossiers: PortalDossier[] = [];
  let byCode = new Map<string, PortalDossier>();
  let byReference = new Map<string, PortalDossier>();
  let violations: Violation[] = [];
  let online = new Map<string, OnlineDossierState>();
  /** What `GET /api/v1/HoSoTrucTuyen` serves, oldest first: the unconfirmed, and the confirmed to serve again. */
  let waiting = new Map<string, OnlineDossierState>();
  /** The documents of online dossiers the simulator made up: path → bytes. */
  let files = new Map<string, Buffer>();
  let onlineSequence = 0;
  let counts = { unauthorized: 0, unavailable: 0, recordsAccepted: 0, recordsRefused: 0, progressRows: 0, progressCallsRefused: 0 };
  let calls: Record<string, number> = {};
  /** Calls held for a slow answer: let go on reset and close. */
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  let url = '';

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const issueToken = (body: unknown): Answer => {
    if (!isObject(body) || body.client_id !== options.clientId || body.client_secret !== options.clientSecret) {
      return { status: 401, body: { error_code: '401', message: 'client_id hoặc client_secret không đúng' } };
    }
    const now = Date.now();
    // a client that renews often leaves expired tokens behind: sweep them before the map grows
    if (tokens.size > 100) for (const [token, expiresAt] of tokens) if (expiresAt <= now) tokens.delete(token);
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, now + ttlMs);
    return { status: 200, body: { error_code: '0', access_token: token, expires_in: Math.ceil(ttlMs / 1_000) } };
  };

  const authorised = (request: IncomingMessage): boolean => {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return false;
    const expiresAt = tokens.get(header.slice(7));
    return expiresAt !== undefined && expiresAt > Date.now();
  };

  const record = (kind: ViolationKind, key: string, text: string) => {
    violations.push({ kind, key, message: text, at: new Date().toISOString() });
  };

  /** The rejection's verdict on one record: its message when it refuses it (and one fewer time left). */
  const rejectedBy = (key: string): string | null => {
    const { reject } = control;
    if (!reject || !key.startsWith(reject.maHoSo)) return null;
    if (reject.times !== null) control = { ...control, reject: reject.times <= 1 ? null : { ...reject, times: reject.times - 1 } };
    return reject.message;
  };

  /** One HoSo of a DongBoHoSoMC call: accepted as a version of its dossier, or refused with the reason. */
  const syncDossier = (hoSo: unknown, isUpdating: boolean, receivedAt: string): { MaHoSo: string; error_code: string; message: string } => {
    if (!isObject(hoSo)) return { MaHoSo: '', error_code: '1', message: 'HoSo: phải là một đối tượng' };
    const code = typeof hoSo.MaHoSo === 'string' ? hoSo.MaHoSo : null;
    const reference = typeof hoSo.MaHoSoQG === 'string' ? hoSo.MaHoSoQG : null;
    const key = code ?? reference ?? '';
    const refuse = (text: string) => ({ MaHoSo: key, error_code: '1', message: text });
    const problem = dossierProblem(hoSo);
    if (problem) return refuse(problem);
    // the portal issued every MaHoSoQG: one it never served is not an online dossier of its own
    if (reference !== null && !online.has(reference) && !byReference.has(reference))
      return refuse(`MaHoSoQG: ${reference} không phải hồ sơ trực tuyến nào của Cổng`);
    const rejection = rejectedBy(key);
    if (rejection !== null) return refuse(rejection);
    let dossier = (code !== null ? byCode.get(code) : undefined) ?? (reference !== null ? byReference.get(reference) : undefined);
    // an online dossier is known to the portal from its filing, before the desk's first version of it
    if (!dossier && isUpdating && !(reference !== null && online.has(reference))) {
      return refuse(`MaHoSo: hồ sơ ${key} chưa có trên Cổng, không cập nhật được (isUpdating: true)`);
    }
    const status = hoSo.TrangThaiHoSo as number;
    if (!dossier) {
      dossier = { key, MaHoSo: null, MaHoSoQG: null, versions: [], progress: [], recreated: 0, phase: phaseOf(status), phaseStatus: status };
      dossiers.push(dossier);
    } else if (!isUpdating && dossier.versions.length > 0) {
      // a real portal upserts on MaHoSo: a repeated create (a retry after a lost answer) is taken as an update
      dossier.recreated++;
    }
    if (code !== null && dossier.MaHoSo === null) {
      dossier.MaHoSo = code;
      byCode.set(code, dossier);
    }
    if (reference !== null && dossier.MaHoSoQG === null) {
      dossier.MaHoSoQG = reference;
      byReference.set(reference, dossier);
    }
    const phase = phaseOf(status);
    if (phase < dossier.phase) {
      record('ordering', dossier.key, `TrangThaiHoSo ${status} after ${dossier.phaseStatus}: a version older than one already accepted`);
    } else {
      dossier.phase = phase;
      dossier.phaseStatus = status;
    }
    dossier.versions.push({ TrangThaiHoSo: status, receivedAt, isUpdating, hoSo });
    return { MaHoSo: key, error_code: '0', message: dossier.versions.length === 1 ? 'Thêm mới hồ sơ thành công' : 'Cập nhật hồ sơ thành công' };
  };

  const syncDossiers = (body: unknown): Answer => {
    if (!isObject(body)) throw refused('Dữ liệu không hợp lệ: cần { "isUpdating": true|false, "data": [HoSo, ...] }');
    if (typeof body.isUpdating !== 'boolean') throw refused('isUpdating: phải là true hoặc false');
    const data = body.data;
    if (!Array.isArray(data) || data.length === 0) throw refused('data: cần một danh sách hồ sơ không rỗng');
    if (data.length > DOSSIER_BATCH) throw refused(`data: tối đa ${DOSSIER_BATCH} hồ sơ mỗi lần gọi (có ${data.length})`);
    const receivedAt = new Date().toISOString();
    const results = data.map((hoSo: unknown) => syncDossier(hoSo, body.isUpdating as boolean, receivedAt));
    for (const result of results) {
      if (result.error_code === '0') counts.recordsAccepted++;
      else counts.recordsRefused++;
    }
    return { status: 200, body: { error_code: '0', data: results } };
  };

  const updateProgress = (body: unknown): Answer => {
    if (!isObject(body) || !Array.isArray(body.data) || body.data.length === 0) throw refused('data: cần một danh sách dòng tiến độ không rỗng');
    const rows = body.data as unknown[];
    if (rows.length > PROGRESS_BATCH) throw refused(`data: tối đa ${PROGRESS_BATCH} dòng tiến độ mỗi lần gọi (có ${rows.length})`);
    for (const [i, row] of rows.entries()) {
      if (!isObject(row)) throw refused(`data[${i}]: phải là một đối tượng`);
      const problem = progressProblem(row);
      if (problem) throw refused(`data[${i}].${problem}`);
    }
    const unknown = [...new Set((rows as PortalRecord[]).map((row) => row.MaHoSo as string).filter((code) => !byCode.has(code)))];
    if (unknown.length > 0) {
      for (const code of unknown) record('progress-before-dossier', code, `progress before its dossier: a row of ${code}, which the portal has not accepted`);
      throw refused(`MaHoSo: hồ sơ ${unknown.join(', ')} chưa có trên Cổng (tiến độ gửi trước hồ sơ)`);
    }
    const receivedAt = new Date().toISOString();
    for (const row of rows as PortalRecord[]) byCode.get(row.MaHoSo as string)!.progress.push({ receivedAt, row });
    counts.progressRows += rows.length;
    return { status: 200, body: { error_code: '0', message: `Cập nhật ${rows.length} dòng tiến độ thành công` } };
  };

  const serveOnline = (limitParam: string | null): Answer => {
    const limit = limitParam === null ? ONLINE_PAGE.default : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > ONLINE_PAGE.most) throw refused(`limit: phải là một số nguyên từ 1 đến ${ONLINE_PAGE.most}`);
    const page: OnlineDossier[] = [];
    for (const [reference, state] of waiting) {
      if (page.length === limit) break;
      page.push(state.dossier);
      state.served++;
      if (state.confirmedAt !== null && --state.servesAgain <= 0) waiting.delete(reference);
    }
    return { status: 200, body: { error_code: '0', data: page } };
  };

  const confirmOnline = (reference: string): Answer => {
    const state = online.get(reference);
    if (!state) throw refused(`MaHoSoQG: không có hồ sơ trực tuyến ${reference}`);
    if (state.confirmedAt === null) {
      state.confirmedAt = new Date().toISOString();
      waiting.delete(reference);
      if (control.serveConfirmedAgain) {
        // served once more, after those waiting: the duplicate a real portal sends when a confirmation is lost on its side
        state.servesAgain = 1;
        waiting.set(reference, state);
      }
    }
    return { status: 200, body: { error_code: '0', message: 'Xác nhận thành công' } };
  };

  const addOnlineDossiers = (given: unknown): OnlineDossier[] => {
    const list = Array.isArray(given) ? (given as unknown[]) : [given];
    const named = new Set<string>();
    for (const item of list) {
      const problem = onlineProblem(item);
      if (problem) throw new Error(problem);
      const reference = (item as OnlineDossierInput).MaHoSoQG;
      if (reference !== undefined && (online.has(reference) || named.has(reference))) throw new Error(`MaHoSoQG ${reference} is already an online dossier`);
      if (reference !== undefined) named.add(reference);
    }
    /** The portal's next reference of its own: a day and a serial, none given or issued before. */
    const nextReference = (now: number): string => {
      let reference = '';
      while (reference === '' || online.has(reference) || named.has(reference)) {
        reference = `G22-${portalDate(now).slice(2, 8)}-${String(++onlineSequence).padStart(6, '0')}`;
      }
      return reference;
    };
    return list.map((item) => {
      const partial = item as OnlineDossierInput;
      const now = Date.now();
      const reference = partial.MaHoSoQG ?? nextReference(now);
      const documents = (partial.TaiLieuNop ?? [{ MaThanhPhanHoSo: 'TK', TenTaiLieu: 'Tờ khai' }]).map((document, i): OnlineDocument => {
        const component = document.MaThanhPhanHoSo ?? `TP${i + 1}`;
        if (document.DuongDan && document.MaKiemTra)
          return { MaThanhPhanHoSo: component, TenTaiLieu: document.TenTaiLieu, DuongDan: document.DuongDan, MaKiemTra: document.MaKiemTra };
        // a document of our own making: served at its link, so that the desk can fetch it and check its checksum
        const path = `/files/${encodeURIComponent(reference)}/${i + 1}`;
        const bytes = Buffer.from(`%PDF-1.4\n% ${reference} ${document.TenTaiLieu}\n%%EOF\n`);
        files.set(path, bytes);
        return { MaThanhPhanHoSo: component, TenTaiLieu: document.TenTaiLieu, DuongDan: `${url}${path}`, MaKiemTra: sha256(bytes) };
      });
      const dossier: OnlineDossier = {
        MaTTHC: '1.001193',
        MaDonVi: '000.00.04.H26',
        ChuHoSo: 'Nguyễn Thị Lan',
        SoGiayToChuHoSo: '001190012345',
        SoDienThoai: '0912345678',
        Email: 'lan.nguyen@example.vn',
        DiaChi: '12 Phó Đức Chính, Trúc Bạch, Ba Đình, Hà Nội',
        MaXaPhuong: '00004',
        NgayNopHoSo: portalDate(now),
        HinhThuc: 0,
        ...partial,
        MaHoSoQG: reference,
        TaiLieuNop: documents,
      };
      const state: OnlineDossierState = { dossier, served: 0, confirmedAt: null, servesAgain: 0 };
      online.set(reference, state);
      waiting.set(reference, state);
      return dossier;
    });
  };

  const changeControl = (change: PortalControlChange): PortalControl => {
    const problem = problemWith(change as Record<string, unknown>);
    if (problem) throw new Error(problem);
    if (change.expireTokens) tokens.clear();
    const { expireTokens: _expire, ...rest } = change;
    const known = Object.fromEntries(Object.entries(rest).filter(([key]) => key in control));
    const reject: unknown = known.reject;
    // a rejection without `times` lasts until changed
    if (isObject(reject)) known.reject = { times: null, ...reject } as PortalRejection;
    control = { ...control, ...(known as Partial<PortalControl>) };
    return control;
  };

  const summaries = (): PortalDossierSummary[] =>
    dossiers.map((d) => ({
      key: d.key,
      MaHoSo: d.MaHoSo,
      MaHoSoQG: d.MaHoSoQG,
      TrangThaiHoSo: d.versions.at(-1)!.TrangThaiHoSo,
      versions: d.versions.length,
      progress: d.progress.length,
      recreated: d.recreated,
    }));

  const dossierView = (key: string): PortalDossierView | null => {
    const dossier = byCode.get(key) ?? byReference.get(key);
    const keys = new Set([key, dossier?.MaHoSo, dossier?.MaHoSoQG]);
    const about = violations.filter((v) => keys.has(v.key));
    if (!dossier) return about.length > 0 ? { key, MaHoSo: null, MaHoSoQG: null, versions: [], progress: [], recreated: 0, violations: about } : null;
    const { phase: _phase, phaseStatus: _status, ...view } = dossier;
    return { ...view, violations: about };
  };

  const stats = (): PortalStats => {
    let confirmed = 0;
    for (const state of online.values()) if (state.confirmedAt !== null) confirmed++;
    return {
      calls: { ...calls },
      ...counts,
      violations: violations.length,
      dossiers: dossiers.length,
      onlineDossiers: { waiting: online.size - confirmed, confirmed },
    };
  };

  const reset = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const response of held) response.destroy();
    held.clear();
    control = DEFAULT_CONTROL(options.serveConfirmedAgain ?? false);
    dossiers = [];
    byCode = new Map();
    byReference = new Map();
    violations = [];
    online = new Map();
    waiting = new Map();
    files = new Map();
    counts = { unauthorized: 0, unavailable: 0, recordsAccepted: 0, recordsRefused: 0, progressRows: 0, progressCallsRefused: 0 };
    calls = {};
  };

  /** The mode for this call; a mode given for `count` calls returns to ok after them. */
  const modeForThisCall = (): PortalControl => {
    const current = control;
    if (current.count !== null) control = current.count <= 1 ? { ...current, mode: 'ok', count: null } : { ...current, count: current.count - 1 };
    return current;
  };

  /** A call of the portal's API: faults as the control says, the token checked, the work done before a slow answer. */
  const portalCall = async (route: string, request: IncomingMessage, response: ServerResponse, work: (body: unknown) => Answer, open = false) => {
    calls[route] = (calls[route] ?? 0) + 1;
    const { mode, delayMs } = modeForThisCall();
    if (mode === 'down') {
      // as near to a refused connection as a listening server gets: no answer, the socket gone
      counts.unavailable++;
      request.socket.destroy();
      return;
    }
    if (mode === 'fail') {
      counts.unavailable++;
      request.resume();
      return answer(response, 503, { error_code: '99', message: 'Hệ thống đang bận, vui lòng thử lại sau' });
    }
    const text = await bodyOf(request);
    let result: Answer;
    if (!open && !authorised(request)) {
      counts.unauthorized++;
      result = { status: 401, body: { error_code: '401', message: 'Token không hợp lệ hoặc đã hết hạn' } };
    } else {
      const body = text === '' ? undefined : parsed(text);
      try {
        if (text !== '' && body === undefined) throw refused('Dữ liệu không phải JSON');
        result = work(body);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        if (route === 'POST /api/v1/CapNhatTienDoHoSoMC') counts.progressCallsRefused++;
        result = error.answer;
      }
    }
    if (mode === 'slow') {
      held.add(response);
      await wait(delayMs);
      held.delete(response);
    }
    answer(response, result.status, result.body);
  };

  const CONFIRM = /^\/api\/v1\/HoSoTrucTuyen\/([^/]+)\/XacNhan$/;
  const DOSSIER = /^\/_dossiers\/([^/]+)$/;

  const server = createServer((request, response) => {
    const parsedUrl = new URL(request.url ?? '/', 'http://simulator');
    const path = parsedUrl.pathname;
    const route = `${request.method} ${path}`;
    const handled = (async () => {
      if (route === 'POST /api/v1/auth/token') return portalCall(route, request, response, issueToken, true);
      if (route === 'POST /api/v1/DongBoHoSoMC') return portalCall(route, request, response, syncDossiers);
      if (route === 'POST /api/v1/CapNhatTienDoHoSoMC') return portalCall(route, request, response, updateProgress);
      if (route === 'GET /api/v1/HoSoTrucTuyen') return portalCall(route, request, response, () => serveOnline(parsedUrl.searchParams.get('limit')));
      const confirming = CONFIRM.exec(path);
      if (confirming && request.method === 'POST') {
        const reference = decodeURIComponent(confirming[1]);
        return portalCall('POST /api/v1/HoSoTrucTuyen/{MaHoSoQG}/XacNhan', request, response, () => confirmOnline(reference));
      }
      if (request.method === 'GET' && files.has(path)) return answer(response, 200, files.get(path), 'application/pdf');
      if (route === 'GET /_dossiers') return answer(response, 200, summaries());
      const viewing = DOSSIER.exec(path);
      if (viewing && request.method === 'GET') {
        const key = decodeURIComponent(viewing[1]);
        const view = dossierView(key);
        return view ? answer(response, 200, view) : answer(response, 404, { error_code: '404', message: `no dossier ${key}` });
      }
      if (route === 'GET /_violations') return answer(response, 200, violations);
      if (route === 'GET /_online-dossiers') return answer(response, 200, [...online.values()]);
      if (route === 'GET /_stats') return answer(response, 200, stats());
      if (route === 'GET /_health') return answer(response, 200, { status: 'ok' });
      if (route === 'POST /_reset') {
        reset();
        return answer(response, 200, { reset: true });
      }
      if (route === 'POST /_control' || route === 'POST /_control/online-dossiers') {
        const body = parsed(await bodyOf(request));
        try {
          if (route === 'POST /_control/online-dossiers') return answer(response, 201, addOnlineDossiers(body));
          if (!isObject(body)) throw new Error('a JSON object of the control to change');
          return answer(response, 200, changeControl(body));
        } catch (error) {
          return answer(response, 400, { message: message(error) });
        }
      }
      answer(response, 404, { error_code: '404', message: `no ${route}` });
    })();
    handled.catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, { error_code: '99', message: message(error) });
    });
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url,
    control: changeControl,
    addOnlineDossiers: (given) => addOnlineDossiers(given),
    onlineDossiers: () => [...online.values()],
    dossiers: summaries,
    dossier: dossierView,
    violations: () => [...violations],
    stats,
    reset,
    async close() {
      reset();
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
