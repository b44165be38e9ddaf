/**
 * The embedded default has no SMS keys: a stage change still queues the customer's text message,
 * which is processed and stays in the outbox as "not sent (no key)", readable in full — nothing
 * leaves. (Its own file: one Payload per process.)
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { seed } from "../seed/index.ts";
import { startFakeSms, type TFakeSms } from "../testing/fakeSms.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";

let t: TTestPayload;
let fake: TFakeSms;

beforeAll(async () => {
  fake = await startFakeSms();
  // The endpoint is there; only the keys are missing.
  t = await createTestPayload({ SMS_ENDPOINT: fake.url, SITE_URL: "http://site.test" });
  await seed(t.payload, t.env);
  await t.payload.updateGlobal({ slug: "sms-templates", data: { stageChange: { code: "SMS_1" } } });
});

afterAll(async () => {
  await t?.close();
  await fake?.close();
});

it("keeps the customer's text message in the outbox as not sent (no key), readable in full", async () => {
  expect(t.env.SMS_ACCESS_KEY_ID).toBeUndefined();
  const order = await t.payload.create({
    collection: "orders",
    data: {
      orderNo: "B-NOKY-SMS1",
      filingType: "personal",
      contact: { name: "周", phone: "13200132001" },
      entity: { province: "zhejiang" },
      status: "submitted",
    },
  });
  await t.payload.update({
    collection: "orders",
    id: order.id,
    data: { status: "preliminary_review" },
  });
  await t.payload.jobs.run({ silent: true });

  const { docs } = await t.payload.find({
    collection: "outbox",
    where: { channel: { equals: "sms" } },
  });
  expect(docs.map((sms) => [sms.kind, sms.state, sms.to])).toEqual([
    ["sms_stage_change", "not_sent_no_key", "13200132001"],
  ]);
  expect(docs[0]?.smsText).toContain("您的备案订单B-NOKY-SMS1已进入「初步审核」阶段");
  expect(fake.requests).toHaveLength(0);
  const jobsLeft = await t.payload.count({
    collection: "payload-jobs",
    where: { completedAt: { exists: false } },
  });
  expect(jobsLeft.totalDocs).toBe(0);
});
