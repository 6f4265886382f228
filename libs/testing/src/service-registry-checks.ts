import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisteredService } from './service-registry';

/**
 * What each file that cannot read scripts/services.json must say about every registered service, as lists of
 * disagreements (`<file>: <what is wrong> for <service>`); an empty list means the file agrees. The files are
 * read from `root`, so the checks can be run against a registry that differs from the real one (the spec's
 * proof that they notice a service added or removed on one side only).
 */
export type RegistryCheck = (services: readonly RegisteredService[], root: string) => string[];

const REGISTRY = 'scripts/services.json';

function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** The registry itself: names usable as folders, projects, compose services and queue names; nothing shared. */
export const registryProblems: RegistryCheck = (services) => {
  const problems: string[] = [];
  const unique = (field: keyof RegisteredService) => {
    const seen = new Map<unknown, string>();
    for (const service of services) {
      const other = seen.get(service[field]);
      if (other !== undefined) problems.push(`${REGISTRY}: ${service.name} has the same ${field} as ${other} (${String(service[field])})`);
      seen.set(service[field], service.name);
    }
  };
  for (const field of ['name', 'database', 'port', 'gatewayPrefix'] as const) unique(field);
  for (const service of services) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(service.name)) problems.push(`${REGISTRY}: name "${service.name}" is not lower-case kebab-case`);
    if (!/^[a-z][a-z0-9_]*$/.test(service.database))
      problems.push(`${REGISTRY}: database "${service.database}" of ${service.name} is not a plain lower-case identifier`);
    if (!Number.isInteger(service.port) || service.port < 1024 || service.port > 65535)
      problems.push(`${REGISTRY}: port ${service.port} of ${service.name} is not a port from 1024 to 65535`);
    if (!/^\/[a-z0-9-]+\/$/.test(service.gatewayPrefix))
      problems.push(`${REGISTRY}: gatewayPrefix "${service.gatewayPrefix}" of ${service.name} is not of the form /<segment>/`);
  }
  return problems;
};

/** apps/<name>/: a folder per registered service, with its entry file and a tsconfig that builds into dist/apps/<name>. */
export const appsProblems: RegistryCheck = (services, root) => {
  const problems: string[] = [];
  const registered = new Set(services.map((s) => s.name));
  for (const folder of readdirSync(join(root, 'apps'), { withFileTypes: true })) {
    if (folder.isDirectory() && !registered.has(folder.name)) problems.push(`apps/${folder.name}: not in ${REGISTRY}`);
  }
  for (const { name } of services) {
    if (!existsSync(join(root, 'apps', name, 'src', 'main.ts'))) {
      problems.push(`apps/${name}/src/main.ts: missing for ${name}`);
    }
    const tsconfigPath = `apps/${name}/tsconfig.app.json`;
    if (!existsSync(join(root, tsconfigPath))) {
      problems.push(`${tsconfigPath}: missing for ${name}`);
      continue;
    }
    const outDir = (JSON.parse(read(root, tsconfigPath)) as { compilerOptions?: { outDir?: string } }).compilerOptions?.outDir;
    if (outDir !== `../../dist/apps/${name}`) problems.push(`${tsconfigPath}: outDir is ${outDir}, not ../../dist/apps/${name}, for ${name}`);
  }
  return problems;
};

interface NestProject {
  type?: string;
  root?: string;
  sourceRoot?: string;
  entryFile?: string;
  compilerOptions?: { tsConfigPath?: string };
}

/** nest-cli.json: one application project per registered service, none other (`nest build <name>` builds it). */
export const nestCliProblems: RegistryCheck = (services, root) => {
  const file = 'nest-cli.json';
  const projects = (JSON.parse(read(root, file)) as { projects: Record<string, NestProject> }).projects;
  const problems: string[] = [];
  const registered = new Set(services.map((s) => s.name));
  for (const [name, project] of Object.entries(projects)) {
    if (project.type === 'application' && !registered.has(name)) problems.push(`${file}: application project ${name} is not in ${REGISTRY}`);
  }
  for (const { name } of services) {
    const project = projects[name];
    if (!project) {
      problems.push(`${file}: no project for ${name} (add an application project rooted at apps/${name}, like the other services')`);
      continue;
    }
    const expected: Record<string, string> = {
      type: 'application',
      root: `apps/${name}`,
      sourceRoot: `apps/${name}/src`,
      entryFile: 'main',
      'compilerOptions.tsConfigPath': `apps/${name}/tsconfig.app.json`,
    };
    const actual: Record<string, string | undefined> = {
      type: project.type,
      root: project.root,
      sourceRoot: project.sourceRoot,
      entryFile: project.entryFile,
      'compilerOptions.tsConfigPath': project.compilerOptions?.tsConfigPath,
    };
    for (const [key, value] of Object.entries(expected)) {
      if (actual[key] !== value) problems.push(`${file}: projects.${name}.${key} is ${actual[key]}, not ${value}`);
    }
  }
  return problems;
};

