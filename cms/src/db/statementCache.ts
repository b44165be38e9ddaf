/**
 * Prepared statements kept per connection, for the connections transactions run on and the
 * client's own (warmTransactions.ts). The libsql client prepares every statement anew, so SQLite
 * compiled the same few dozen INSERTs and SELECTs again for every lead: 8–13 % of the CMS's CPU
 * under 32 clients posting leads. A statement here is compiled once per connection and reused; the client
 * runs each one to its end synchronously (`all` or `run`), so a reused statement is never
 * half-read. Only connections opened through `withStatementCache` are affected: libsql's
 * `prepare` is wrapped for every connection, but passes straight through for the rest.
 *
 * A kept statement also remembers what it says about itself: the client asks every statement for
 * its result columns twice per run (a native call building each name and type anew: 6–7 % of the
 * CPU under the same load), and switches it to raw rows, which throws for one that returns none
 * (an INSERT without RETURNING, COMMIT). Both answers are fixed for the statement's life, which
 * ends at the next change of a table's shape (below).
 */
import Database from "libsql";

type TStatement = { columns: () => unknown; raw: (on?: boolean) => unknown };
type TDatabase = { prepare: (sql: string) => TStatement };

/**
 * What changes the tables' shape. Not PRAGMA: warmTransactions.ts reads `PRAGMA schema_version` at
 * every BEGIN, and clearing there would empty the cache before every transaction.
 */
const CHANGES_SCHEMA = /^\s*(CREATE|ALTER|DROP)\b/i;

/** Plenty for Payload's statements on a few collections; the least recently used go first. */
const MAX_STATEMENTS = 256;

// The engine the libsql client loads: one version in the workspace (pnpm-workspace.yaml overrides).
const libsql = Database as unknown as { prototype: TDatabase };
const caches = new WeakMap<TDatabase, Map<string, TStatement>>();
let adopting = false;

const prepare = libsql.prototype.prepare;
libsql.prototype.prepare = function prepareOnce(this: TDatabase, sql: string) {
  if (adopting) {
    caches.set(this, new Map());
    adopting = false;
  }
  const cache = caches.get(this);
  if (!cache) return prepare.call(this, sql);
  if (CHANGES_SCHEMA.test(sql)) {
    // A kept statement would go on describing the tables as they were (`SELECT *` its old
    // columns): after a migration's step, everything is prepared again.
    cache.clear();
    return prepare.call(this, sql);
  }
  const kept = cache.get(sql);
  if (kept) {
    cache.delete(sql); // to the back: most recently used
    cache.set(sql, kept);
    return kept;
  }
  const statement = describedOnce(prepare.call(this, sql));
  if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
  cache.set(sql, statement);
  return statement;
};

/**
 * The statement, answering `columns()` and `raw(true)` from its first answers (the client only
 * ever asks `raw(true)`; switching raw rows off forgets the kept answer).
 */
function describedOnce(statement: TStatement): TStatement {
  const { columns, raw } = statement;
  let described: unknown;
  let rawOutcome: { error: unknown } | { value: unknown } | undefined;
  statement.columns = () => {
    described ??= columns.call(statement);
    return described;
  };
  statement.raw = (on?: boolean) => {
    if (on !== true && on !== undefined) {
      rawOutcome = undefined; // raw rows off: the next raw(true) must switch them on again
      return raw.call(statement, on);
    }
    if (!rawOutcome) {
      try {
        rawOutcome = { value: raw.call(statement, on) };
      } catch (error) {
        rawOutcome = { error };
      }
    }
    if ("error" in rawOutcome) throw rawOutcome.error;
    return rawOutcome.value;
  };
  return statement;
}

/**
 * Opens a connection whose statements are kept: `open` must prepare its first statement on the
 * new connection before it returns (the libsql client checks every connection it opens so).
 * Also adopts a connection already open, when `open` is a statement on it: the client's own
 * connection, once connected (its migrations run), keeps the statements of every read outside a
 * transaction — a stored answer looked up for each submission, the order lookup, the admin's lists.
 */
export function withStatementCache<T>(open: () => T): T {
  adopting = true;
  try {
    return open();
  } finally {
    adopting = false;
  }
}
