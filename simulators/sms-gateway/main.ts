import { startSmsGatewaySimulator } from './sms-gateway-simulator';

/**
 * The SMS-brandname gateway simulator as a process of its own (`node dist/simulators/sms-gateway/main.js`), for
 * `npm run start:all` and tests that run the suite as processes. Its credentials default to those the notification
 * service defaults to, so the two agree on a development machine without configuration.
 */
const setting = (name: string, fallback: string): string => process.env[name] || fallback;
const callbackUrl = setting('SMS_CALLBACK_URL', 'http://127.0.0.1:3003/api/v1/delivery-reports/sms');

startSmsGatewaySimulator({
  port: Number(setting('PORT', '3101')),
  host: setting('HOST', '127.0.0.1'),
  apiKey: setting('SMS_GATEWAY_API_KEY', 'motcua-dev-sms-key'),
  brandname: setting('SMS_BRANDNAME', 'MOTCUA'),
  callbackUrl,
  callbackSecret: setting('SMS_CALLBACK_SECRET', 'motcua-dev-sms-callback-secret'),
  reportDelayMs: Number(setting('SMS_REPORT_DELAY_MS', '500')),
}).then(
  (simulator) => {
    console.log(`sms-gateway simulator listening on ${simulator.url}, delivery reports to ${callbackUrl}`);
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