/**
 * The compose file's `services:` entries as name → the lines of its block. A small reading of the subset of YAML
 * the file uses (two-space indentation), enough to find each service's block without a YAML dependency.
 */
function composeServices(text: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let inServices = false;
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      inServices = /^services:\s*(#.*)?$/.test(line);
      current = undefined;
      continue;
    }
    if (!inServices) continue;
    const start = /^ {2}([A-Za-z0-9._-]+):\s*(#.*)?$/.exec(line);
    if (start) {
      current = [];
      blocks.set(start[1], current);
    } else {
      current?.push(line);
    }
  }
  return blocks;
}

/** The services a compose block's own `depends_on:` (block form, one `name: {...}` a line) names. */
function dependsOn(block: readonly string[]): string[] | undefined {
  const at = block.findIndex((line) => /^ {4}depends_on:\s*$/.test(line));
  if (at < 0) return undefined;
  const names: string[] = [];
  for (const line of block.slice(at + 1)) {
    const entry = /^ {6}([A-Za-z0-9._-]+):/.exec(line);
    if (!entry) break;
    names.push(entry[1]);
  }
  return names;
}

/**
 * docker-compose.yml: a block per registered service built from the Dockerfile with its SERVICE, image, port and
 * database; the gateway waits for every service, a front door for every other service.
 */
