import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** A message the catcher received, as a test or a newcomer reads it. */
export interface CaughtMail {
  readonly messageId: string | null;
  readonly from: string | null;
  /** The envelope's recipients (RCPT TO). */
  readonly to: string[];
  readonly subject: string | null;
  readonly text: string | null;
  readonly html: string | null;
  readonly receivedAt: string;
}

/**
 * How the catcher answers. ok: 250 to everything; fail: 451 (try again later) to every message; reject: 550 (no such
 * mailbox) to every message; slow: keep the message, answer 250 only after `delayMs` (a sender killed meanwhile
 * left a message behind that it never recorded as sent); drop: take the data and never answer (the client times out).
 */
export interface SmtpControl {
  mode: 'ok' | 'fail' | 'reject' | 'slow' | 'drop';
  delayMs?: number;
}

export interface SmtpSimulator {
  /** SMTP port. */
  readonly smtpPort: number;
  /** The HTTP API: GET /messages (?to=), POST /_control, POST /_reset. */
  readonly url: string;
  messages(): CaughtMail[];
  control(control: SmtpControl): void;
  reset(): void;
  close(): Promise<void>;
}

/**
 * An SMTP catcher: a real SMTP server (the `smtp-server` package) that keeps every message it accepts and shows
 * them over HTTP as JSON, parsed (headers decoded, UTF-8 text and HTML). It stands in for Mailpit where Docker does
 * not run: `npm run start:all` starts it so a newcomer sees the suite's mail, and tests send real SMTP to it.
 */
export async function startSmtpSimulator(options: { smtpPort?: number; httpPort?: number; host?: string } = {}): Promise<SmtpSimulator> {
  const host = options.host ?? '127.0.0.1';
  let caught: CaughtMail[] = [];
  let control: SmtpControl = { mode: 'ok' };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'Một Cửa SMTP catcher',
    size: 10 * 1024 * 1024,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const { mode, delayMs = 0 } = control;
      simpleParser(stream)
        .then(async (mail) => {
          if (mode === 'drop') return; // never answer
          if (mode === 'fail') return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          if (mode === 'reject') return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
          caught.push({
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? null,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? null,
            text: mail.text ?? null,
            html: typeof mail.html === 'string' ? mail.html : null,
            receivedAt: new Date().toISOString(),
          });
          if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, delayMs));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  smtp.on('error', () => undefined); // a client that goes away mid-session is its own problem

  const http: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://catcher');
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && url.pathname === '/messages') {
      const to = url.searchParams.get('to');
      return json(200, to ? caught.filter((m) => m.to.includes(to)) : caught);
    }
    if (request.method === 'POST' && (url.pathname === '/_control' || url.pathname === '/_reset')) {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        if (url.pathname === '/_reset') {
          caught = [];
          control = { mode: 'ok' };
          return json(200, { reset: true });
        }
        try {
          const next = JSON.parse(body) as SmtpControl;
          if (!['ok', 'fail', 'reject', 'slow', 'drop'].includes(next.mode)) return json(400, { error: 'mode is one of ok, fail, reject, slow, drop' });
          control = next;
          return json(200, control);
        } catch {
          return json(400, { error: 'a JSON body: {"mode": "ok" | "fail" | "reject" | "slow" | "drop", "delayMs"?: number}' });
        }
      });
      return;
    }
    json(404, { error: 'GET /messages, POST /_control, POST /_reset' });
  });
  await new Promise<void>((resolve) => http.listen(options.httpPort ?? 0, host, resolve));

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    url: `http://${host}:${(http.address() as AddressInfo).port}`,
    messages: () => caught,
    control: (next) => (control = next),
    reset: () => {
      caught = [];
      control = { mode: 'ok' };
    },
    close: async () => {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => http.close(() => resolve()))]);
    },
  };
}
