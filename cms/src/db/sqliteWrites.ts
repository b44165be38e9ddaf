/**
 * SQLite allows one writer at a time, and the libsql client runs every statement synchronously on
 * the Node thread. It hands each transaction the connection it was using and opens a fresh one for
 * everything else. Within one process this goes wrong three ways:
 * - two overlapping transactions: the second fails at BEGIN with SQLITE_BUSY;
 * - a write outside any transaction (Payload writes admin preferences and job bookkeeping so) while
 *   a transaction is open fails at once with SQLITE_BUSY. A busy timeout cannot help: it would block
 *   the event loop, and with it the very transaction it waits for;
 * - the failed statement stays open on the shared connection, so the next transaction to take that
 *   connection fails as well (SQLITE_BUSY_SNAPSHOT), and one failure becomes several.
 *
 * So here, transactions and writes outside them take turns in one queue; reads never wait; a
 * connection that saw SQLITE_BUSY is discarded; and a lock held by another process (a migration, a
 * seed script) is waited out with backoff instead of failing at once. Transactions run on kept
 * connections (warmTransactions.ts). Used by adapter.ts; groupCommit.ts owns its transactions
 * through it.
 */
import type { SQLiteAdapter } from "@payloadcms/db-sqlite";
import type { DatabaseAdapterObj, Payload } from "payload";
import { type TTurns, turnQueue } from "../lib/turnQueue.ts";
import { errorChain } from "./errorChain.ts";
import { handOverConnection, keepTransactionConnections } from "./warmTransactions.ts";

type TTransactionId = string | number;
type TLibsqlClient = SQLiteAdapter["client"];

/** A transaction that never ends must not stop every other write forever. */
const MAX_TURN_WAIT_MS = 15_000;
/** How long a lock held by another process is waited out before the statement fails. */
const MAX_BUSY_WAIT_MS = 10_000;

export function takeTransactionsInTurn(
  base: DatabaseAdapterObj<SQLiteAdapter>,
): DatabaseAdapterObj<SQLiteAdapter> {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args);
      const warn = (message: string) => adapter.payload.logger.warn(`sqlite: ${message}`);
      const turns = turnQueue({
        maxWaitMs: MAX_TURN_WAIT_MS,
        onGuardTripped: (what) =>
          warn(`${what} waited ${MAX_TURN_WAIT_MS / 1000} s for its turn; going ahead`),
      });
      const releases = new Map<TTransactionId, () => void>();
      // Once writes here take turns, only another process can hold the lock: say so, once a wait.
      const afterBusy = (attempt: number, what: string, client: TLibsqlClient | undefined) => {
        if (attempt === 0) warn(`the database is locked (by another process?); ${what} waits`);
        return discardConnection(client);
      };

      const begin = adapter.beginTransaction.bind(adapter);
      adapter.beginTransaction = async (options) => {
        const release = await turns.take("a transaction");
        try {
          const id = await retryWhileBusy(
            () => begin(options),
            (attempt) => afterBusy(attempt, "a transaction", adapter.client),
          );
          if (id === null || id === undefined) release();
          else releases.set(id, release);
          return id;
        } catch (error) {
          release();
          throw error;
        }
      };
      for (const name of ["commitTransaction", "rollbackTransaction"] as const) {
        const end = adapter[name].bind(adapter);
        adapter[name] = async (incoming) => {
          const id = await incoming;
          // A group's transaction outlives a failed operation inside it (groupCommit.ts).
          if (ownedTransactions.has(id)) return;
          try {
            await end(id);
          } finally {
            releases.get(id)?.();
            releases.delete(id);
          }
        };
      }

      // The client exists once connected; statements outside transactions go through it.
      const connect = adapter.connect?.bind(adapter);
      if (connect)
        adapter.connect = async (options) => {
          await connect(options);
          if (!adapter.client) return;
          await keepTransactionConnections(adapter.client, adapter.clientConfig.url);
          writeInTurn(adapter.client, turns, afterBusy);
        };
      return adapter;
    },
  };
}

/**
 * Transactions that only their owner ends (a group of submissions, groupCommit.ts): Payload rolls
 * back a request's whole transaction when one operation fails, which inside a group would undo the
 * other submissions too. A rollback or commit of one of these from anywhere else does nothing.
 */
const ownedTransactions = new Set<TTransactionId>();

export function ownTransaction(id: TTransactionId): void {
  ownedTransactions.add(id);
}

/** The owner's end of its transaction: commits (or rolls back) and lets the next writer go. */
export async function endOwnedTransaction(
  payload: Payload,
  id: TTransactionId,
  how: "commit" | "rollback",
): Promise<void> {
  ownedTransactions.delete(id);
  if (how === "commit") await payload.db.commitTransaction(id);
  else await payload.db.rollbackTransaction(id);
}

const patchedClients = new WeakSet<TLibsqlClient>();

function writeInTurn(
  client: TLibsqlClient,
  turns: TTurns,
  afterBusy: (attempt: number, what: string, client: TLibsqlClient) => Promise<void>,
): void {
  if (patchedClients.has(client)) return;
  patchedClients.add(client);
  const execute = client.execute.bind(client);
  client.execute = async (...call) => {
    const [statement] = call;
    const sql = typeof statement === "string" ? statement : statement.sql;
    // While nothing else writes, a statement runs at once: it is synchronous, so nothing can
    // begin halfway through it. Otherwise a write waits its turn behind the open transactions.
    const release = isRead(sql) || turns.idle ? undefined : await turns.take(describe(sql));
    try {
      return await retryWhileBusy(
        () => execute(...call),
        (attempt) => afterBusy(attempt, describe(sql), client),
      );
    } finally {
      release?.();
    }
  };
}

function isRead(sql: string): boolean {
  return /^\s*(select|explain)\b/i.test(sql);
}

function describe(sql: string): string {
  const words = sql.trim().split(/\s+/).slice(0, 3).join(" ");
  return `a statement outside a transaction (${words} …)`;
}

/**
 * A statement that failed with SQLITE_BUSY had no effect, so it is safe to run again. Only another
 * process can hold the lock once writes here take turns, and it lets go soon.
 */
async function retryWhileBusy<T>(
  run: () => Promise<T>,
  afterBusy: (attempt: number) => Promise<void>,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error)) throw error;
      await afterBusy(attempt);
      if (Date.now() - started > MAX_BUSY_WAIT_MS) throw error;
    }
    await new Promise((done) => setTimeout(done, Math.min(10 * 2 ** attempt, 500)));
  }
}

function isBusy(error: unknown): boolean {
  return errorChain(error).some((cause) => {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    // Payload rethrows a failed BEGIN as a plain Error that only names the code.
    return typeof message === "string" && message.includes("SQLITE_BUSY");
  });
}

/**
 * A statement that failed with SQLITE_BUSY stays open on its connection and poisons it for the next
 * transaction. The client's transaction() is the one public way to take a connection out of use:
 * it hands the current one over and opens a fresh one for what comes next.
 */
async function discardConnection(client: TLibsqlClient | undefined): Promise<void> {
  try {
    if (client) (await handOverConnection(client, "deferred")).close();
  } catch {
    // Nothing more to do: the next statement reports its own error.
  }
}