export const composeProblems: RegistryCheck = (services, root) => {
  const file = 'docker-compose.yml';
  const blocks = composeServices(read(root, file));
  const problems: string[] = [];
  const registered = new Set(services.map((s) => s.name));
  for (const [name, block] of blocks) {
    const built = /(?<![A-Za-z0-9_])SERVICE:\s*["']?([A-Za-z0-9._-]+)["']?/.exec(block.join('\n'));
    if (built && !registered.has(name)) problems.push(`${file}: service ${name} (built with SERVICE=${built[1]}) is not in ${REGISTRY}`);
  }
  for (const service of services) {
    const block = blocks.get(service.name);
    if (!block) {
      problems.push(
        `${file}: no service block for ${service.name} (add one like the other services': SERVICE ${service.name}, PORT ${service.port}, database ${service.database})`,
      );
      continue;
    }
    const text = block.join('\n');
    const agree = (what: string, pattern: RegExp, value: string) => {
      const found = pattern.exec(text)?.[1];
      if (found !== value) problems.push(`${file}: ${service.name}'s ${what} is ${found ?? 'missing'}, not ${value}`);
    };
    agree('build arg SERVICE', /(?<![A-Za-z0-9_])SERVICE:\s*["']?([A-Za-z0-9._-]+)["']?/, service.name);
    agree('image', /^\s*image:\s*["']?([^\s"']+)["']?/m, `motcua/${service.name}:dev`);
    agree('PORT', /^\s*PORT:\s*["']?(\d+)["']?/m, String(service.port));
    agree('DATABASE_URL database', /^\s*DATABASE_URL:\s*["']?postgres:\/\/[^\s"']*\/([A-Za-z0-9_]+)["']?\s*$/m, service.database);
    agree('published port', /^\s*ports:\s*\[\s*["']?(\d+:\d+)["']?\s*\]/m, `${service.port}:${service.port}`);
  }
  const waitsFor = (name: string, needed: readonly string[]) => {
    const block = blocks.get(name);
    if (!block) return;
    const dependencies = new Set(dependsOn(block) ?? []);
    for (const other of needed) {
      if (!dependencies.has(other)) problems.push(`${file}: ${name}'s depends_on does not name ${other}`);
    }
  };
  const gateway = blocks.has('gateway') ? 'gateway' : undefined;
  if (!gateway) problems.push(`${file}: no gateway service`);
  else
    waitsFor(
      gateway,
      services.map((s) => s.name),
    );
  for (const frontDoor of services.filter((s) => s.frontDoor)) {
    waitsFor(
      frontDoor.name,
      services.filter((s) => !s.frontDoor).map((s) => s.name),
    );
  }
  return problems;
};

/** The gateway's configuration: a template the nginx image renders with the compose file's variables (docker-compose.yml). */
export const GATEWAY_TEMPLATE = 'docker/gateway/templates/gateway.conf.template';

/**
 * docker/gateway/templates/gateway.conf.template: each registered prefix proxied to an upstream that is, with the
 * compose file's default for its `${<SERVICE>_UPSTREAM}`, the service on its port, and no other.
 */
export const gatewayProblems: RegistryCheck = (services, root) => {
  const file = GATEWAY_TEMPLATE;
  const text = read(root, file);
  const compose = read(root, 'docker-compose.yml');
  // `${INTAKE_UPSTREAM}` is what the gateway's environment in the compose file gives it: `${INTAKE_UPSTREAM:-intake:3001}`
  const rendered = (server: string): string =>
    server.replace(/\$\{([A-Z0-9_]+)\}/g, (variable, name: string) => {
      const value = new RegExp(`^\\s*${name}:\\s*["']?(?:\\$\\{${name}:-([^}]+)\\}|([^\\s"'$]+))["']?\\s*$`, 'm').exec(compose);
      return value ? (value[1] ?? value[2]) : variable;
    });
  const upstreams = new Map<string, string>();
  for (const [, name, server] of text.matchAll(/upstream\s+([A-Za-z0-9._-]+)\s*\{\s*server\s+([^\s;]+)\s*;\s*\}/g)) upstreams.set(name, rendered(server));
  const locations = new Map<string, string>();
  for (const [, prefix, upstream] of text.matchAll(/location\s+(\/[^\s{]*)\s*\{\s*proxy_pass\s+http:\/\/([^/\s;]+)\/?\s*;\s*\}/g))
    locations.set(prefix, upstream);
  const problems: string[] = [];
  const prefixes = new Set(services.map((s) => s.gatewayPrefix));
  for (const [prefix, upstream] of locations) {
    if (!prefixes.has(prefix))
      problems.push(`${file}: location ${prefix} (to ${upstreams.get(upstream) ?? upstream}) is no service's gatewayPrefix in ${REGISTRY}`);
  }
  for (const service of services) {
    const upstream = locations.get(service.gatewayPrefix);
    if (upstream === undefined) {
      problems.push(
        `${file}: no location ${service.gatewayPrefix} for ${service.name} (add an upstream with server \${${upstreamVariable(service.name)}} (${service.name}:${service.port} in docker-compose.yml's gateway environment) and a location ${service.gatewayPrefix} proxying to it)`,
      );
      continue;
    }
    const server = upstreams.get(upstream);
    if (server !== `${service.name}:${service.port}`) {
      problems.push(`${file}: location ${service.gatewayPrefix} goes to ${server ?? `an undefined upstream ${upstream}`}, not ${service.name}:${service.port}`);
    }
  }
  return problems;
};

/** The variable of the gateway's template that says where a service answers: `INTAKE_UPSTREAM`, `POSTAL_DELIVERY_UPSTREAM`. */
export const upstreamVariable = (name: string): string => `${name.toUpperCase().replaceAll('-', '_')}_UPSTREAM`;

/** Dockerfile: the message for a missing SERVICE build arg lists the registered services. */
export const dockerfileProblems: RegistryCheck = (services, root) => {
  const file = 'Dockerfile';
  const listed = /test -n "\$SERVICE"[^\n]*--build-arg SERVICE=([A-Za-z0-9|._-]+)/.exec(read(root, file))?.[1];
  if (listed === undefined) return [`${file}: no test -n "$SERVICE" with a "--build-arg SERVICE=<a>|<b>|..." message listing the services`];
  const names = listed.split('|');
  return [
    ...services.filter((s) => !names.includes(s.name)).map((s) => `${file}: the SERVICE message does not list ${s.name}`),
    ...names.filter((name) => !services.some((s) => s.name === name)).map((name) => `${file}: the SERVICE message lists ${name}, which is not in ${REGISTRY}`),
  ];
};

/** docker/postgres/init.sql: the compose stack's first start creates every registered database, and no other. */
export const composeDatabaseProblems: RegistryCheck = (services, root) => {
  const file = 'docker/postgres/init.sql';
  const created = [...read(root, file).matchAll(/CREATE DATABASE\s+"?([A-Za-z0-9_]+)"?/gi)].map((m) => m[1]);
  return [
    ...services.filter((s) => !created.includes(s.database)).map((s) => `${file}: no CREATE DATABASE ${s.database} for ${s.name}`),
    ...created.filter((db) => !services.some((s) => s.database === db)).map((db) => `${file}: creates ${db}, which is no service's database in ${REGISTRY}`),
  ];
};

/** Every check, by the file it reads. */
export const REGISTRY_CHECKS: Readonly<Record<string, RegistryCheck>> = {
  [REGISTRY]: registryProblems,
  'apps/': appsProblems,
  'nest-cli.json': nestCliProblems,
  'docker-compose.yml': composeProblems,
  [GATEWAY_TEMPLATE]: gatewayProblems,
  Dockerfile: dockerfileProblems,
  'docker/postgres/init.sql': composeDatabaseProblems,
};
