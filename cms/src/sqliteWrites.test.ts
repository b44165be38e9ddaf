/**
 * Overlapping writes in one process (a lead arriving while the site publisher records its state)
 * all succeed on SQLite: without taking transactions in turn, most fail with SQLITE_BUSY.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "./testing/payload.ts";

let t: TTestPayload;
beforeAll(async () => {
  t = await createTestPayload();
});
afterAll(async () => {
  await t?.close();
});

it("runs 60 overlapping transactions without a single SQLITE_BUSY", async () => {
  const writes = Array.from({ length: 30 }, (_, i) => [
    t.payload.updateGlobal({
      slug: "site-publish",
      data: { state: "building", reason: `change ${i}` },
      overrideAccess: true,
    }),
    t.payload.create({
      collection: "leads",
      data: { reference: `L-TEST${i}`, name: "并发", phone: "13800138000", status: "new" } as never,
      overrideAccess: true,
    }),
  ]).flat();
  const results = await Promise.allSettled(writes);
  const failures = results.filter((result) => result.status === "rejected");
  expect(failures.map((failure) => String((failure as PromiseRejectedResult).reason))).toEqual([]);
  expect((await t.payload.count({ collection: "leads" })).totalDocs).toBe(30);
});
