import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal stand-in for the portal (docs/national-portal.md) until simulators/national-portal is on this branch:
 * session tokens, DongBoHoSoMC and CapNhatTienDoHoSoMC recorded in arrival order, progress of an unknown dossier
 * refused, and switches to be down (503) or to refuse one dossier with a message. Swap it for the simulator here.
 */
export interface FakePortal {
  readonly url: string;
  readonly dossierCalls: { isUpdating: boolean; data: Record<string, unknown>[] }[];
  readonly progressCalls: Record<string, unknown>[][];
  down: boolean;
  refuse: Map<string, string>;
  close(): Promise<void>;
}

export async function startFakePortal(): Promise<FakePortal> {
  const known = new Set<string>();
  const portal = {
    url: '',
    dossierCalls: [] as FakePortal['dossierCalls'],
    progressCalls: [] as FakePortal['progressCalls'],
    down: false,
    refuse: new Map<string, string>(),
    close: (): Promise<void> => Promise.resolve(),
  };
  const send = (res: ServerResponse, status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (portal.down) return send(res, 503, { error_code: '503', message: 'Hệ thống bảo trì' });
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      if (req.url === '/api/v1/auth/token') return send(res, 200, { error_code: '0', access_token: 'fake-token', expires_in: 3600 });
      if (req.headers.authorization !== 'Bearer fake-token') return send(res, 401, { error_code: '401' });
      if (req.url === '/api/v1/DongBoHoSoMC') {
        const data = body.data as Record<string, unknown>[];
        portal.dossierCalls.push({ isUpdating: body.isUpdating as boolean, data });
        return send(res, 200, {
          error_code: '0',
          data: data.map((d) => {
            const refused = portal.refuse.get(d.MaHoSo as string);
            if (!refused) known.add(d.MaHoSo as string);
            return { MaHoSo: d.MaHoSo, error_code: refused ? '1' : '0', message: refused ?? 'OK' };
          }),
        });
      }
      if (req.url === '/api/v1/CapNhatTienDoHoSoMC') {
        const rows = body.data as Record<string, unknown>[];
        const unknown = rows.find((r) => !known.has(r.MaHoSo as string));
        if (unknown) return send(res, 200, { error_code: '2', message: `Hồ sơ ${String(unknown.MaHoSo)} chưa được đồng bộ` });
        portal.progressCalls.push(rows);
        return send(res, 200, { error_code: '0' });
      }
      if (req.url?.startsWith('/api/v1/HoSoTrucTuyen')) return send(res, 200, { error_code: '0', data: [] });
      send(res, 404, { error_code: '404', message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  portal.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  portal.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return portal;
}
