/**
 * The embedded default has no RESEND_API_KEY: emails are still queued and processed, and stay in
 * the outbox as "not sent (no key)", readable in full. (Its own file: one Payload per process.)
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { seed } from "../seed/index.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";

let t: TTestPayload;

beforeAll(async () => {
  t = await createTestPayload();
  await seed(t.payload, t.env);
});

afterAll(async () => {
  await t?.close();
});

it("keeps every email in the outbox as not sent (no key), readable in full", async () => {
  expect(t.env.RESEND_API_KEY).toBeUndefined();
  await t.payload.create({
    collection: "leads",
    data: {
      reference: "L-NOKEY",
      name: "周",
      phone: "13200132000",
      email: "zhou@example.com",
      status: "new",
    },
  });
  await t.payload.jobs.run({ silent: true });
  const { docs } = await t.payload.find({ collection: "outbox", sort: "createdAt" });
  expect(docs.map((email) => [email.kind, email.state])).toEqual([
    ["lead_alert", "not_sent_no_key"],
    ["lead_confirmation", "not_sent_no_key"],
  ]);
  expect(docs[1]?.text).toContain("L-NOKEY");
  expect(docs[1]?.html).toContain("<html");
  const jobsLeft = await t.payload.count({
    collection: "payload-jobs",
    where: { completedAt: { exists: false } },
  });
  expect(jobsLeft.totalDocs).toBe(0);
});
