/**
 * Group commit for the public submissions on SQLite. SQLite writes one transaction at a time, and
 * each one pays for BEGIN and the COMMIT's fsync (≈ 1.5 ms on the dev box, during which the
 * synchronous driver holds the whole process). Here a group gathers the submissions that arrive
 * within GATHER_MS of its first one, and those that arrive while it is written wait for the next;
 * a group's submissions are written in one transaction, one after the other, each inside a
 * SAVEPOINT of its own: one that fails (a duplicate Idempotency-Key, a refused document) is rolled
 * back to its savepoint alone and the others go on. Every submission is answered only once the
 * COMMIT of its group has returned — an answer never goes out for something that could still be
 * lost — and a COMMIT that fails fails the whole group, so each client retries (with its key) and
 * nothing is stored twice.
 *
 * Payload rolls back the request's whole transaction when one of its operations fails
 * (`killTransaction`); inside a group that would take the other submissions with it, so a group
 * owns its transaction (`ownTransaction`: sqliteWrites.ts ignores a rollback or commit asked for
 * by anyone else) and rolls back to the savepoint instead.
 *
 * Rows that every submission writes alike (its emails: an outbox row and a send job each) can be
 * left to the group (`deferToGroup`): the rows of every member that succeeded are written together
 * after the last member and before the COMMIT, one statement per table for the whole group instead
 * of two per email — a failed member's rows go with it, and a failure to write them fails the
 * group like a failed COMMIT.
 *
 * MongoDB keeps one transaction per submission (`inTransaction`): its transactions run
 * concurrently, and a group there would only serialise them.
 */
import { type SQLiteAdapter, sql } from "@payloadcms/db-sqlite";
import { type CollectionSlug, createLocalReq, type Payload, type PayloadRequest } from "payload";
import { sqliteTableOf } from "./sqliteTable.ts";
import { endOwnedTransaction, ownTransaction } from "./sqliteWrites.ts";
import { inTransaction } from "./transaction.ts";

/** Enough to share one COMMIT widely, few enough that the first of a group is not kept long. */
const MAX_GROUP = 32;
/**
 * How long a group waits for company before it is written. A submission's own writes run without
 * giving the event loop a turn, so without a wait no other request is read in the meantime and
 * every group is one submission (measured: 1,710 commits for 1,613 leads under 32 clients; with
 * 3 ms, one commit for about ten, and ~115 leads/s instead of ~85). 3 ms is a tenth of what a lone
 * lead takes end to end.
 */
const GATHER_MS = 3;
const SAVEPOINT = "submission";

type TWork<T> = (req: PayloadRequest) => Promise<T>;

/**
 * Inserts rows into a collection's table in the group's transaction; resolves with the `returning`
 * fields (as the adapter names them) of each row written, in order.
 */
export type TInsertRows = (
  collection: CollectionSlug,
  rows: Record<string, unknown>[],
  returning: readonly string[],
) => Promise<Record<string, unknown>[]>;

/** Rows of one kind that a group writes for all of its members at once (`deferToGroup`). */
export type TGroupedWrite<T> = {
  /** Writes the items of every member that succeeded, in the order the members were written. */
  write: (insert: TInsertRows, items: T[]) => Promise<void>;
};
/** What one member left to its group, by writer. */
type TDeferred = Map<TGroupedWrite<never>, unknown[]>;
const DEFERRED = "groupCommit.deferred";
type TPending = {
  work: TWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};
type TOutcome = { ok: true; value: unknown; deferred: TDeferred } | { ok: false; error: unknown };
type TGroups = { waiting: TPending[]; writing: boolean };

const groupsOf = new WeakMap<Payload, TGroups>();

/**
 * Leaves `item` to `writer`, written with the rest of its group's after the member succeeds, when
 * `req` is a group member's: true then. False when it is not (MongoDB, a request outside the
 * public submissions): the caller writes the item itself.
 */
export function deferToGroup<T>(req: PayloadRequest, writer: TGroupedWrite<T>, item: T): boolean {
  const deferred = req.context[DEFERRED] as TDeferred | undefined;
  if (!deferred) return false;
  const key = writer as TGroupedWrite<never>;
  deferred.set(key, [...(deferred.get(key) ?? []), item]);
  return true;
}

/**
 * `work` in a transaction: everything it writes with the `req` it is given commits together, or
 * none of it does. Resolves after the commit, with what `work` returned.
 */
export function inSubmissionTransaction<T>(payload: Payload, work: TWork<T>): Promise<T> {
  if (payload.db.name !== "sqlite") return inTransaction(payload, work);
  let groups = groupsOf.get(payload);
  if (!groups) {
    groups = { waiting: [], writing: false };
    groupsOf.set(payload, groups);
  }
  const queue = groups;
  return new Promise<T>((resolve, reject) => {
    queue.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!queue.writing) void writeGroups(payload, queue);
  });
}

