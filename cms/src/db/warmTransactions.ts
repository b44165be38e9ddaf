/**
 * Transactions on connections that stay open. The libsql client hands each transaction the
 * connection it was using and opens a fresh one for whatever comes next, so every transaction
 * after the first runs on a new connection: SQLite parses the whole schema again on its first
 * statement and reads every page it touches from the file again, with an empty cache — measured
 * under 32 clients posting leads, that was most of a lead's database time (the first statement of
 * a transaction ≈ 1.7 ms, each insert ≈ 1 ms). Here a transaction takes an idle connection kept
 * from an earlier one (opened when there is none; with writes taking turns, one is usually
 * enough) and gives it back when it ends cleanly; a connection that saw any error is closed, never
 * reused. The client's own connection (reads, writes outside transactions) is no longer handed
 * away either.
 *
 * A kept connection also keeps its prepared statements (statementCache.ts).
 *
 * Each connection commits with `synchronous = FULL`, as the client's fresh connections always did
 * (SQLite's default): an answered submission survives a power cut, not only a crash of the
 * process. The client's own connection keeps Payload's `NORMAL` for its bookkeeping writes.
 */
import {
  type Client,
  createClient,
  type InArgs,
  type InStatement,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";
import { withStatementCache } from "./statementCache.ts";

const BEGIN: Record<TransactionMode, string> = {
  write: "BEGIN IMMEDIATE",
  read: "BEGIN TRANSACTION READONLY",
  deferred: "BEGIN DEFERRED",
};

/** The client's own `transaction`, which hands its connection away (sqliteWrites.ts uses it to
 * drop a connection that saw SQLITE_BUSY). */
const handOver = new WeakMap<Client, Client["transaction"]>();

export function handOverConnection(client: Client, mode: TransactionMode) {
  return (handOver.get(client) ?? client.transaction.bind(client))(mode);
}

/**
 * Makes `client`'s transactions run on kept connections to the same database (`url`); the
 * client's own connection, which transactions no longer take away, keeps its statements too.
 */
export async function keepTransactionConnections(client: Client, url: string): Promise<void> {
  // Another connection to `:memory:` would be another, empty database.
  if (handOver.has(client) || url.includes(":memory:")) return;
  handOver.set(client, client.transaction.bind(client));
  const idle: Client[] = [];
  client.transaction = async (mode: TransactionMode = "write") => {
    let connection = idle.pop() ?? (await openConnection(url));
    try {
      if (!(await begin(connection, mode))) {
        connection.close();
        connection = await openConnection(url);
        await begin(connection, mode);
      }
    } catch (error) {
      connection.close();
      throw error;
    }
    return keptTransaction(connection, (healthy) => {
      if (healthy) idle.push(connection);
      else connection.close();
    });
  };
  await withStatementCache(() => client.execute("SELECT 1"));
}

/** The schema each kept connection's statements were prepared against. */
const schemaVersions = new WeakMap<Client, number>();

/**
 * Begins; false (and nothing begun) when the schema changed since the connection's last
 * transaction (a migration, a dev schema push): its kept statements would still describe the old
 * tables (`SELECT *` keeps its old columns), so the connection is not used again.
 */
async function begin(connection: Client, mode: TransactionMode): Promise<boolean> {
  await connection.execute(BEGIN[mode]);
  const read = await connection.execute("PRAGMA schema_version");
  const version = Number(read.rows[0]?.schema_version);
  const before = schemaVersions.get(connection);
  schemaVersions.set(connection, version);
  if (before === undefined || before === version) return true;
  await connection.execute("ROLLBACK");
  return false;
}

async function openConnection(url: string): Promise<Client> {
  const connection = withStatementCache(() => createClient({ url }));
  await connection.execute("PRAGMA synchronous = FULL");
  return connection;
}

const ENDS_TRANSACTION = /^\s*(COMMIT|END|ROLLBACK)(\s+TRANSACTION)?\s*;?\s*$/i;

/** libsql's Transaction on a kept connection; `release` once it has ended, saying if cleanly. */
function keptTransaction(connection: Client, release: (healthy: boolean) => void): Transaction {
  let closed = false;
  // A failed statement may stay open on its connection (a busy lock's snapshot): never reuse one.
  let failed = false;
  const end = async (statement: "COMMIT" | "ROLLBACK") => {
    if (closed) throw new Error("The transaction is closed");
    closed = true;
    try {
      await connection.execute(statement);
      release(!failed);
    } catch (error) {
      release(false);
      throw error;
    }
  };
  const inside = async <T>(run: () => Promise<T>): Promise<T> => {
    if (closed) throw new Error("The transaction is closed");
    try {
      return await run();
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const execute = async (statement: InStatement) => {
    const result = await inside(() => connection.execute(statement));
    // Ended by a statement of its own (groupCommit.ts commits so, to see the COMMIT's error):
    // closed from here on, as libsql's transaction is once SQLite has left it.
    const sql = typeof statement === "string" ? statement : statement.sql;
    if (ENDS_TRANSACTION.test(sql)) {
      closed = true;
      release(!failed);
    }
    return result;
  };
  return {
    execute: (statement: InStatement, args?: InArgs) =>
      execute(typeof statement === "string" ? { sql: statement, args: args ?? [] } : statement),
    batch: (statements: InStatement[]) =>
      inside(async () => {
        const results = [];
        for (const statement of statements) results.push(await connection.execute(statement));
        return results;
      }),
    executeMultiple: (sql: string) => inside(() => connection.executeMultiple(sql)),
    commit: () => end("COMMIT"),
    rollback: () => (closed ? Promise.resolve() : end("ROLLBACK")),
    close: () => {
      if (!closed) void end("ROLLBACK").catch(() => undefined);
    },
    get closed() {
      return closed;
    },
  } as Transaction;
}
