/**
 * The database comes from DATABASE_URI alone. SQLite in production runs on the committed
 * migrations; MongoDB gets the same collections from the same config.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPayload, type Migration, type Payload } from "payload";
import { afterAll, describe, expect, it } from "vitest";
import { buildBeianConfig } from "../config.ts";
import { migrations } from "../migrations/index.ts";
import { seed } from "../seed/index.ts";
import { createTestPayload, testEnv } from "../testing/payload.ts";
import { missingTransactions } from "./transaction.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

type TColumns = Record<string, string[]>;

/** Tables and their columns, as SQLite itself reports them. */
async function sqliteSchema(payload: Payload): Promise<TColumns> {
  const db = payload.db as unknown as {
    execute: (args: {
      drizzle: unknown;
      raw: string;
    }) => Promise<{ rows: Record<string, unknown>[] }>;
    drizzle: unknown;
  };
  const query = async (raw: string) => (await db.execute({ drizzle: db.drizzle, raw })).rows;
  const tables = await query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('payload_migrations') ORDER BY name",
  );
  const schema: TColumns = {};
  for (const { name } of tables) {
    const columns = await query(
      `SELECT name FROM pragma_table_info('${String(name)}') ORDER BY name`,
    );
    schema[String(name)] = columns.map((column) => String(column.name));
  }
  return schema;
}

describe("SQLite with the committed migrations (production path)", () => {
  it("migrates a fresh database to exactly the config's schema, and the seed loads into it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beian-migrate-"));
    const env = testEnv(dir, { PAYLOAD_DB_PUSH: "false" });
    const migrated = await getPayload({ config: buildBeianConfig(env), key: `migrated-${dir}` });
    const pushed = await createTestPayload();
    cleanups.push(async () => {
      await migrated.destroy();
      rmSync(dir, { recursive: true, force: true });
      await pushed.close();
    });

    await migrated.db.migrate({ migrations: migrations as unknown as Migration[] });
    // A migration that falls behind the config (a field added without `migrate:create`) shows here.
    expect(await sqliteSchema(migrated)).toEqual(await sqliteSchema(pushed.payload));

    // Production may run on it: transactions are on.
    expect(missingTransactions(migrated.db, "production")).toBeUndefined();

    const report = await seed(migrated, env);
    expect(report.created["filing-types"]).toBe(3);
    expect((await migrated.count({ collection: "faqs" })).totalDocs).toBeGreaterThanOrEqual(11);
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
    // No MongoDB server can run here, so Payload is not booted; the adapter gets the part of it
    // that model compilation reads.
    const partialPayload = {
      config: mongoConfig,
      logger: console,
      collections: Object.fromEntries(mongoConfig.collections.map((c) => [c.slug, { config: c }])),
    } as unknown as Payload & { db: unknown };
    const adapter = mongoConfig.db.init({ payload: partialPayload }) as unknown as {
      init: () => Promise<void>;
      collections: Record<string, unknown>;
      globals: { modelName?: string } | undefined;
      versions: Record<string, unknown>;
    };
    partialPayload.db = adapter as never;
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
