/**
 * The CMS process killed (SIGKILL: no handler runs, nothing is flushed) while clients submit
 * leads and orders with Idempotency-Keys, then started again on the same SQLite file, as a
 * supervisor or an operator would. The clients retry each request that got no answer with the
 * same key and body until it is answered, as the widget does. Then:
 * - every submission is stored exactly once, and every answer names what was stored;
 * - an answer given before the kill is given again, unchanged, to a client that lost it;
 * - every email is delivered exactly once, including the one Resend had taken when the process
 *   died but had not answered (the outbox never recorded it "sent"): it is sent again after the
 *   restart with the idempotency key stored with it, and Resend answers that without sending.
 * The CMS is `testing/crash/cmsProcess.ts` (why it is faithful is said there); the fake Resend runs
 * in this process, so it outlives the CMS and remembers what it was sent.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import type { Lead, Order, Outbox } from "./payload-types.ts";
import {
  expectEachDeliveredOnce,
  isSettled,
  timesAsked,
  withoutDigests,
} from "./testing/crash/deliveries.ts";
import {
  crashJobSettings,
  killHard,
  listeningUrl,
  startEntry,
  stop,
  type TChild,
  waitFor,
} from "./testing/crash/processes.ts";
import { startFakeResend, type TFakeResend } from "./testing/fakeResend.ts";

const entry = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "testing/crash/cmsProcess.ts",
);
const ADMIN = { email: "crash-admin@example.com", password: "crash-admin-password-2026" };
/** Clients submitting at once, and what each submits after its first (answered) submission. */
const CLIENTS = 4;
const LATER_PER_CLIENT = 3;
/** The kill comes when this many of the later submissions have been answered. */
const KILL_AFTER = 3;

type TSubmission = {
  kind: "leads" | "orders";
  key: string;
  /** The exact bytes sent, every time. */
  body: string;
  phone: string;
  email: string | undefined;
  /** The client's own address (X-Forwarded-For): per-address limits meet no other client. */
  address: string;
  answer?: Record<string, unknown>;
  /** Requests that got no answer: refused while the CMS was down, or cut off by the kill. */
  unanswered: number;
  inFlight: boolean;
};

/** Leads and orders in turn; one in four gives an email (a confirmation besides the alert). */
function submission(i: number): TSubmission {
  const phone = `1390000${String(i).padStart(4, "0")}`;
  const name = `崩溃测试${i}`;
  const email = i % 4 === 0 ? `crash${i}@example.com` : undefined;
  const consent = { privacy: true };
  const kind = i % 2 === 0 ? "leads" : "orders";
  const body =
    kind === "leads"
      ? { name, phone, email, consent }
      : {
          filingType: "enterprise",
          contact: { name, phone, email },
          entity: { province: "zhejiang" },
          consent,
        };
  return {
    kind,
    key: `crash-${kind}-${i}`,
    body: JSON.stringify(body),
    phone,
    email,
    address: `10.9.0.${i + 1}`,
    unanswered: 0,
    inFlight: false,
  };
}

/** Where the CMS answers now: a restart listens on another free port. */
type TTarget = { url: string };

