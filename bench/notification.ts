/**
 * (n) Notification's dispatch to the outside parties (issue 18), against the simulators run inside this process
 * (simulators/smtp, simulators/sms-gateway: real SMTP and real HTTP over loopback, so their work shares the
 * machine's two cores with notification, as a load generator's does). Each phase starts a fresh notification
 * process on a fresh database; DossierAccepted events go straight to its exchange through one AMQP channel, half
 * for applicants who gave only an email, half only a phone number: one message each, email or SMS.
 *
 *   1. outage and drain: both providers fail (SMTP 451, gateway 503) while `messages` events are published and
 *      recorded pending; after `outage` seconds both answer again: the backlog's drain rate per channel against the
 *      rate limit (`rate-limit`/s each), and every message at its provider once (none lost, none twice);
 *   2. throughput: the same with high limits (`throughput-limit`/s) and a short outage (the circuit's probe
 *      comes within 2 s): messages accepted a second, both channels together;
 *   3. latency: an open loop of `latency-rate` events/s for `latency-seconds`, providers up: from the event's
 *      publication (a stand-in for the producer's commit: its relay publishes right after it) to the provider's
 *      acceptance (the simulator's clock: the catcher's 250, the gateway's 00);
 * and, after each phase, notification's resident memory and its CPU per message.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { type RunningSuite, aDossierAccepted, type createTestAuth, eventually, startSuite, withEventPublisher } from '@motcua/testing';
import { startSmsGatewaySimulator, type RunningSmsGatewaySimulator } from '../simulators/sms-gateway/sms-gateway-simulator';
import { startSmtpSimulator, type SmtpSimulator } from '../simulators/smtp/smtp-simulator';
import { cpuSeconds, percentile, rssMiB } from './load';

export interface NotificationBenchOptions {
  readonly messages: number;
  readonly outageS: number;
  readonly rateLimit: number;
  readonly throughputLimit: number;
  readonly latencyRate: number;
  readonly latencySeconds: number;
}

type Rows = [string, string][];
type Channel = 'email' | 'sms';

const API_KEY = 'bench-sms-gateway-key';
const CALLBACK_SECRET = 'bench-sms-callback-secret';

/** What the providers accepted: one entry per message taken (a repeat of the same message is one entry more). */
interface Acceptance {
  readonly channel: Channel;
  /** The email address or the phone number as the gateway writes it (84…): one applicant, one dossier. */
  readonly recipient: string;
  /** The Message-ID, or the gateway's request id: the notification's id either way. */
  readonly key: string;
  readonly at: number;
}

interface Providers {
  readonly smtp: SmtpSimulator;
  readonly sms: RunningSmsGatewaySimulator;
}

function setMode(providers: Providers, mode: 'ok' | 'fail'): void {
  providers.smtp.control({ mode });
  providers.sms.control({ mode });
}

function accepted({ smtp, sms }: Providers): Acceptance[] {
  return [
    ...smtp.messages().map((m) => ({ channel: 'email' as const, recipient: m.to[0], key: m.messageId ?? '', at: Date.parse(m.receivedAt) })),
    ...sms.messages().map((m) => ({ channel: 'sms' as const, recipient: m.phone, key: m.requestId, at: Date.parse(m.acceptedAt) })),
  ];
}

/** Requests the gateway answered 01 (a request id it had accepted before): a message we sent twice, sent once by it. */
const gatewayRepeats = ({ sms }: Providers) => sms.messages().reduce((n, m) => n + m.duplicates, 0);

/** Event `i` of a phase: even ones for an applicant with only an email, odd ones with only a phone number. */
function eventOf(phase: number, i: number): { event: object; channel: Channel; recipient: string } {
  if (i % 2 === 0) {
    const email = `nguoi.nop.${phase}.${i}@example.vn`;
    return { event: aDossierAccepted({ applicant: { fullName: 'Nguyễn Thị Hoa', email, phone: undefined } }), channel: 'email', recipient: email };
  }
  const digits = String(phase * 10_000_000 + i).padStart(8, '0');
  return {
    event: aDossierAccepted({ applicant: { fullName: 'Trần Văn Nam', email: undefined, phone: `09${digits}` } }),
    channel: 'sms',
    recipient: `849${digits}`,
  };
}

