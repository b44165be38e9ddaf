/**
 * The jobs worker killed mid-send (SIGKILL: no handler runs) and started again on the same
 * database: every email is still delivered, exactly once. It is killed while its request is in
 * flight, after Resend took the message but before the answer came back, so the outbox never
 * recorded "sent" (the hardest case: killed any earlier, a send again is a first send). The
 * restarted worker releases the jobs the dead one left "processing" and sends again with each
 * email's stored idempotency key, which Resend (here the fake, in this process, so it outlives the
 * worker) answers with its first answer instead of sending again.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { seed } from "../seed/index.ts";
import { expectEachDeliveredOnce, isSettled, timesAsked } from "../testing/crash/deliveries.ts";
import {
  crashJobSettings,
  killHard,
  startEntry,
  stop,
  type TChild,
  waitFor,
} from "../testing/crash/processes.ts";
import { startFakeResend, type TFakeResend } from "../testing/fakeResend.ts";
import { createTestPayload } from "../testing/payload.ts";

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), "jobs-worker.ts");
const LEADS = 3;

/** The key of the request Resend is holding unanswered (the fault "timeout"), once there is one. */
const heldKey = (fake: TFakeResend) =>
  fake.requests.find((request) => request.answered === "timeout")?.idempotencyKey;

it("delivers every email exactly once though the worker is killed mid-send", async () => {
  const fake = await startFakeResend();
  const t = await createTestPayload({ JOBS_AUTORUN: "false" });
  const workers: TChild[] = [];
  const startWorker = () => {
    const child = startEntry(worker, {
      NODE_ENV: "test",
      DATABASE_URI: t.env.DATABASE_URI,
      MEDIA_DIR: t.env.MEDIA_DIR,
      ...crashJobSettings(fake),
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
    // This Payload stays open beside the worker, as a web instance would, and only reads.
    const outbox = async () =>
      (await t.payload.find({ collection: "outbox", pagination: false, depth: 0 })).docs;
    expect(await outbox()).toHaveLength(2 * LEADS);

    // Killed after Resend took the message (a batch: see the last check), while its answer was on the way: the outbox never
    // recorded it "sent".
    // The request held is the batch with the digest of the new-lead alerts ("新线索 3 条:…").
    fake.setFaults({ timeouts: 1, acceptBeforeTimeout: true, match: "条:" });
    const first = startWorker();
    const held = await waitFor(() => heldKey(fake), "Resend to hold an email it took", {
      child: first,
      timeoutMs: 90_000,
    });
    await killHard(first);

    // Started again, it finishes what the killed one left.
    fake.setFaults({});
    const second = startWorker();
    const sent = await waitFor(
      async () => {
        const emails = await outbox();
        return emails.every(isSettled) && emails;
      },
      "every email to be sent",
      { child: second, timeoutMs: 90_000, intervalMs: 250 },
    );
    await stop(second);

    expectEachDeliveredOnce(fake, sent);
    // The held email was asked for again after the kill, and answered without being sent again.
    expect(timesAsked(fake, held)).toBeGreaterThan(1);
    // What was held was a batch: emails sent together are not sent twice either.
    expect(fake.requests.find((request) => request.idempotencyKey === held)?.batch).toBeGreaterThan(
      1,
    );
  } finally {
    await Promise.all(workers.map((child) => stop(child)));
    await fake.close();
    await t.close();
  }
}, 240_000);