function post(target: TTarget, s: TSubmission): Promise<Response> {
  return fetch(`${target.url}/api/public/${s.kind}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Idempotency-Key": s.key,
      "X-Forwarded-For": s.address,
    },
    body: s.body,
  });
}

/** Sends `s` until it is answered, as a client whose request got no answer does: same key, same body. */
async function submitUntilAnswered(target: TTarget, s: TSubmission, onAnswer = () => {}) {
  const until = Date.now() + 150_000;
  while (Date.now() < until) {
    let response: Response;
    let body: Record<string, unknown>;
    s.inFlight = true;
    try {
      response = await post(target, s);
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      s.unanswered += 1;
      await sleep(100);
      continue;
    } finally {
      s.inFlight = false;
    }
    // An answer that is not the 201 is a failure, not something to retry past.
    if (response.status !== 201)
      throw new Error(`${s.key}: ${response.status} ${JSON.stringify(body)}`);
    s.answer = body;
    onAnswer();
    return;
  }
  throw new Error(`${s.key}: no answer within 150 s`);
}

/**
 * The clients submit `laters`, each its share one after another; the KILL_AFTER-th answer
 * SIGKILLs `cms` while the other clients wait on theirs (`kill.inFlight` of them).
 */
function submitThroughKill(target: TTarget, laters: TSubmission[], cms: TChild) {
  const kill = { inFlight: 0 };
  let answered = 0;
  const onAnswer = () => {
    answered += 1;
    if (answered !== KILL_AFTER) return;
    kill.inFlight = laters.filter((s) => s.inFlight).length;
    void killHard(cms);
  };
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    for (const s of laters.filter((_, i) => i % CLIENTS === c)) {
      await submitUntilAnswered(target, s, onAnswer);
    }
  });
  const done = Promise.all(clients);
  // Awaited by the test later; a client's failure must not go unhandled meanwhile.
  done.catch(() => {});
  return { done, kill };
}

/** What a client whose answer was lost gets when it asks again. */
async function askAgain(target: TTarget, s: TSubmission) {
  const response = await post(target, s);
  return {
    status: response.status,
    body: await response.json(),
    replayed: response.headers.get("idempotency-replayed"),
  };
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  if (response.status !== 200) throw new Error(`login: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Every document of a collection, as an admin reads it over the REST API. */
async function readAll<T>(url: string, token: string, collection: string): Promise<T[]> {
  const response = await fetch(`${url}/api/${collection}?pagination=false&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  });
  if (response.status !== 200) throw new Error(`GET ${collection}: ${response.status}`);
  return ((await response.json()) as { docs: T[] }).docs;
}

/** The leads, orders and outbox once `emails` emails are in the outbox and all of them sent (or in a sent digest). */
async function readWhenSent(url: string, cms: TChild, emails: number) {
  const token = await login(url);
  const outbox = await waitFor(
    async () => {
      const docs = await readAll<Outbox>(url, token, "outbox");
      return withoutDigests(docs).length >= emails && docs.every(isSettled) && docs;
    },
    "every email to be sent",
    { child: cms, timeoutMs: 90_000, intervalMs: 500 },
  );
  const leads = await readAll<Lead>(url, token, "leads");
  const orders = await readAll<Order>(url, token, "orders");
  return { outbox, leads, orders };
}

function cmsEnv(dir: string, fake: TFakeResend): NodeJS.ProcessEnv {
  return {
    // As `pnpm start` runs the CMS: production, so the committed migrations run on connect.
    NODE_ENV: "production",
    DATABASE_URI: `file:${path.join(dir, "beian.db")}`,
    MEDIA_DIR: path.join(dir, "media"),
    PAYLOAD_SECRET: "crash-test-secret-not-the-development-one",
    MATERIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    CMS_ADMIN_EMAIL: ADMIN.email,
    CMS_ADMIN_PASSWORD: ADMIN.password,
    TRUST_PROXY: "true",
    ...crashJobSettings(fake),
  };
}

it("stores every submission and delivers every email exactly once across a SIGKILL and a restart", async () => {
  const fake = await startFakeResend();
  const dir = mkdtempSync(path.join(tmpdir(), "beian-crash-"));
  const children: TChild[] = [];
  const startCms = () => {
    const child = startEntry(entry, cmsEnv(dir, fake));
    children.push(child);
    return child;
  };
  try {
    // The first email the CMS sends is taken by Resend, whose answer never comes back.
    fake.setFaults({ timeouts: 1, acceptBeforeTimeout: true });
    const first = startCms();
    const target: TTarget = { url: await listeningUrl(first, "cms", 120_000) };
    const all = Array.from({ length: CLIENTS * (1 + LATER_PER_CLIENT) }, (_, i) => submission(i));
    const firsts = all.slice(0, CLIENTS);
    await Promise.all(firsts.map((s) => submitUntilAnswered(target, s)));
    const held = await waitFor(
      () => fake.requests.find((request) => request.answered === "timeout")?.idempotencyKey,
      "Resend to hold an email it took",
      { child: first },
    );

    const clients = submitThroughKill(target, all.slice(CLIENTS), first);
    // If a client fails before the kill, that is the test's failure.
    await Promise.race([first.exited, clients.done]);
    expect(first.process.signalCode, first.output()).toBe("SIGKILL");
    fake.setFaults({});
    const second = startCms();
    target.url = await listeningUrl(second, "cms", 120_000);
    await clients.done;
    const replays = await Promise.all(firsts.map((s) => askAgain(target, s)));
    const emailsExpected = all.reduce((sum, s) => sum + (s.email ? 2 : 1), 0);
    const { outbox, leads, orders } = await readWhenSent(target.url, second, emailsExpected);
    await stop(second);

    // The kill cut requests off, and the clients had to retry.
    expect(clients.kill.inFlight).toBeGreaterThan(0);
    expect(all.some((s) => s.unanswered > 0)).toBe(true);
    // Each submission stored once, under the reference or order number its client was given.
    const answers = (kind: TSubmission["kind"], field: string) =>
      all.filter((s) => s.kind === kind).map((s) => [s.phone, s.answer?.[field]]);
    expect(leads.map((lead) => [lead.phone, lead.reference]).sort()).toEqual(
      answers("leads", "reference").sort(),
    );
    expect(orders.map((order) => [order.contact.phone, order.orderNo]).sort()).toEqual(
      answers("orders", "orderNo").sort(),
    );
    // A client whose answer the kill lost, asking again, gets the same answer; nothing is stored anew.
    expect(replays).toEqual(firsts.map((s) => ({ status: 201, body: s.answer, replayed: "true" })));

    // Each email (an alert per submission, a confirmation to those who gave an address) once.
    expect(withoutDigests(outbox)).toHaveLength(emailsExpected);
    expectEachDeliveredOnce(fake, outbox);
    // The email Resend took before the kill was asked for again after it, and not sent again.
    expect(timesAsked(fake, held)).toBeGreaterThan(1);
  } finally {
    await Promise.all(children.map((child) => stop(child)));
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);
