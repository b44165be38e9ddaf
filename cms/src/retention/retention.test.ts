/**
 * The privacy notice's retention periods, on a real SQLite database: what has expired goes (with
 * its emails), what has not stays, and a converted lead lives as long as its order.
 */
import type { Payload, RequiredDataFromCollectionSlug } from "payload";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { seed } from "../seed/index.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import {
  ENFORCE_RETENTION_TASK,
  enforceRetention,
  nextRunAt,
  RETENTION_BATCH,
  scheduleNextRetention,
} from "./index.ts";

let t: TTestPayload;
let payload: Payload;

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
  await seed(payload, t.env);
});

afterAll(async () => {
  await t?.close();
});

const now = new Date("2026-11-27T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * 24 * 3600_000).toISOString();

/** Sets when a document was last touched (the Local API would set it to now). */
async function touchedAt(collection: "leads" | "orders" | "outbox", id: number, at: string) {
  await payload.db.updateOne({ collection, id, data: { updatedAt: at, createdAt: at }, req: {} });
}

async function lead(
  reference: string,
  days: number,
  extra: Partial<RequiredDataFromCollectionSlug<"leads">> = {},
) {
  const doc = await payload.create({
    collection: "leads",
    data: {
      reference,
      name: "保留",
      phone: "13800138000",
      email: "keep@example.com",
      status: "new",
      ...extra,
    },
  });
  await touchedAt("leads", doc.id, ago(days));
  return doc.id;
}

async function order(
  orderNo: string,
  days: number,
  extra: Partial<RequiredDataFromCollectionSlug<"orders">> = {},
) {
  const doc = await payload.create({
    collection: "orders",
    data: {
      orderNo,
      filingType: "personal",
      contact: { name: "保留", phone: "13800138000", email: "keep@example.com" },
      entity: { province: "beijing" },
      status: "submitted",
      ...extra,
    },
  });
  await touchedAt("orders", doc.id, ago(days));
  return doc.id;
}

const exists = async (collection: "leads" | "orders", id: number) =>
  (await payload.count({ collection, where: { id: { equals: id } } })).totalDocs === 1;
const emailsOf = async (field: "lead" | "order", id: number) =>
  (await payload.count({ collection: "outbox", where: { [field]: { equals: id } } })).totalDocs;

it("deletes expired leads and orders with their emails, and keeps the rest", async () => {
  const staleLead = await lead("L-OLD001", 366);
  const freshLead = await lead("L-NEW001", 300);
  const oldOrder = await order("B-OLD0-0001", 3 * 365 + 2);
  const liveOrder = await order("B-NEW0-0001", 400);
  const convertedLead = await lead("L-CONV01", 4 * 365, {
    status: "converted",
    convertedOrder: oldOrder,
  });
  const keptConverted = await lead("L-CONV02", 4 * 365, {
    status: "converted",
    convertedOrder: liveOrder,
  });
  expect(await emailsOf("lead", staleLead)).toBe(2);
  expect(await emailsOf("order", oldOrder)).toBe(2);

  const report = await enforceRetention(payload, now);

  expect(await exists("leads", staleLead)).toBe(false);
  expect(await emailsOf("lead", staleLead)).toBe(0);
  expect(await exists("orders", oldOrder)).toBe(false);
  expect(await emailsOf("order", oldOrder)).toBe(0);
  expect(await exists("leads", convertedLead)).toBe(false);

  expect(await exists("leads", freshLead)).toBe(true);
  expect(await emailsOf("lead", freshLead)).toBe(2);
  expect(await exists("orders", liveOrder)).toBe(true);
  expect(await exists("leads", keptConverted)).toBe(true);
  expect(report).toMatchObject({ leads: 2, orders: 1 });
  expect(report.emails).toBeGreaterThanOrEqual(4);

  // Nothing left to do the next night.
  expect(await enforceRetention(payload, now)).toEqual({
    leads: 0,
    orders: 0,
    suspectedSpam: 0,
    emails: 0,
    idempotencyKeys: 0,
    signIns: 0,
    documents: 0,
  });
});

it("suspected spam nobody restored goes 30 days after it came in; a restored one is kept as usual", async () => {
  const oldLead = await lead("L-SPAM01", 31, { suspectedSpam: "honeypot" });
  const youngLead = await lead("L-SPAM02", 29, { suspectedSpam: "too_fast" });
  const oldOrder = await order("B-SPAM-0001", 31, { suspectedSpam: "flood" });
  const restored = await lead("L-SPAM03", 31, { suspectedSpam: "honeypot" });
  await payload.update({ collection: "leads", id: restored, data: { suspectedSpam: null } });
  await touchedAt("leads", restored, ago(31));

  const report = await enforceRetention(payload, now);

  expect(await exists("leads", oldLead)).toBe(false);
  expect(await exists("orders", oldOrder)).toBe(false);
  expect(await exists("leads", youngLead)).toBe(true);
  expect(await exists("leads", restored)).toBe(true);
  expect(report).toMatchObject({ suspectedSpam: 2, leads: 0, orders: 0 });
});

it("a lead whose order is gone counts as unconverted, a large backlog goes in batches, expired idempotency keys go", async () => {
  // Marked converted, but its order was deleted (by an admin, or by retention): 12 months apply.
  const orphan = await payload.db.create({
    collection: "leads",
    data: { reference: "L-ORPH01", name: "孤儿", phone: "13800138000", status: "converted" },
    req: {},
  });
  await touchedAt("leads", orphan.id as number, ago(400));
  const backlog = RETENTION_BATCH + 50;
  for (let i = 0; i < backlog; i++) {
    const doc = await payload.db.create({
      collection: "leads",
      data: { reference: `L-BK${String(i).padStart(4, "0")}`, name: "积压", phone: "13800138000" },
      req: {},
    });
    await touchedAt("leads", doc.id as number, ago(500));
  }
  const keyOf = (scope: string, expiresAt: string) =>
    payload.create({
      collection: "idempotency-keys",
      data: { scope, requestHash: "-", status: 201, body: { id: 1 }, expiresAt },
    });
  await keyOf("leads:direct:expired", ago(2));
  const live = await keyOf("leads:direct:live", new Date(now.getTime() + 3600_000).toISOString());
  const deletes = vi.spyOn(payload, "delete");
  const report = await enforceRetention(payload, now);
  // Each batch its own delete (its own transaction), none larger than RETENTION_BATCH.
  const leadBatches = deletes.mock.calls
    .map(([args]) => args)
    .filter((args) => args.collection === "leads")
    .map((args) => ((args.where?.id as { in?: unknown[] } | undefined)?.in ?? []).length);
  deletes.mockRestore();
  expect(leadBatches.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...leadBatches)).toBeLessThanOrEqual(RETENTION_BATCH);
  expect(report.leads).toBe(backlog + 1);
  expect(await exists("leads", orphan.id as number)).toBe(false);
  expect(report.idempotencyKeys).toBe(1);
  const keys = await payload.find({ collection: "idempotency-keys", pagination: false });
  expect(keys.docs.map((key) => key.id)).toEqual([live.id]);
});

