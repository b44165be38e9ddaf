/**
 * Group commit on real SQLite: submissions that wait while another transaction is open are written
 * together in one transaction, each in a savepoint of its own; one that fails is undone alone; each
 * is answered only after its group's COMMIT; a duplicate Idempotency-Key inside one group is stored
 * once and replayed to the other.
 */
import type { Payload, PayloadRequest } from "payload";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { once } from "../public-api/idempotency.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { inSubmissionTransaction } from "./groupCommit.ts";

let t: TTestPayload;
let payload: Payload;

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
});
afterAll(async () => {
  await t?.close();
});

let serial = 0;
async function createLead(req: PayloadRequest, name: string): Promise<number> {
  serial++;
  const lead = await payload.create({
    collection: "leads",
    data: { reference: `L-GROUP${serial}`, name, phone: "13800138000", status: "new" },
    overrideAccess: true,
    depth: 0,
    req,
  });
  return lead.id;
}

const storedNamed = async (name: string) =>
  (await payload.count({ collection: "leads", where: { name: { equals: name } } })).totalDocs;

/**
 * Runs `submit` while another transaction holds SQLite's turn, so everything it submits waits and
 * lands in one group; returns how many transactions were begun once that one was committed.
 */
async function whileTurnIsHeld<T>(submit: () => Promise<T>[]) {
  const held = await payload.db.beginTransaction();
  if (held === null) throw new Error("SQLite should have begun a transaction");
  const begin = vi.spyOn(payload.db, "beginTransaction");
  try {
    // Submitted while the turn is held: every one of them waits for the next group.
    const submitted = submit();
    await payload.db.commitTransaction(held);
    const settled = await Promise.allSettled(submitted);
    return { settled, transactions: begin.mock.calls.length };
  } finally {
    begin.mockRestore();
  }
}

it("writes the submissions that waited together, in one transaction", async () => {
  const { settled, transactions } = await whileTurnIsHeld(() => [
    inSubmissionTransaction(payload, (req) => createLead(req, "同组甲")),
    inSubmissionTransaction(payload, (req) => createLead(req, "同组乙")),
    inSubmissionTransaction(payload, (req) => createLead(req, "同组丙")),
  ]);
  expect(settled.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
  expect(transactions).toBe(1);
  for (const name of ["同组甲", "同组乙", "同组丙"]) expect(await storedNamed(name)).toBe(1);
});

it("undoes a failing submission alone: its group's others are stored", async () => {
  const { settled, transactions } = await whileTurnIsHeld<unknown>(() => [
    inSubmissionTransaction(payload, (req) => createLead(req, "失败前")),
    // Written, then failed: what it wrote goes with it.
    inSubmissionTransaction(payload, async (req) => {
      await createLead(req, "失败者");
      throw new Error("refused after writing");
    }),
    // Payload itself refuses a document (a required field missing) and asks to roll back the
    // request's transaction, which is the whole group's.
    inSubmissionTransaction(payload, (req) =>
      payload.create({
        collection: "leads",
        data: { reference: "L-NONAME", phone: "13800138000", status: "new" } as never,
        overrideAccess: true,
        req,
      }),
    ),
    inSubmissionTransaction(payload, (req) => createLead(req, "失败后")),
  ]);
  expect(transactions).toBe(1);
  expect(settled.map((result) => result.status)).toEqual([
    "fulfilled",
    "rejected",
    "rejected",
    "fulfilled",
  ]);
  expect(await storedNamed("失败前")).toBe(1);
  expect(await storedNamed("失败者")).toBe(0);
  expect(await storedNamed("失败后")).toBe(1);
  expect(
    (await payload.count({ collection: "leads", where: { reference: { equals: "L-NONAME" } } }))
      .totalDocs,
  ).toBe(0);
});

it("answers each submission only after its group's COMMIT", async () => {
  const events: string[] = [];
  const { settled } = await whileTurnIsHeld(() =>
    ["先答", "后答"].map((name) =>
      inSubmissionTransaction(payload, async (req) => {
        const id = await createLead(req, name);
        events.push(`written ${name}`);
        return id;
      }).then(async (id) => {
        // Whoever is answered can read the document outside any transaction: it is committed.
        const found = await payload.find({ collection: "leads", where: { id: { equals: id } } });
        events.push(`answered ${name}: ${found.totalDocs}`);
      }),
    ),
  );
  expect(settled.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
  expect(events).toEqual(["written 先答", "written 后答", "answered 先答: 1", "answered 后答: 1"]);
});

it("stores a duplicate Idempotency-Key inside one group once, and replays it to the other", async () => {
  const request = { scope: "leads:direct:group-duplicate", hash: "same-request" };
  const submit = () =>
    once(payload, request, async (req) => {
      const id = await createLead(req, "重复键");
      return { status: 201, body: { id }, document: `leads:${id}` };
    });
  const { settled, transactions } = await whileTurnIsHeld(() => [submit(), submit()]);
  expect(transactions).toBe(1);
  const answers = settled.map((result) => {
    if (result.status === "rejected") throw result.reason;
    return result.value;
  });
  expect(answers.map((answer) => answer.replayed).sort()).toEqual([false, true]);
  expect(answers[0]?.body).toEqual(answers[1]?.body);
  expect(await storedNamed("重复键")).toBe(1);
});

it("a failed COMMIT answers nobody in the group, and the next group is written", async () => {
  const realRun = vi.fn();
  const { settled } = await whileTurnIsHeld(() => [
    inSubmissionTransaction(payload, async (req) => {
      await createLead(req, "提交失败");
      // The group's COMMIT is refused by SQLite: a deferred foreign key still broken at COMMIT.
      const session = (payload.db as unknown as { sessions: Record<string, { db: unknown }> })
        .sessions[String(req.transactionID)];
      const tx = session?.db as { run: (query: unknown) => Promise<unknown> };
      const { sql } = await import("@payloadcms/db-sqlite");
      await tx.run(sql.raw("PRAGMA defer_foreign_keys = ON"));
      await tx.run(
        sql.raw(
          "INSERT INTO leads_status_history (_order, _parent_id, id) VALUES (1, 999999, 'orphan')",
        ),
      );
      realRun();
      return "stored?";
    }),
  ]);
  expect(realRun).toHaveBeenCalled();
  expect(settled[0]?.status).toBe("rejected");
  expect(await storedNamed("提交失败")).toBe(0);
  const next = await inSubmissionTransaction(payload, (req) => createLead(req, "之后的组"));
  expect(next).toBeGreaterThan(0);
  expect(await storedNamed("之后的组")).toBe(1);
});
