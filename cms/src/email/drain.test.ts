/**
 * A backlog drains at Resend's batch throughput: one tick of the job runner (two send jobs, as
 * config.ts runs them) sends a backlog of 1,000 emails in ceil(1000 / 100) = 10 batch requests
 * within Resend's 2 requests a second (the stand-in answers 429 beyond it), each email delivered
 * exactly once, and a batch that fails is handed back and sent once on its retry. Real SQLite,
 * real `resend` package, the local stand-in for Resend's API.
 */
import type { Payload } from "payload";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "../db/transaction.ts";
import { seed } from "../seed/index.ts";
import { startFakeResend, type TFakeResend } from "../testing/fakeResend.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { queueEmail } from "./outbox.ts";

const BACKLOG = 1_000;
/** A tick's jobs (config.ts: `autoRun` … `limit: 2`). */
const tick = () => payload.jobs.run({ limit: 2, silent: true });

let fake: TFakeResend;
let t: TTestPayload;
let payload: Payload;

beforeAll(async () => {
  fake = await startFakeResend();
  t = await createTestPayload({
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    EMAIL_RETRY_DELAY_MS: "20",
    EMAIL_DRAIN_MS: "120000",
    JOBS_STALLED_AFTER_MS: "600000",
  });
  payload = t.payload;
  await seed(payload, t.env);
});

afterAll(async () => {
  await t?.close();
  await fake?.close();
});

beforeEach(async () => {
  await payload.delete({ collection: "outbox", where: { id: { exists: true } } });
  await payload.delete({ collection: "payload-jobs", where: { id: { exists: true } } });
  fake.setFaults({});
  fake.requests.length = 0;
  fake.delivered.length = 0;
});

/** `count` sales alerts, queued as the hooks queue them (each with its send job), in one commit. */
async function queueBacklog(count: number, tag: string): Promise<void> {
  await inTransaction(payload, async (req) => {
    for (let index = 0; index < count; index++) {
      await queueEmail(req, {
        kind: "order_alert",
        to: "sales@agency.test",
        content: {
          subject: `${tag} ${index}`,
          text: `${tag} ${index}`,
          html: `<p>${tag} ${index}</p>`,
        },
      });
    }
  });
}

async function nextMillisecond(): Promise<void> {
  const now = Date.now();
  while (Date.now() <= now) await new Promise((resolve) => setImmediate(resolve));
}

/** Every outbox email sent, each under its own Resend id, each received by Resend once. */
async function expectEachSentOnce(count: number): Promise<void> {
  const { docs } = await payload.find({ collection: "outbox", pagination: false, depth: 0 });
  expect(docs).toHaveLength(count);
  expect(docs.filter((email) => email.state !== "sent")).toEqual([]);
  const subjects = fake.delivered.map((email) => email.subject);
  expect(new Set(subjects).size).toBe(count);
  expect(subjects).toHaveLength(count);
  const ids = new Set(fake.delivered.map((email) => email.id));
  expect(docs.every((email) => email.providerId && ids.has(email.providerId))).toBe(true);
  expect(new Set(docs.map((email) => email.providerId)).size).toBe(count);
}

describe("a backlog of 1,000 emails", () => {
  it("goes out in one tick, in ceil(1000 / 100) = 10 batch requests of 100, no 429, each email once", async () => {
    await queueBacklog(BACKLOG, "积压");

    await tick();

    expect(fake.requests.map((request) => [request.answered, request.batch])).toEqual(
      Array.from({ length: Math.ceil(BACKLOG / 100) }, () => [200, 100]),
    );
    await expectEachSentOnce(BACKLOG);
    // Nothing left for a later tick: every send job is done and gone.
    expect((await payload.count({ collection: "payload-jobs" })).totalDocs).toBe(0);
  });

  it("stops at a text message queued before the next email, which the runner's next tick picks up as it would have", async () => {
    // Jobs are taken oldest first (createdAt, in ms): each step in a later millisecond.
    await queueBacklog(1, "先到");
    await nextMillisecond();
    const sms = await payload.jobs.queue({ task: "sendSms", input: { outboxId: "0" } });
    await nextMillisecond();
    await queueBacklog(300, "后到");

    await payload.jobs.run({ limit: 1, silent: true });
    // The first email's job sent its batch (it, and the 99 oldest waiting), then met the text message.
    expect(fake.requests.map((request) => [request.answered, request.batch])).toEqual([[200, 100]]);
    const [next] = (
      await payload.find({ collection: "payload-jobs", sort: "createdAt", limit: 1, depth: 0 })
    ).docs;
    expect(next).toMatchObject({ id: sms.id, processing: false });
  });

  it("a batch Resend fails is handed back to the runner and sent once on its retry, after the others", async () => {
    await queueBacklog(300, "重试");
    // The third batch (emails 201–300, sent by a job the drain claimed) fails once.
    fake.setFaults({ status500: 1, match: "重试 250" });

    await tick();
    const failed = fake.requests.filter((request) => request.answered === 500);
    expect(failed).toHaveLength(1);
    const retried = await payload.find({
      collection: "payload-jobs",
      where: { processing: { equals: false } },
      depth: 0,
    });
    // Handed back, waiting for its retry delay (the others were sent meanwhile or stopped at it).
    expect(retried.docs.length).toBeGreaterThanOrEqual(1);

    const until = Date.now() + 30_000;
    while ((await payload.count({ collection: "payload-jobs" })).totalDocs > 0) {
      if (Date.now() > until) throw new Error("send jobs still waiting");
      await tick();
    }
    await expectEachSentOnce(300);
    // The failed batch went again under its key: Resend sent it once.
    const keys = fake.requests.map((request) => request.idempotencyKey);
    expect(keys.filter((key) => key === failed[0]?.idempotencyKey)).toHaveLength(2);
  });
});
