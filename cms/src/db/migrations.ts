/**
 * The committed SQLite migrations in the shape `payload.db.migrate()` takes: for `prepare-db` and
 * the migrations test.
 */
import type { Migration } from "payload";
import { migrations } from "../migrations/index.ts";

// Payload's `Migration` types up/down as taking `unknown`; the generated ones take the SQLite
// adapter's arguments, which is exactly what migrate() passes them.
export const committedMigrations = migrations as Migration[];