/** Writes groups until nobody waits; only one of these runs per Payload at a time. */
async function writeGroups(payload: Payload, groups: TGroups): Promise<void> {
  groups.writing = true;
  try {
    while (groups.waiting.length > 0) {
      await new Promise((next) => setTimeout(next, GATHER_MS));
      await writeGroup(payload, groups);
    }
  } finally {
    groups.writing = false;
  }
}

async function writeGroup(payload: Payload, groups: TGroups): Promise<void> {
  let id: string | number | null | undefined;
  try {
    id = await payload.db.beginTransaction();
    if (id === null || id === undefined) throw new Error("SQLite began no transaction");
  } catch (error) {
    for (const member of groups.waiting.splice(0, MAX_GROUP)) member.reject(error);
    return;
  }
  ownTransaction(id);
  const group: TPending[] = [];
  const outcomes: TOutcome[] = [];
  try {
    // Submissions that arrive while this group is written join it, up to MAX_GROUP.
    for (let next = groups.waiting.shift(); next; ) {
      group.push(next);
      outcomes.push(await inSavepoint(payload, id, next.work));
      next = group.length < MAX_GROUP ? groups.waiting.shift() : undefined;
    }
    await writeDeferred(payload, id, outcomes);
    // COMMIT here, not through Payload: Payload's SQLite adapter swallows a failed COMMIT, and an
    // answer must never go out for a group that was not stored. Payload's own end of the
    // transaction then finds it committed and only lets go of it.
    await execute(payload, id, "COMMIT");
  } catch (error) {
    await endOwnedTransaction(payload, id, "rollback").catch(() => {});
    for (const member of group) member.reject(error);
    return;
  }
  // Committed: whatever letting go of the transaction says, every member is answered.
  await endOwnedTransaction(payload, id, "commit").catch((error: unknown) =>
    payload.logger.warn({ err: error, msg: "group commit: ending a committed transaction failed" }),
  );
  group.forEach((member, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) member.resolve(outcome.value);
    else member.reject(outcome?.error);
  });
}

/** What the members that succeeded left to the group, one writer after the other. */
async function writeDeferred(
  payload: Payload,
  id: string | number,
  outcomes: TOutcome[],
): Promise<void> {
  const byWriter: TDeferred = new Map();
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    for (const [writer, items] of outcome.deferred) {
      byWriter.set(writer, [...(byWriter.get(writer) ?? []), ...items]);
    }
  }
  // The adapter's drizzle on its own tables, as `adapter.insert` writes them, but reading back only
  // what the writer asks for: `adapter.insert` returns every column, and an email's rows read back
  // with their HTML and text cost as much again as writing them (0.61 against 0.34 ms for two).
  const insert: TInsertRows = async (collection, rows, returning) => {
    const adapter = payload.db as unknown as SQLiteAdapter;
    const { table } = sqliteTableOf(adapter, collection);
    const db = adapter.sessions[id]?.db;
    if (!db) throw new Error(`group commit: transaction ${id} is gone`);
    if (!rows.length) return [];
    const fields = Object.fromEntries(returning.map((field) => [field, table[field]]));
    return (db as unknown as TDrizzleInsert).insert(table).values(rows).returning(fields);
  };
  for (const [writer, items] of byWriter) await writer.write(insert, items as never[]);
}

/** The part of SQLite's drizzle used here (the adapter's session type names every SQL dialect's). */
type TDrizzleInsert = {
  insert: (table: unknown) => {
    values: (rows: Record<string, unknown>[]) => {
      returning: (fields: Record<string, unknown>) => Promise<Record<string, unknown>[]>;
    };
  };
};

/** One submission of a group: its writes kept, or undone alone when it fails. */
async function inSavepoint(
  payload: Payload,
  id: string | number,
  work: TWork<unknown>,
): Promise<TOutcome> {
  await execute(payload, id, `SAVEPOINT ${SAVEPOINT}`);
  try {
    const req = await createLocalReq({}, payload);
    req.transactionID = id;
    const deferred: TDeferred = new Map();
    req.context[DEFERRED] = deferred;
    const value = await work(req);
    await execute(payload, id, `RELEASE ${SAVEPOINT}`);
    return { ok: true, value, deferred };
  } catch (error) {
    await execute(payload, id, `ROLLBACK TO ${SAVEPOINT}`);
    await execute(payload, id, `RELEASE ${SAVEPOINT}`);
    return { ok: false, error };
  }
}

/** A statement in the group's transaction (Payload's drizzle session for `id`). */
async function execute(payload: Payload, id: string | number, raw: string): Promise<void> {
  const session = (payload.db as unknown as SQLiteAdapter).sessions[id];
  if (!session) throw new Error(`group commit: transaction ${id} is gone`);
  // SQLite's drizzle transaction; the adapter's type names every SQL dialect's.
  const tx = session.db as unknown as {
    run: (query: ReturnType<typeof sql.raw>) => Promise<unknown>;
  };
  await tx.run(sql.raw(raw));
}
