/**
 * Emails behind a backlog (issue 11): 5,000 internal emails wait — 3,000 sales alerts about
 * orders and the alerts of a 2,000-lead burst — when a customer places an order. How long until
 * Resend (the local stand-in, with Resend's 2 requests/second limit) receives the customer's
 * confirmation, and how fast the backlog drains against Resend's batch throughput within its
 * limit: 100 emails a request × 2 requests a second = 12,000 emails a minute (it used to be about
 * 24 a minute: two single sends per 5-second tick; then about 4,100 a minute: two batches per
 * tick, before a send job went on with the next batches, drainBacklog.ts). The CMS is the production config without Next
 * (cms/src/testing/crash/cmsProcess.ts: migrations, seed, the job cron at its default pace), on a
 * database prepared with the backlog before it starts (cms/src/testing/mailBench/queueBacklog.ts).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  listeningUrl,
  startEntry,
  stop,
  type TChild,
  waitFor,
} from "../cms/src/testing/crash/processes.ts";
import { startFakeResend } from "../cms/src/testing/fakeResend.ts";
import { onCleanup } from "./lib/cleanup.ts";
import { login } from "./lib/cms.ts";
import { repoRoot } from "./lib/stack.ts";
import { printTable } from "./lib/table.ts";

export type TMailRun = {
  backlog: number;
  /** Emails Resend had received when the order was placed. */
  deliveredBeforeOrder: number;
  confirmationSeconds: number;
  drainSeconds: number;
  emailsSettled: number;
  drainPerMinute: number;
  /** Messages Resend received per minute while the backlog drained (digests count once). */
  resendPerMinute: number;
  /** Resend requests per second while the backlog drained. */
  requestsPerSecond: number;
  resendRequests: number;
  rateLimited: number;
  leadBurst: number;
  digests: number;
};

const ORDER_ALERTS = 3_000;
const LEAD_BURST = 2_000;
const ADMIN = { email: "bench-mail@example.com", password: "bench-mail-password-2026" };
const testingDir = path.join(repoRoot, "cms", "src", "testing");

function cmsEnv(dir: string, resend: { apiKey: string; url: string }): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    DATABASE_URI: `file:${path.join(dir, "beian.db")}`,
    MEDIA_DIR: path.join(dir, "media"),
    MATERIALS_DIR: path.join(dir, "materials"),
    BACKUP_DIR: path.join(dir, "backups"),
    PAYLOAD_SECRET: "bench-mail-secret-not-the-development-one",
    MATERIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    CMS_ADMIN_EMAIL: ADMIN.email,
    CMS_ADMIN_PASSWORD: ADMIN.password,
    TRUST_PROXY: "true",
    RATE_LIMIT_POINTS: "100000",
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
  };
}

/** Runs `entry` to its end; fails with its output unless it exits 0. */
async function runToEnd(entry: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = startEntry(entry, env);
  const handle = onCleanup("mail backlog", () => stop(child));
  const code = await child.exited;
  handle.forget();
  if (code !== 0) throw new Error(`${entry} exited ${code}\n${child.output().slice(-3000)}`);
  return child.output();
}

