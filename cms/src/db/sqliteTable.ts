/**
 * The SQLite table Payload's adapter keeps a collection in, found as the adapter's own operations
 * find it (`tableNameMap`, keyed by the slug in snake case): for the writes done beside Payload's
 * `create` (`createReturningId.ts`, a group's rows in `groupCommit.ts`) and the tests' faults.
 */
import type { SQLiteAdapter } from "@payloadcms/db-sqlite";
import type { CollectionSlug } from "payload";

export function sqliteTableOf(adapter: SQLiteAdapter, collection: CollectionSlug) {
  const tableName = adapter.tableNameMap.get(collection.replaceAll("-", "_"));
  const table = tableName === undefined ? undefined : adapter.tables[tableName];
  if (tableName === undefined || !table) throw new Error(`no SQLite table for ${collection}`);
  return { tableName, table };
}
