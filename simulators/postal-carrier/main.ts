import { startPostalCarrierSimulator } from './postal-carrier-simulator';

/**
 * The postal carrier simulator as a process of its own (`node dist/simulators/postal-carrier/main.js`), for
 * `npm run start:all` and tests that run the suite as processes. Its credentials default to those postal-delivery
 * defaults to, so the two agree on a development machine without configuration; its clock walks every waybill one
 * step each CARRIER_AUTO_ADVANCE_MS (0: only on command, `POST /_control/orders/{ItemCode}/advance`).
 */
const setting = (name: string, fallback: string): string => process.env[name] || fallback;
const callbackUrl = setting('CARRIER_CALLBACK_URL', 'http://127.0.0.1:3004/api/v1/carrier/callbacks');
const autoAdvanceMs = Number(setting('CARRIER_AUTO_ADVANCE_MS', '20000'));

startPostalCarrierSimulator({
  port: Number(setting('PORT', '3104')),
  host: setting('HOST', '127.0.0.1'),
  token: setting('CARRIER_TOKEN', 'motcua-dev-carrier-token'),
  callbackUrl,
  callbackSecret: setting('CARRIER_CALLBACK_SECRET', 'motcua-dev-carrier-callback-secret'),
  autoAdvanceMs,
  // seconds since 2020: a restarted simulator issues no waybill of the run before it (unless that took more than one a second)
  firstSerial: Math.floor((Date.now() - Date.UTC(2020, 0, 1)) / 1_000) % 100_000_000,
}).then(
  (simulator) => {
    const clock = autoAdvanceMs > 0 ? `waybills step every ${autoAdvanceMs} ms` : 'waybills move on command only';
    console.log(`postal-carrier simulator listening on ${simulator.url}, callbacks to ${callbackUrl}, ${clock}`);
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