async function placeOrder(url: string): Promise<string> {
  const response = await fetch(`${url}/api/public/orders`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "10.77.0.1" },
    body: JSON.stringify({
      filingType: "enterprise",
      contact: { name: "压测客户", phone: "13912345678", email: "bench-buyer@example.com" },
      entity: { province: "zhejiang" },
      consent: { privacy: true },
      elapsedMs: 8_000,
    }),
  });
  const body = (await response.json()) as { orderNo?: string };
  if (response.status !== 201 || !body.orderNo) {
    throw new Error(`order: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.orderNo;
}

export async function measureMail(): Promise<TMailRun> {
  const fake = await startFakeResend();
  onCleanup("fake Resend", () => fake.close());
  const dir = mkdtempSync(path.join(tmpdir(), "beian-bench-mail-"));
  onCleanup("mail scratch folder", () => rmSync(dir, { recursive: true, force: true }));
  const env = cmsEnv(dir, fake);
  process.stdout.write(
    `[mail] queueing ${ORDER_ALERTS} order alerts and a ${LEAD_BURST}-lead burst…\n`,
  );
  const prepared = await runToEnd(path.join(testingDir, "mailBench", "queueBacklog.ts"), {
    ...env,
    JOBS_AUTORUN: "false",
    BACKLOG_ORDER_ALERTS: String(ORDER_ALERTS),
    BACKLOG_LEADS: String(LEAD_BURST),
  });
  const backlog = Number(/backlog: queued (\d+)/.exec(prepared)?.[1] ?? Number.NaN);

  const cms: TChild = startEntry(path.join(testingDir, "crash", "cmsProcess.ts"), env);
  onCleanup("mail CMS", () => stop(cms));
  const url = await listeningUrl(cms, "cms", 180_000);
  const deliveredBeforeOrder = fake.delivered.length;
  process.stdout.write(`[mail] CMS up, ${deliveredBeforeOrder} sent so far; placing an order…\n`);
  const orderedAt = Date.now();
  const orderNo = await placeOrder(url);
  const confirmation = await waitFor(
    () => fake.delivered.find((email) => email.subject === `订单已提交:${orderNo}`),
    "the order confirmation to reach Resend",
    { child: cms, timeoutMs: 600_000, intervalMs: 20 },
  );
  const confirmationSeconds = (Date.parse(confirmation.receivedAt) - orderedAt) / 1000;
  process.stdout.write(`[mail] confirmation received after ${confirmationSeconds.toFixed(1)} s\n`);

  const admin = await login(url, ADMIN);
  const count = async (where: string) =>
    (await admin.request<{ totalDocs: number }>("GET", `/outbox?limit=1&depth=0&${where}`))
      .totalDocs;
  await waitFor(
    async () => (await count("where[state][equals]=queued")) === 0,
    "the backlog to drain",
    { child: cms, timeoutMs: 1_200_000, intervalMs: 1_000 },
  );
  const emailsSettled = await count("where[state][in]=sent,sent_in_digest");
  const digests = await count("where[kind][equals]=lead_alert_digest");
  await stop(cms);

  const times = fake.requests.map((request) => Date.parse(request.at));
  const drainSeconds = (Math.max(...times) - Math.min(...times)) / 1000;
  return {
    backlog,
    deliveredBeforeOrder,
    confirmationSeconds,
    drainSeconds,
    emailsSettled,
    drainPerMinute: (emailsSettled / Math.max(drainSeconds, 1)) * 60,
    resendPerMinute: (fake.delivered.length / Math.max(drainSeconds, 1)) * 60,
    requestsPerSecond: fake.requests.length / Math.max(drainSeconds, 1),
    resendRequests: fake.requests.length,
    rateLimited: fake.requests.filter((request) => request.answered === 429).length,
    leadBurst: LEAD_BURST,
    digests,
  };
}

/**
 * Resend's batch throughput within its default limit, the aim, and the figures of the run before
 * a send job went on with the next batches (this bench, 2026-12-01: 5,006 emails settled and
 * 3,006 messages received by Resend in 73 s, 32 requests, no 429).
 */
const RESEND_BATCH_THROUGHPUT = { perMinute: 100 * 2 * 60, requestsPerSecond: 2 };
const BEFORE = { resendPerMinute: 2_471, settledPerMinute: 4_134, requests: 32, seconds: 73 };
const per = (value: number) => `${Math.round(value).toLocaleString("en-US")}/min`;

export function printMail(run: TMailRun): void {
  printTable(
    `Emails behind a backlog of ${run.backlog} internal emails (Resend stand-in, 2 requests/s)`,
    ["measure", "aim", "before", "now"],
    [
      [
        "customer's order confirmation received after",
        "< 30 s",
        "5.5 s",
        `${run.confirmationSeconds.toFixed(1)} s`,
      ],
      [
        "emails Resend received per minute while draining",
        `Resend batch throughput: ${per(RESEND_BATCH_THROUGHPUT.perMinute)} (100 × 2 req/s)`,
        per(BEFORE.resendPerMinute),
        per(run.resendPerMinute),
      ],
      [
        "backlog drain rate (outbox emails settled, lead alerts in digests)",
        "–",
        `${per(BEFORE.settledPerMinute)} (≈ 24/min historic)`,
        per(run.drainPerMinute),
      ],
      [
        "emails settled (sent, or in a sent digest)",
        `${run.backlog + 2} + ${run.digests} digests`,
        `5,006 in ${BEFORE.seconds} s`,
        `${run.emailsSettled} in ${run.drainSeconds.toFixed(0)} s`,
      ],
      [
        `alert emails for a ${run.leadBurst}-lead burst`,
        "a handful",
        "4 digests",
        `${run.digests} digests`,
      ],
      [
        "requests to Resend (429s)",
        "ceil(emails / 100), no 429",
        `${BEFORE.requests} (0)`,
        `${run.resendRequests} (${run.rateLimited})`,
      ],
      [
        "Resend requests per second while draining",
        `≤ ${RESEND_BATCH_THROUGHPUT.requestsPerSecond}`,
        (BEFORE.requests / BEFORE.seconds).toFixed(2),
        run.requestsPerSecond.toFixed(2),
      ],
      ["sent before the order was placed", "–", "0", run.deliveredBeforeOrder],
    ],
  );
}