async function query<T>(suite: RunningSuite, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: suite.services.notification.database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The applicants' messages by status (email and SMS). */
async function statuses(suite: RunningSuite): Promise<Record<string, number>> {
  const rows = await query<{ status: string; n: number }>(
    suite,
    `SELECT status, count(*)::int AS n FROM notification WHERE channel IN ('email', 'sms') GROUP BY status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Publishes `count` events as fast as one channel takes them; the time each left, by recipient. */
async function publishBurst(suite: RunningSuite, phase: number, count: number): Promise<Map<string, number>> {
  const published = new Map<string, number>();
  await withEventPublisher(suite.prefix, async (publish) => {
    for (let i = 0; i < count; i++) {
      const { event, recipient } = eventOf(phase, i);
      published.set(recipient, Date.now());
      publish(event);
      if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve)); // let the socket drain
    }
  });
  return published;
}

/** Publishes `rate` events a second, evenly spaced, for `seconds`; the time each left, by recipient. */
async function publishOpenLoop(suite: RunningSuite, phase: number, rate: number, seconds: number, first = 0): Promise<Map<string, number>> {
  const published = new Map<string, number>();
  const total = Math.round(rate * seconds);
  await withEventPublisher(suite.prefix, async (publish) => {
    const t0 = performance.now();
    for (let i = 0; i < total;) {
      const due = t0 + (i * 1000) / rate;
      const now = performance.now();
      if (due > now) {
        await sleep(Math.max(1, due - now));
        continue;
      }
      const { event, recipient } = eventOf(phase, first + i);
      published.set(recipient, Date.now());
      publish(event);
      i++;
    }
  });
  return published;
}

/** Every one of `expected` at its provider (or the time-out). */
function allAccepted(providers: Providers, expected: Map<string, number>, what: string, timeoutMs: number): Promise<Acceptance[]> {
  return eventually(
    () => {
      if (providers.smtp.messages().length + providers.sms.messages().length < expected.size) return false;
      const list = accepted(providers);
      const got = new Set(list.filter((a) => expected.has(a.recipient)).map((a) => a.recipient));
      return got.size >= expected.size && list;
    },
    what,
    timeoutMs,
  );
}

/** None lost, none twice: each published message at its provider, each provider's key once. */
function lossAndRepeats(providers: Providers, published: Map<string, number>, list: Acceptance[]): string {
  const recipients = new Set(list.map((a) => a.recipient));
  const lost = [...published.keys()].filter((r) => !recipients.has(r)).length;
  const keys = new Set(list.map((a) => `${a.channel} ${a.key}`));
  const repeatedAtSmtp = list.filter((a) => a.channel === 'email').length - new Set(list.filter((a) => a.channel === 'email').map((a) => a.key)).size;
  const perRecipient = list.length - recipients.size;
  return `${published.size} / ${keys.size} / ${lost} / ${repeatedAtSmtp} / ${gatewayRepeats(providers)} / ${perRecipient}`;
}

const LOSS_COLUMNS =
  'published / distinct Message-IDs + request ids at the providers / lost / Message-IDs repeated at SMTP / gateway 01 repeats / 2nd message to a recipient';

/** The providers' acceptance rate of `list` (from its first to its last acceptance), overall and per channel. */
function drainRate(list: Acceptance[], channel?: Channel): { count: number; first: number; last: number; perSecond: number } {
  const mine = channel ? list.filter((a) => a.channel === channel) : list;
  const times = mine.map((a) => a.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // the first second's burst is the bucket's (it holds one second's worth): the rate is what came after it
  return { count: mine.length, first, last, perSecond: (mine.length - 1) / ((last - first) / 1000) };
}

interface Phase {
  readonly suite: RunningSuite;
  readonly pid: number;
}

async function withNotification<T>(label: string, env: Record<string, string>, work: (phase: Phase) => Promise<T>): Promise<T> {
  const suite = await startSuite(label, env, ['notification']);
  try {
    return await work({ suite, pid: suite.services.notification.process.pid! });
  } finally {
    await suite.stop();
  }
}

function resources(rows: Rows, tag: string, pid: number, cpuAtStart: number, benchCpuAtStart: NodeJS.CpuUsage, messages: number): void {
  const { rss, peak } = rssMiB(pid);
  const bench = process.cpuUsage(benchCpuAtStart);
  rows.push(
    [
      `${tag} notification: CPU ms per message (the whole phase: consuming, recording, sending)`,
      (((cpuSeconds([pid]) - cpuAtStart) * 1000) / messages).toFixed(2),
    ],
    [`${tag} this process (publisher + both simulators): CPU ms per message`, ((bench.user + bench.system) / 1000 / messages).toFixed(2)],
    [`${tag} memory: notification resident after / peak (MiB)`, `${rss} / ${peak}`],
  );
}

/** An outage while `count` events arrive, then the drain: the phase's common part. */
async function outageThenDrain(
  providers: Providers,
  { suite, pid }: Phase,
  phase: number,
  count: number,
  outageMs: number,
): Promise<{
  published: Map<string, number>;
  recordedS: number;
  outageS: number;
  okAt: number;
  list: Acceptance[];
  statusesAfter: Record<string, number>;
  attempts: number;
  drainCpuMsPerMessage: number;
}> {
  setMode(providers, 'fail');
  const downAt = Date.now();
  const published = await publishBurst(suite, phase, count);
  await eventually(async () => ((await statuses(suite)).pending ?? 0) >= count, `${count} messages pending`, 600_000);
  const recordedS = (Date.now() - downAt) / 1000;
  const wait = downAt + outageMs - Date.now();
  if (wait > 0) await sleep(wait);
  const okAt = Date.now();
  const cpuAtOk = cpuSeconds([pid]);
  setMode(providers, 'ok');
  await allAccepted(providers, published, `${count} messages at the providers`, 900_000);
  // the dispatcher records each batch after its answers: wait for the records, then for any straggler repeat
  await eventually(async () => ((await statuses(suite)).sent ?? 0) >= count, `${count} messages recorded sent`, 60_000);
  const drainCpuS = cpuSeconds([pid]) - cpuAtOk;
  await sleep(1_000);
  const [{ attempts }] = await query<{ attempts: number }>(
    suite,
    `SELECT COALESCE(sum(attempts), 0)::int AS attempts FROM notification WHERE channel IN ('email', 'sms')`,
  );
  return {
    published,
    recordedS,
    outageS: (okAt - downAt) / 1000,
    okAt,
    list: accepted(providers),
    statusesAfter: await statuses(suite),
    attempts,
    drainCpuMsPerMessage: (drainCpuS * 1000) / count,
  };
}

export async function notificationFigures(auth: ReturnType<typeof createTestAuth>, rows: Rows, o: NotificationBenchOptions): Promise<void> {
  const smtp = await startSmtpSimulator();
  const sms = await startSmsGatewaySimulator({ apiKey: API_KEY, callbackSecret: CALLBACK_SECRET });
  const providers: Providers = { smtp, sms };
  const env = (perSecond: number, extra: Record<string, string> = {}): Record<string, string> => ({
    ...auth.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.smtpPort),
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_API_KEY: API_KEY,
    SMS_CALLBACK_SECRET: CALLBACK_SECRET,
    EMAIL_RATE_PER_SECOND: String(perSecond),
    SMS_RATE_PER_SECOND: String(perSecond),
    ...extra,
  });
  const fmt = (n: number, digits = 0) => n.toFixed(digits);
  try {
    // 1. outage and drain, at the rate limits
    await withNotification('bench-notify-drain', env(o.rateLimit), async (phase) => {
      const cpu = cpuSeconds([phase.pid]);
      const benchCpu = process.cpuUsage();
      const r = await outageThenDrain(providers, phase, 1, o.messages, o.outageS * 1000);
      const toList = r.list.filter((a) => r.published.has(a.recipient));
      const tag = '(n1)';
      rows.push(
        [
          `${tag} outage: events published and recorded pending after (s) → recorded/s`,
          `${o.messages} in ${fmt(r.recordedS, 1)} → ${fmt(o.messages / r.recordedS)}`,
        ],
        [`${tag} outage: both providers failing for (s); rate limit per channel (/s)`, `${fmt(r.outageS, 0)}; ${o.rateLimit}`],
        [
          `${tag} drain: first acceptance after the providers came back (s): email / SMS (the circuits' probes)`,
          ['email', 'sms'].map((c) => fmt((drainRate(toList, c as Channel).first - r.okAt) / 1000, 1)).join(' / '),
        ],
      );
      for (const channel of ['email', 'sms'] as const) {
        const d = drainRate(toList, channel);
        rows.push([
          `${tag} drain, ${channel}: messages in (s, first to last acceptance) → /s, ÷ limit`,
          `${d.count} in ${fmt((d.last - d.first) / 1000, 1)} → ${fmt(d.perSecond)}, ${fmt(d.perSecond / o.rateLimit, 2)}`,
        ]);
      }
      const all = drainRate(toList);
      rows.push(
        [
          `${tag} drain, both: messages/s first to last acceptance; every message accepted after the providers came back (s)`,
          `${fmt(all.perSecond)}; ${fmt((all.last - r.okAt) / 1000, 1)}`,
        ],
        [`${tag} ${LOSS_COLUMNS}`, lossAndRepeats(providers, r.published, r.list)],
        [`${tag} notification's record: statuses / attempts in all (the retries the outage cost)`, `${JSON.stringify(r.statusesAfter)} / ${r.attempts}`],
        [`${tag} notification: CPU ms per message while draining (sending and recording only)`, fmt(r.drainCpuMsPerMessage, 2)],
      );
      resources(rows, tag, phase.pid, cpu, benchCpu, o.messages);
    });
    smtp.reset();
    sms.reset();

    // 2. throughput: the same with high limits, the circuits probing within 2 s
    await withNotification(
      'bench-notify-throughput',
      env(o.throughputLimit, { DELIVERY_CIRCUIT_OPEN_MS: '1000', DELIVERY_CIRCUIT_MAX_OPEN_MS: '2000' }),
      async (phase) => {
        const cpu = cpuSeconds([phase.pid]);
        const benchCpu = process.cpuUsage();
        const r = await outageThenDrain(providers, phase, 2, o.messages, 0);
        const toList = r.list.filter((a) => r.published.has(a.recipient));
        const tag = '(n2)';
        const all = drainRate(toList);
        rows.push(
          [
            `${tag} backlog: events published and recorded pending after (s) → recorded/s`,
            `${o.messages} in ${fmt(r.recordedS, 1)} → ${fmt(o.messages / r.recordedS)}`,
          ],
          [
            `${tag} drain at limits of ${o.throughputLimit}/s: both channels, messages/s first to last acceptance (email / SMS)`,
            `${fmt(all.perSecond)} (${fmt(drainRate(toList, 'email').perSecond)} / ${fmt(drainRate(toList, 'sms').perSecond)})`,
          ],
          [
            `${tag} every message accepted after the providers came back (s) → messages/s`,
            `${fmt((all.last - r.okAt) / 1000, 1)} → ${fmt(all.count / ((all.last - r.okAt) / 1000))}`,
          ],
          [`${tag} ${LOSS_COLUMNS}`, lossAndRepeats(providers, r.published, r.list)],
          [`${tag} notification: CPU ms per message while draining (sending and recording only)`, fmt(r.drainCpuMsPerMessage, 2)],
        );
        resources(rows, tag, phase.pid, cpu, benchCpu, o.messages);
      },
    );
    smtp.reset();
    sms.reset();

    // 3. latency: an open loop, providers up, at the rate limits of phase 1
    await withNotification('bench-notify-latency', env(o.rateLimit), async (phase) => {
      const tag = '(n3)';
      // warm-up: a second's worth, not measured (JIT, pools, the SMTP connections)
      const warm = await publishOpenLoop(phase.suite, 3, o.latencyRate, 1, 0);
      await allAccepted(providers, warm, 'the warm-up at the providers', 120_000);
      const cpu = cpuSeconds([phase.pid]);
      const benchCpu = process.cpuUsage();
      const published = await publishOpenLoop(phase.suite, 3, o.latencyRate, o.latencySeconds, warm.size);
      const sentAt = Date.now();
      const list = (await allAccepted(providers, published, `${published.size} messages at the providers`, 300_000)).filter((a) => published.has(a.recipient));
      const lastAt = Math.max(...list.map((a) => a.at));
      const latencies = (channel?: Channel) =>
        list
          .filter((a) => !channel || a.channel === channel)
          .map((a) => a.at - published.get(a.recipient)!)
          .sort((a, b) => a - b);
      const spread = (sorted: number[]) => [50, 90, 99, 100].map((p) => fmt(percentile(sorted, p))).join(' / ');
      // where the time goes: the consumer (published → recorded in the inbox transaction) and the dispatcher (recorded → accepted)
      const recorded = new Map(
        (
          await query<{ recipient: string; at: Date }>(phase.suite, `SELECT recipient, created_at AS at FROM notification WHERE channel IN ('email', 'sms')`)
        ).map((r) => [r.recipient.startsWith('09') ? `84${r.recipient.slice(1)}` : r.recipient, r.at.getTime()]),
      );
      const consumer = list.map((a) => recorded.get(a.recipient)! - published.get(a.recipient)!).sort((a, b) => a - b);
      const dispatcher = list.map((a) => a.at - recorded.get(a.recipient)!).sort((a, b) => a - b);
      rows.push(
        [
          `${tag} open loop at ${o.latencyRate} events/s for ${o.latencySeconds} s: published / accepted (limits ${o.rateLimit}/s per channel)`,
          `${published.size} / ${list.length}`,
        ],
        [`${tag} published → provider's acceptance, both: p50 / p90 / p99 / max (ms)`, spread(latencies())],
        [
          `${tag} published → provider's acceptance, email / SMS: p99 (ms)`,
          `${fmt(percentile(latencies('email'), 99))} / ${fmt(percentile(latencies('sms'), 99))}`,
        ],
        [`${tag} of which published → recorded (consumer): p50 / p90 / p99 / max (ms)`, spread(consumer)],
        [`${tag} of which recorded → accepted (dispatcher): p50 / p90 / p99 / max (ms)`, spread(dispatcher)],
        [`${tag} last acceptance after the last publication (s)`, fmt((lastAt - sentAt) / 1000, 2)],
        [`${tag} ${LOSS_COLUMNS}`, lossAndRepeats(providers, published, list)],
      );
      resources(rows, tag, phase.pid, cpu, benchCpu, published.size);
    });
  } finally {
    await Promise.all([smtp.close(), sms.close()]);
  }
}
