import registry from '../../../scripts/services.json';

/**
 * One service of the suite as `scripts/services.json` registers it: the only list of services. The build, the
 * local scripts (start:all, migrate, create-databases) and the test harness read it; the files that cannot
 * read it (nest-cli.json, docker-compose.yml, the gateway, the Dockerfile, the compose database init) are
 * checked against it by `service-registry.spec.ts`.
 */
export interface RegisteredService {
  /** The folder under apps/, the nest-cli.json project, the compose service and the message topology's name. */
  readonly name: string;
  /** Its own PostgreSQL database (architecture §2). */
  readonly database: string;
  /** Its port on a development machine (start:all) and in the compose stack. */
  readonly port: number;
  /** Where the compose stack's gateway routes it, prefix stripped: `/postal/docs` is postal-delivery's `/docs`. */
  readonly gatewayPrefix: string;
  /**
   * Opens only after every other service is ready: the others bind their inboxes to the events they handle when
   * they start, so the front door's first events are not left unrouted.
   */
  readonly frontDoor?: boolean;
}

/** Assigned through the interface, so a registry entry with a missing or mistyped field fails the type check. */
export const SERVICES: readonly RegisteredService[] = registry;

/**
 * A registered service's name. A plain string (a JSON file gives no literal types): `startSuite` refuses a
 * name the registry does not list.
 */
export type ServiceName = RegisteredService['name'];

/** The services as built by `npm run build`, in the registry's order. */
export const SERVICE_NAMES: readonly ServiceName[] = SERVICES.map((service) => service.name);
