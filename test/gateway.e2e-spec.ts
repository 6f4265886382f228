import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Role } from '@motcua/auth';
import { SERVICES, callApi, freePort, useSuite } from '@motcua/testing';
import { GATEWAY_TEMPLATE, upstreamVariable } from '../libs/testing/src/service-registry-checks';
import { COMBINED_FILE, combinedDocument, documentJson, serviceFile } from '../scripts/openapi-files';

const ROOT = join(__dirname, '..');
const INSTALL_HINT =
  'nginx is not installed: the gateway test runs the real gateway configuration. Install it (Debian/Ubuntu: `apt-get install -y nginx-light`; ' +
  'macOS: `brew install nginx`); `npm test` and .ci/run install it on Debian when they may.';

/** The `$ref`s of `document` that name nothing in it. */
function unresolvedReferences(document: object): string[] {
  const unresolved: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key !== '$ref' || typeof child !== 'string') walk(child);
      else if (
        child
          .replace(/^#\//, '')
          .split('/')
          .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], document) === undefined
      )
        unresolved.push(child);
    }
  };
  walk(document);
  return unresolved;
}

/** A file of docs/openapi, which must be what the running suite serves. */
function committed(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}
const STALE = 'is not what the suite serves: run `npm run openapi` and commit docs/openapi';

/** The nginx binary: on the PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
function nginxBinary(): string {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nginx')), '/usr/sbin/nginx', '/usr/local/sbin/nginx'];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there
    }
  }
  throw new Error(INSTALL_HINT);
}

/**
 * The template as the nginx image renders it (its 20-envsubst-on-templates.sh runs `envsubst` over the variables its
 * environment defines): `${NAME}` and `$NAME` replaced for those variables only, nginx's own `$variables` left alone.
 */
function renderTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (text, braced?: string, bare?: string) => {
    const name = braced ?? bare!;
    return Object.hasOwn(variables, name) ? variables[name] : text;
  });
}

/**
 * Runs the gateway's template with nginx, as the image does: rendered into conf.d/ and included inside the http {}
 * of an nginx.conf like the image's (here with its pid, logs and temporary files in a directory of its own).
 */
