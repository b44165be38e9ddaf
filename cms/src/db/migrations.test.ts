/**
 * The database comes from DATABASE_URI alone. SQLite in production runs on the committed
 * migrations, which must build what the config describes: the same tables, columns (type, NOT NULL,
 * default), indexes (unique or not) and foreign keys as Payload's own push. MongoDB gets the same
 * collections from the same config.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { MongooseAdapter } from "@payloadcms/db-mongodb";
import type { SQLiteAdapter } from "@payloadcms/db-sqlite";
import { BasePayload, type DatabaseAdapter, getPayload, type Payload } from "payload";
import { afterAll, describe, expect, it } from "vitest";
import { buildBeianConfig } from "../config.ts";
import { seed } from "../seed/index.ts";
import { createTestPayload, testEnv } from "../testing/payload.ts";
import { committedMigrations } from "./migrations.ts";
import { missingTransactions } from "./transaction.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function isSqlite(db: DatabaseAdapter): db is DatabaseAdapter & SQLiteAdapter {
  return db.name === "sqlite";
}

/** One table as SQLite itself reports it, each part in words a diff shows plainly. */
type TTable = { columns: Record<string, string>; indexes: string[]; foreignKeys: string[] };
type TSchema = Record<string, TTable>;

/** Every table but the migrations' own bookkeeping, with its columns, indexes and foreign keys. */
async function sqliteSchema(payload: Payload): Promise<TSchema> {
  const db = payload.db;
  if (!isSqlite(db)) throw new Error(`expected SQLite, got ${db.name}`);
  const query = async (sql: string, args: string[] = []) =>
    (await db.client.execute({ sql, args })).rows;
  const tables = await query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'payload_migrations' ORDER BY name",
  );
  const schema: TSchema = {};
  for (const { name } of tables) {
    const table = String(name);
    schema[table] = {
      columns: await columnsOf(query, table),
      indexes: await indexesOf(query, table),
      foreignKeys: (
        await query(
          'SELECT "from", "table", "to", on_update, on_delete FROM pragma_foreign_key_list(?)',
          [table],
        )
      )
        .map(
          (key) =>
            `${key.from} → ${key.table}.${key.to} (update ${key.on_update}, delete ${key.on_delete})`,
        )
        .sort(),
    };
  }
  return schema;
}

type TQuery = (sql: string, args?: string[]) => Promise<Record<string, unknown>[]>;

async function columnsOf(query: TQuery, table: string): Promise<Record<string, string>> {
  const columns = await query(
    'SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)',
    [table],
  );
  return Object.fromEntries(
    columns.map((column) => [
      String(column.name),
      [
        String(column.type).toLowerCase(),
        column.notnull ? "NOT NULL" : "",
        column.dflt_value === null ? "" : `DEFAULT ${String(column.dflt_value)}`,
        column.pk ? "PRIMARY KEY" : "",
      ]
        .filter(Boolean)
        .join(" "),
    ]),
  );
}

/** Indexes by what they cover; SQLite's own (for a primary key or inline UNIQUE) by their origin. */
async function indexesOf(query: TQuery, table: string): Promise<string[]> {
  const indexes = await query('SELECT name, "unique", origin FROM pragma_index_list(?)', [table]);
  const described: string[] = [];
  for (const index of indexes) {
    const name = String(index.name);
    const columns = await query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [name]);
    const label = index.origin === "c" ? name : `(${String(index.origin)})`;
    const covers = columns.map((column) => String(column.name)).join(", ");
    described.push(`${index.unique ? "UNIQUE " : ""}${label} ON (${covers})`);
  }
  return described.sort();
}

