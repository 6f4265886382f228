import { startNationalPortalSimulator } from './national-portal-simulator';

/**
 * The National Portal simulator as a process of its own (`node dist/simulators/national-portal/main.js`), for
 * `npm run start:all` and tests that run the suite as processes. Its client credentials default to those the
 * national-portal adapter defaults to, so the two agree on a development machine without configuration.
 */
const setting = (name: string, fallback: string): string => process.env[name] || fallback;
const tokenTtlSeconds = Number(setting('PORTAL_TOKEN_TTL_SECONDS', '3600'));

startNationalPortalSimulator({
  port: Number(setting('PORT', '3105')),
  host: setting('HOST', '127.0.0.1'),
  clientId: setting('PORTAL_CLIENT_ID', 'motcua-dev-portal'),
  clientSecret: setting('PORTAL_CLIENT_SECRET', 'motcua-dev-portal-secret'),
  tokenTtlSeconds,
}).then(
  (simulator) => {
    console.log(`national-portal simulator listening on ${simulator.url}, session tokens last ${tokenTtlSeconds} s`);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        simulator.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
