/**
 * The jobs worker killed mid-send (SIGKILL: no handler runs) and started again on the same
 * database: every email is still delivered, exactly once. Twice over: killed while its request
 * hangs at Resend before Resend took the message, and killed after Resend took it but before the
 * answer came back (so the outbox never recorded "sent"). The restarted worker releases the jobs
 * the dead one left "processing" and sends again with each email's stored idempotency key, which
 * Resend (here the fake, in this process, so it outlives the worker) answers with its first answer.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { seed } from "../seed/index.ts";
import { killHard, startEntry, stop, type TChild, waitFor } from "../testing/crash/processes.ts";
import { startFakeResend, type TFakeResend } from "../testing/fakeResend.ts";
import { createTestPayload } from "../testing/payload.ts";

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), "jobs-worker.ts");
const LEADS = 3;

/** The key of the request Resend is holding unanswered (the fault "timeout"), once there is one. */
const hanging = (fake: TFakeResend, seen: number) =>
  fake.requests.slice(seen).find((request) => request.answered === "timeout")?.idempotencyKey;

it("delivers every email exactly once though the worker is killed twice mid-send", async () => {
  const fake = await startFakeResend();
  const t = await createTestPayload({ JOBS_AUTORUN: "false" });
  const workers: TChild[] = [];
  const startWorker = () => {
    const child = startEntry(worker, {
      NODE_ENV: "test",
      DATABASE_URI: t.env.DATABASE_URI,
      MEDIA_DIR: t.env.MEDIA_DIR,
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
      JOBS_CRON: "* * * * * *",
      // A restart takes seconds, so what the killed worker left is stalled by its first tick.
      JOBS_STALLED_AFTER_MS: "1000",
      EMAIL_RETRY_DELAY_MS: "200",
      // A held request outlasts the kill: it is the kill, not a timeout, that ends it.
      EMAIL_SEND_TIMEOUT_MS: "60000",
    });
    workers.push(child);
    return child;
  };
  try {
    // What the web process queued (it runs no jobs): each lead, an alert and a confirmation.
    await seed(t.payload, t.env);
    for (let i = 0; i < LEADS; i++) {
      await t.payload.create({
        collection: "leads",
        data: {
          reference: `L-CRASH${i}`,
          name: `测试${i}`,
          phone: `1340013400${i}`,
          email: `crash${i}@example.com`,
          status: "new",
        },
      });
    }
    const outbox = async () =>
      (await t.payload.find({ collection: "outbox", pagination: false, depth: 0 })).docs;
    expect(await outbox()).toHaveLength(2 * LEADS);

    // 1. Killed while Resend holds its request without having taken the message.
    fake.setFaults({ timeouts: 1, acceptBeforeTimeout: false });
    const first = startWorker();
    const notTaken = await waitFor(() => hanging(fake, 0), "a send held by Resend", {
      child: first,
      timeoutMs: 90_000,
    });
    await killHard(first);
    expect(fake.delivered.filter((email) => email.idempotencyKey === notTaken)).toEqual([]);

    // 2. Killed after Resend took the message, before its answer arrived.
    const seen = fake.requests.length;
    fake.setFaults({ timeouts: 1, acceptBeforeTimeout: true });
    const second = startWorker();
    const taken = await waitFor(() => hanging(fake, seen), "a send taken and held by Resend", {
      child: second,
      timeoutMs: 90_000,
    });
    await killHard(second);
    expect(fake.delivered.filter((email) => email.idempotencyKey === taken)).toHaveLength(1);

    // 3. Started again, it finishes what both left.
    fake.setFaults({});
    const third = startWorker();
    const sent = await waitFor(
      async () => {
        const emails = await outbox();
        return emails.every((email) => email.state === "sent") && emails;
      },
      "every email to be sent",
      { child: third, timeoutMs: 90_000, intervalMs: 250 },
    );
    await stop(third);

    // Each email once at Resend, and its outbox entry holds the id of that one delivery.
    const keys = (emails: { idempotencyKey: string | null }[]) =>
      emails.map((email) => email.idempotencyKey).sort();
    expect(keys(fake.delivered)).toEqual(keys(sent));
    const deliveredIds = Object.fromEntries(
      fake.delivered.map((email) => [email.idempotencyKey, email.id]),
    );
    expect(sent.map((email) => email.providerId)).toEqual(
      sent.map((email) => deliveredIds[email.idempotencyKey]),
    );
    // The email whose answer the kill cut off was asked again, and not sent again.
    const asked = fake.requests.filter((request) => request.idempotencyKey === taken);
    expect(asked.length).toBeGreaterThan(1);
  } finally {
    await Promise.all(workers.map((child) => stop(child)));
    await fake.close();
    await t.close();
  }
}, 240_000);
