/**
 * Overlapping writes in one process (a lead arriving while the site publisher records its state,
 * the admin saving list preferences, the jobs runner updating a job) all succeed on SQLite: without
 * sqliteWrites.ts most fail with SQLITE_BUSY, and one failure poisons the next transaction.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import type { RequiredDataFromCollectionSlug } from "payload";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";

const require = createRequire(import.meta.url);

let t: TTestPayload;
beforeAll(async () => {
  t = await createTestPayload();
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * What SQLite refused along the way, as Payload and sqliteWrites.ts log it: a BEGIN that failed
 * ("cannot begin transaction") or a statement that met a lock and had to wait ("is locked").
 * Within one process nothing should ever meet a lock: writes take turns.
 */
function lockEncounters() {
  const seen: string[] = [];
  const record = (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ");
    if (/cannot begin transaction|is locked|SQLITE_BUSY/.test(text)) seen.push(text);
  };
  vi.spyOn(t.payload.logger, "warn").mockImplementation(record);
  vi.spyOn(t.payload.logger, "error").mockImplementation(record);
  return seen;
}

let serial = 0;
function leadData(name: string): RequiredDataFromCollectionSlug<"leads"> {
  serial++;
  return { reference: `L-TEST${serial}`, name, phone: "13800138000", status: "new" };
}
const leadCount = async () => (await t.payload.count({ collection: "leads" })).totalDocs;
const failuresOf = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));

it("runs 60 overlapping transactions without a single SQLITE_BUSY", async () => {
  const locks = lockEncounters();
  const before = await leadCount();
  const writes = Array.from({ length: 30 }, (_, i) => [
    t.payload.updateGlobal({
      slug: "site-publish",
      data: { state: "building", reason: `change ${i}` },
      overrideAccess: true,
    }),
    t.payload.create({ collection: "leads", data: leadData("并发"), overrideAccess: true }),
  ]).flat();
  expect(failuresOf(await Promise.allSettled(writes))).toEqual([]);
  expect(await leadCount()).toBe(before + 30);
  expect(locks).toEqual([]);
});

it("a write outside a transaction waits for the open one, and the next transaction still begins", async () => {
  const locks = lockEncounters();
  const before = await leadCount();
  const id = await t.payload.db.beginTransaction();
  if (id === null) throw new Error("SQLite should have begun a transaction");
  const req = { transactionID: id };
  await t.payload.db.create({ collection: "leads", data: leadData("事务内"), req });
  // payload.db without a req writes outside any transaction, as Payload's own preferences and job
  // bookkeeping do.
  const outside = t.payload.db.create({ collection: "leads", data: leadData("事务外") });
  const outsideSettled = Promise.allSettled([outside]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await t.payload.db.commitTransaction(id);
  expect(failuresOf(await outsideSettled)).toEqual([]);
  const next = await Promise.allSettled([
    t.payload.create({ collection: "leads", data: leadData("之后"), overrideAccess: true }),
  ]);
  expect(failuresOf(next)).toEqual([]);
  expect(await leadCount()).toBe(before + 3);
  expect(locks).toEqual([]);
});

it("reads outside a transaction do not wait for it", async () => {
  const id = await t.payload.db.beginTransaction();
  try {
    const started = Date.now();
    await t.payload.db.find({ collection: "leads", limit: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
  } finally {
    if (id) await t.payload.db.commitTransaction(id);
  }
});

it("a lock held by another process is waited out, not failed", async () => {
  const locks = lockEncounters();
  const metTheLock = () => locks.some((line) => line.includes("is locked (by another process?)"));
  const before = await leadCount();
  // A second copy of SQLite in this process would not see the lock (POSIX locks are per process).
  // The other process holds the lock until told to let go, once the writes here have met it.
  const file = t.env.DATABASE_URI.replace(/^file:/, "");
  const holder = spawn(
    process.execPath,
    [
      "-e",
      `const Database = require(${JSON.stringify(require.resolve("libsql"))});
       const db = new Database(${JSON.stringify(file)});
       db.exec("BEGIN IMMEDIATE");
       console.log("locked");
       process.stdin.once("data", () => { db.exec("COMMIT"); db.close(); });`,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = once(holder, "exit");
  await once(holder.stdout, "data");
  const writes = Promise.allSettled([
    t.payload.create({ collection: "leads", data: leadData("等锁"), overrideAccess: true }),
    t.payload.db.create({ collection: "leads", data: leadData("等锁外") }),
  ]);
  // The lock was met and said so; only then does the other process let go.
  await vi.waitFor(() => expect(metTheLock()).toBe(true), { timeout: 5_000, interval: 20 });
  holder.stdin.end("release\n");
  expect(failuresOf(await writes)).toEqual([]);
  expect(await exited).toEqual([0, null]);
  expect(await leadCount()).toBe(before + 2);
});
