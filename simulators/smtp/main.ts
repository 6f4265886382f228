import { startSmtpSimulator } from './smtp-simulator';

// The SMTP catcher as its own process (npm run start:all): SMTP on SMTP_PORT, its messages as JSON on PORT.
const smtpPort = Number(process.env.SMTP_PORT ?? 3102);
const httpPort = Number(process.env.PORT ?? 3103);

void startSmtpSimulator({ smtpPort, httpPort }).then((catcher) => {
  console.log(`smtp catcher: SMTP on 127.0.0.1:${catcher.smtpPort}, messages at ${catcher.url}/messages`);
  const stop = () => void catcher.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