async function startGateway(variables: Record<string, string>): Promise<{ url: string; stop(): Promise<void>; log(): string }> {
  const nginx = nginxBinary();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-gateway-'));
  mkdirSync(join(dir, 'conf.d'));
  const rendered = renderTemplate(readFileSync(join(ROOT, GATEWAY_TEMPLATE), 'utf8'), variables);
  const unset = [...rendered.replace(/#.*$/gm, '').matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]);
  if (unset.length > 0) throw new Error(`${GATEWAY_TEMPLATE} uses ${unset.join(', ')}, which the test (and docker-compose.yml's gateway?) does not set`);
  writeFileSync(join(dir, 'conf.d', 'gateway.conf'), rendered);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`).join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // as root, nginx's workers would run as nobody, who may not read this checkout
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      ...(existsSync('/etc/nginx/mime.types') ? ['  include /etc/nginx/mime.types;'] : []),
      '  default_type application/octet-stream;',
      `  access_log ${join(dir, 'access.log')};`,
      temp,
      `  include ${join(dir, 'conf.d')}/*.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${variables.GATEWAY_PORT}`;
  const log = () => `${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGQUIT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) {
      const output = log();
      await stop();
      throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop, log };
    } catch {
      // not listening yet
    }
    if (tries > 100) {
      await stop();
      throw new Error(`nginx did not answer within 10 s:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The compose stack's front: the gateway's own nginx configuration (docker/gateway/templates), rendered as the
 * nginx image renders it, in front of every service run as a process. It routes each prefix to its service, passes
 * the correlation id along, gives each service its prefix so that its document names the gateway's path, and serves
 * the whole suite's document (docs/openapi/motcua.json) with one Swagger UI.
 */
describe('the gateway in front of the suite', () => {
  const TRUC_BACH = '004.01.20.H26';
  const fixture = useSuite('gateway');
  const { suite } = fixture;
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  const at = (path: string) => `${gateway!.url}${path}`;

  beforeAll(async () => {
    const upstreams = Object.fromEntries(SERVICES.map((s) => [upstreamVariable(s.name), new URL(suite.url(s.name)).host]));
    gateway = await startGateway({
      ...upstreams,
      GATEWAY_PORT: String(await freePort()),
      GATEWAY_UI_DIR: join(ROOT, 'docker', 'gateway', 'docs'),
      GATEWAY_OPENAPI_DIR: join(ROOT, 'docs', 'openapi'),
    });
  }, 30_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('answers its health check', async () => {
    const response = await fetch(at('/healthz'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok\n');
  });

  it('routes each prefix to its service, prefix stripped, bearer token and correlation id along', async () => {
    const receiver = await fixture.anOfficer(TRUC_BACH, Role.Receiver);
    const intake = await callApi('GET', at('/intake/api/v1/online-submissions?limit=5'), receiver, undefined, { 'x-correlation-id': 'gateway-e2e-intake' });
    expect(intake).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    expect(intake.headers.get('x-correlation-id')).toBe('gateway-e2e-intake');

    const notification = await callApi('GET', at('/notification/api/v1/notifications?dossierCode=004.01.20.H26-261207-0001'), receiver);
    expect(notification).toMatchObject({ status: 200, body: { items: [] } });
    // without a correlation id of the client's, the gateway gives the request one (nginx's request id)
    expect(notification.headers.get('x-correlation-id')).toMatch(/^[0-9a-f]{32}$/);

    const postal = await callApi('GET', at('/postal/api/v1/shipments?limit=5'), receiver);
    expect(postal).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });

    const workflow = await callApi('GET', at(`/workflow/api/v1/tasks?agency=${TRUC_BACH}&limit=5`), receiver);
    expect(workflow).toMatchObject({ status: 200, body: { items: [] } });

    // the service's own refusal, through the gateway: no token
    for (const path of ['/workflow/api/v1/tasks', '/portal/api/v1/portal/sync']) {
      const refused = await callApi('GET', at(path), null, undefined, { 'x-correlation-id': `gateway-e2e-${path.split('/')[1]}` });
      expect(refused).toMatchObject({ status: 401, body: { code: 'AUTH.TOKEN_MISSING' } });
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get('x-correlation-id')).toBe(`gateway-e2e-${path.split('/')[1]}`);
    }
  });

  it('gives each service its prefix: its document names the gateway’s path as its server, its Swagger UI loads', async () => {
    for (const { name, gatewayPrefix } of SERVICES) {
      const prefix = gatewayPrefix.replace(/\/$/, '');
      const document = await callApi('GET', at(`${prefix}/docs-json`), null);
      expect(document.status).toBe(200);
      expect(document.body.servers).toEqual([{ url: prefix, description: 'through the gateway' }]);
      // directly, the service serves what docs/openapi holds (written by `npm run openapi` without starting it)
      const direct = await callApi('GET', `${suite.url(name)}/docs-json`, null);
      if (documentJson(direct.body) !== committed(serviceFile(name))) {
        expect({ [serviceFile(name)]: JSON.parse(committed(serviceFile(name))) }).toEqual({ [serviceFile(name)]: direct.body }); // shows what differs
        throw new Error(`${serviceFile(name)} ${STALE}`);
      }
    }
    const page = await fetch(at('/intake/docs'));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    // its assets, as the browser finds them from the page's address (relative: ./docs/swagger-ui.css)
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => new URL(m[1], at('/intake/docs')).pathname);
    expect(assets).toEqual(expect.arrayContaining(['/intake/docs/swagger-ui-bundle.js', '/intake/docs/swagger-ui.css', '/intake/docs/swagger-ui-init.js']));
    for (const asset of assets) expect({ asset, status: (await fetch(at(asset))).status }).toEqual({ asset, status: 200 });
    const init = await fetch(at('/intake/docs/swagger-ui-init.js'));
    expect(init.status).toBe(200);
    expect(await init.text()).toContain('"url": "/intake"');
  });

  it('serves the whole suite’s document at /docs-json, every service’s paths under its prefix, and one Swagger UI at /docs', async () => {
    const combined = await fetch(at('/docs-json'));
    expect(combined.status).toBe(200);
    expect(combined.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await combined.text();
    expect(text).toBe(committed(COMBINED_FILE));
    const document = JSON.parse(text) as OpenAPIObject;
    // the gateway's document is the running services' combined
    const served = await Promise.all(
      SERVICES.map(async ({ name, gatewayPrefix }) => ({
        service: name,
        prefix: gatewayPrefix.replace(/\/$/, ''),
        document: (await callApi('GET', `${suite.url(name)}/docs-json`, null)).body as OpenAPIObject,
      })),
    );
    if (documentJson(combinedDocument(served)) !== text) throw new Error(`${COMBINED_FILE} ${STALE}`);
    expect(document.servers).toEqual([{ url: '/', description: 'the gateway' }]);
    for (const { prefix, document: own } of served) {
      for (const path of Object.keys(own.paths)) expect(document.paths).toHaveProperty([`${prefix}${path}`]);
    }
    expect(unresolvedReferences(document)).toEqual([]);

    const ui = await fetch(at('/docs'));
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await ui.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/intake/docs/swagger-ui-bundle.js', '/intake/docs/swagger-ui.css', '/docs/swagger-init.js']));
    for (const asset of assets) expect({ asset, status: (await fetch(at(asset))).status }).toEqual({ asset, status: 200 });
    expect(await (await fetch(at('/docs/swagger-init.js'))).text()).toContain("url: '/docs-json'");
  });

  it('answers 404 where no service is', async () => {
    for (const path of ['/', '/land-registry/api/v1/parcels', '/intake-old/api/v1/dossiers']) {
      const response = await fetch(at(path));
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