/** A fresh database brought up by the committed migrations alone, closed after the file. */
async function migratedPayload() {
  const dir = mkdtempSync(path.join(tmpdir(), "beian-migrate-"));
  const env = testEnv(dir, { PAYLOAD_DB_PUSH: "false" });
  const payload = await getPayload({ config: buildBeianConfig(env), key: `migrated-${dir}` });
  cleanups.push(async () => {
    await payload.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  await payload.db.migrate({ migrations: committedMigrations });
  return { payload, env };
}

describe("SQLite with the committed migrations (production path)", () => {
  it("migrates a fresh database to exactly the config's schema, and the seed loads into it", async () => {
    const migrated = await migratedPayload();
    // Payload pushes a schema once per process (it skips a push it has seen): this is the one.
    const pushed = await createTestPayload();
    cleanups.push(() => pushed.close());
    // A migration that falls behind the config (a field added, made unique or retyped without
    // `migrate:create`) shows here.
    expect(await sqliteSchema(migrated.payload)).toEqual(await sqliteSchema(pushed.payload));

    // Production may run on it: transactions are on.
    expect(missingTransactions(migrated.payload.db, "production")).toBeUndefined();

    const report = await seed(migrated.payload, migrated.env);
    expect(report.created["filing-types"]).toBe(3);
    const faqs = await migrated.payload.count({ collection: "faqs" });
    expect(faqs.totalDocs).toBeGreaterThanOrEqual(11);
  });

  it("the comparison sees a lost unique index, a retyped column and a lost default", async () => {
    const { payload } = await migratedPayload();
    const db = payload.db;
    if (!isSqlite(db)) throw new Error("expected SQLite");
    const before = await sqliteSchema(payload);

    // Drift this test's own database the ways a hand-written or stale migration would.
    await db.client.execute("DROP INDEX leads_reference_idx");
    await db.client.execute("CREATE INDEX leads_reference_idx ON leads (reference)");
    await db.client.execute("ALTER TABLE leads DROP COLUMN company");
    await db.client.execute("ALTER TABLE leads ADD COLUMN company integer");
    await db.client.execute("ALTER TABLE site_publish DROP COLUMN state");
    await db.client.execute("ALTER TABLE site_publish ADD COLUMN state text");
    const after = await sqliteSchema(payload);

    expect(after).not.toEqual(before);
    expect(before.leads?.indexes).toContain("UNIQUE leads_reference_idx ON (reference)");
    expect(after.leads?.indexes).toContain("leads_reference_idx ON (reference)");
    expect(after.leads?.indexes).not.toContain("UNIQUE leads_reference_idx ON (reference)");
    expect([before.leads?.columns.company, after.leads?.columns.company]).toEqual([
      "text",
      "integer",
    ]);
    expect([before.site_publish?.columns.state, after.site_publish?.columns.state]).toEqual([
      "text DEFAULT 'idle'",
      "text",
    ]);
  });
});

describe("MongoDB", () => {
  it("production refuses a MongoDB without transactions (Payload turns them off off a replica set)", () => {
    // What Payload's MongoDB adapter leaves after connecting to a server that is not a replica set.
    const standalone = { name: "mongoose", transactionOptions: false };
    expect(missingTransactions(standalone, "production")).toMatch(/replica set/);
    expect(missingTransactions(standalone, "development")).toBeUndefined();
    expect(missingTransactions({ name: "mongoose", transactionOptions: {} }, "production")).toBe(
      undefined,
    );
  });

  it("a mongodb:// URI selects the MongoDB adapter with the same collections and globals", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beian-mongo-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const sqliteConfig = await buildBeianConfig(testEnv(dir));
    const mongoConfig = await buildBeianConfig(
      testEnv(dir, { DATABASE_URI: "mongodb://127.0.0.1:27017/beian" }),
    );
    expect(sqliteConfig.db.name).toBe("sqlite");
    expect(mongoConfig.db.name).toBe("mongoose");

    // Compile the adapter's models: Mongoose builds them without connecting to a server.
    // No MongoDB server can run here, so Payload is not booted; the adapter gets an unbooted
    // Payload with the config, which is what model compilation reads.
    const unbooted = new BasePayload();
    unbooted.config = mongoConfig;
    const adapter = mongoConfig.db.init({ payload: unbooted });
    if (!isMongoose(adapter) || !adapter.init) throw new Error(`not Mongoose: ${adapter.name}`);
    await adapter.init();

    const slugs = (config: typeof sqliteConfig) => config.collections.map((c) => c.slug).sort();
    expect(slugs(mongoConfig)).toEqual(slugs(sqliteConfig));
    expect(Object.keys(adapter.collections).sort()).toEqual(slugs(sqliteConfig));
    expect(adapter.globals).toBeDefined();
    for (const drafted of ["faqs", "cases", "filing-types", "filing-stages", "guide-articles"]) {
      expect(Object.keys(adapter.versions)).toContain(drafted);
    }
  });
});

function isMongoose(db: { name?: string }): db is MongooseAdapter {
  return db.name === "mongoose";
}
