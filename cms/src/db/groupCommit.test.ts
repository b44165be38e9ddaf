/**
 * Group commit on real SQLite: submissions that wait while another transaction is open are written
 * together in one transaction, each in a savepoint of its own; one that fails is undone alone; each
 * is answered only after its group's COMMIT; a duplicate Idempotency-Key inside one group is stored
 * once and replayed to the other; the emails its members queue are written together, exactly as
 * they are outside a group, and only for the members that succeed.
 */
import type { Payload, PayloadRequest } from "payload";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { queueEmail } from "../email/outbox.ts";
import type { Outbox } from "../payload-types.ts";
import { once } from "../public-api/idempotency.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { inSubmissionTransaction } from "./groupCommit.ts";
import { inTransaction } from "./transaction.ts";

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

/** A lead's emails and their send jobs, as the job runner and the admin read them. */
async function emailsOf(lead: number) {
  const { docs: emails } = await payload.find({
    collection: "outbox",
    where: { lead: { equals: lead } },
    sort: "id",
    depth: 0,
  });
  const { docs: jobs } = await payload.find({
    collection: "payload-jobs",
    where: { "input.outboxId": { in: emails.map((email) => String(email.id)) } },
    depth: 0,
  });
  return { emails, jobs };
}

/** An email and its job without what differs between any two (ids, keys, times, the lead). */
function comparable(email: Outbox, job: { input?: unknown; [key: string]: unknown }) {
  const { id: _i, idempotencyKey, createdAt: _c, updatedAt: _u, lead: _l, ...row } = email;
  const { id: _j, input, createdAt: _jc, updatedAt: _ju, ...jobRow } = job;
  expect(idempotencyKey).toMatch(/^beian-outbox-/);
  expect(input).toEqual({ outboxId: String(email.id) });
  // The content is the lead's own, rendered by the same template either way.
  return { ...row, subject: "", text: "", html: "", job: jobRow };
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
  // Each lead's alert and its send job, written with the group's, are what a lead created outside
  // any group gets.
  const alone = await inTransaction(payload, (req) => createLead(req, "独自"));
  const reference = await emailsOf(alone);
  expect(reference.emails).toHaveLength(1);
  expect(reference.jobs).toHaveLength(1);
  const expected = comparable(reference.emails[0] as Outbox, reference.jobs[0] as never);
  for (const result of settled) {
    if (result.status !== "fulfilled") throw result.reason;
    const { emails, jobs } = await emailsOf(result.value);
    expect(emails.map((email) => email.kind)).toEqual(["lead_alert"]);
    expect(jobs).toHaveLength(1);
    expect(comparable(emails[0] as Outbox, jobs[0] as never)).toEqual(expected);
  }
});

it("writes no email of a member that failed, and fails the group when its emails cannot be written", async () => {
  const emailCount = async () => (await payload.count({ collection: "outbox" })).totalDocs;
  const before = await emailCount();
  const failed = await whileTurnIsHeld<unknown>(() => [
    inSubmissionTransaction(payload, (req) => createLead(req, "邮件留下")),
    inSubmissionTransaction(payload, async (req) => {
      await createLead(req, "邮件随之撤销");
      throw new Error("refused after queueing its email");
    }),
  ]);
  expect(failed.settled.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
  expect(await emailCount()).toBe(before + 1);

  // An email naming a lead that does not exist breaks a foreign key when the group writes it.
  const broken = await whileTurnIsHeld<unknown>(() => [
    inSubmissionTransaction(payload, (req) => createLead(req, "同组连坐")),
    inSubmissionTransaction(payload, (req) =>
      queueEmail(req, {
        kind: "lead_alert",
        to: "sales@example.com",
        content: { subject: "无主", text: "无主", html: "<p>无主</p>" },
        lead: 999_999,
      }),
    ),
  ]);
  expect(broken.settled.map((result) => result.status)).toEqual(["rejected", "rejected"]);
  expect(await storedNamed("同组连坐")).toBe(0);
  expect(await emailCount()).toBe(before + 1);
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