it("customers' sign-in codes go a day after they expire, sessions when they end", async () => {
  const code = (phone: string, expiresAt: string) =>
    payload.create({ collection: "customer-codes", data: { phone, codeHash: "-", expiresAt } });
  await code("13900000001", ago(2));
  const todaysCode = await code("13900000002", new Date(now.getTime() - 3600_000).toISOString());
  const customer = await payload.create({
    collection: "customers",
    data: { phone: "13900000001" },
  });
  const session = (tokenHash: string, expiresAt: string) =>
    payload.create({
      collection: "customer-sessions",
      data: { tokenHash, customer: customer.id, expiresAt },
    });
  await session("ended", new Date(now.getTime() - 1000).toISOString());
  const live = await session("live", new Date(now.getTime() + 3600_000).toISOString());

  const report = await enforceRetention(payload, now);

  expect(report.signIns).toBe(2);
  const left = async (collection: "customer-codes" | "customer-sessions") =>
    (await payload.find({ collection, pagination: false })).docs.map((doc) => doc.id);
  expect(await left("customer-codes")).toEqual([todaysCode.id]);
  expect(await left("customer-sessions")).toEqual([live.id]);
});

it("runs every night at 03:30 China time, one run queued at a time", async () => {
  // 2026-11-27 12:00 UTC is 20:00 in China: the next run is 03:30 on the 28th there.
  expect(nextRunAt(now).toISOString()).toBe("2026-11-27T19:30:00.000Z");
  expect(nextRunAt(new Date("2026-11-27T19:00:00Z")).toISOString()).toBe(
    "2026-11-27T19:30:00.000Z",
  );
  expect(nextRunAt(new Date("2026-11-27T19:30:00Z")).toISOString()).toBe(
    "2026-11-28T19:30:00.000Z",
  );

  await scheduleNextRetention(payload, now);
  await scheduleNextRetention(payload, now);
  const { docs } = await payload.find({
    collection: "payload-jobs",
    where: { taskSlug: { equals: ENFORCE_RETENTION_TASK } },
  });
  expect(docs.map((job) => job.waitUntil)).toEqual(["2026-11-27T19:30:00.000Z"]);

  // When it comes due it runs, and queues the next night's.
  await payload.jobs.runByID({ id: docs[0]?.id as number, silent: true });
  const after = await payload.find({
    collection: "payload-jobs",
    where: { taskSlug: { equals: ENFORCE_RETENTION_TASK } },
    sort: "createdAt",
  });
  // (A completed job is deleted: what remains is the next night's run.)
  expect(after.docs).toHaveLength(1);
  expect(after.docs[0]?.id).not.toBe(docs[0]?.id);
  expect(new Date(after.docs[0]?.waitUntil as string).getTime()).toBeGreaterThan(Date.now());
});
