/**
 * The only place that knows which database adapters exist: `DATABASE_URI` picks SQLite (`file:`,
 * the embedded default) or MongoDB (production).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mongooseAdapter } from "@payloadcms/db-mongodb";
import { sqliteAdapter } from "@payloadcms/db-sqlite";
import type { DatabaseAdapterObj } from "payload";
import { databaseKind, type TEnv } from "../env.ts";
import { migrations } from "../migrations/index.ts";
import { takeTransactionsInTurn } from "./sqliteWrites.ts";

const migrationDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "migrations");

export function databaseAdapter(env: TEnv): DatabaseAdapterObj {
  if (databaseKind(env.DATABASE_URI) === "mongodb") {
    // MongoDB needs no schema migrations; Payload builds its indexes on start.
    return mongooseAdapter({ url: env.DATABASE_URI });
  }
  return takeTransactionsInTurn(
    sqliteAdapter({
      client: { url: env.DATABASE_URI },
      wal: true,
      // An id is never given twice: SQLite would otherwise give the newest row's id again once that
      // row is deleted, and an erased or purged person's links (a sales email's, a bookmark, a
      // history row) would open someone else's lead or order.
      autoIncrement: true,
      // No busy timeout: the driver is synchronous, so waiting for a lock would block the event loop
      // and the transaction holding it. sqliteWrites.ts takes turns and waits asynchronously instead.
      // Payload only wraps multi-step writes in transactions on SQLite when asked to.
      transactionOptions: {},
      push: env.PAYLOAD_DB_PUSH,
      migrationDir,
      prodMigrations: migrations,
    }),
  );
}
