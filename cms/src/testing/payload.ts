/**
 * A real Payload on a real, throw-away SQLite file (schema pushed), for integration tests.
 * No mocks: the same config, access rules and hooks as production.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SQLiteAdapter } from "@payloadcms/db-sqlite";
import {
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  getPayload,
  type Payload,
} from "payload";
import { buildBeianConfig } from "../config.ts";
import { sqliteTableOf } from "../db/sqliteTable.ts";
import { parseEnv, type TEnv } from "../env.ts";

export type TTestPayload = { payload: Payload; env: TEnv; dir: string; close: () => Promise<void> };

export function testEnv(dir: string, overrides: Record<string, string> = {}): TEnv {
  const parsed = parseEnv({
    NODE_ENV: "test",
    DATABASE_URI: `file:${path.join(dir, "test.db")}`,
    PAYLOAD_DB_PUSH: "true",
    MEDIA_DIR: path.join(dir, "media"),
    MATERIALS_DIR: path.join(dir, "materials"),
    BACKUP_DIR: path.join(dir, "backups"),
    // Tests run jobs when they choose to (payload.jobs.run), not on a timer.
    JOBS_AUTORUN: "false",
    ...overrides,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.data;
}

export async function createTestPayload(
  overrides: Record<string, string> = {},
): Promise<TTestPayload> {
  const dir = mkdtempSync(path.join(tmpdir(), "beian-cms-test-"));
  const env = testEnv(dir, overrides);
  const payload = await getPayload({ config: buildBeianConfig(env), key: dir });
  return {
    payload,
    env,
    dir,
    close: async () => {
      await payload.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type TOperation = Parameters<CollectionBeforeOperationHook>[0]["operation"];

/**
 * Until the returned function is called, each of `operations` on `collection` fails with
 * `failure()`, thrown by a hook where Payload's own would throw: a fault inside an endpoint's
 * work, through the same code as a real one.
 */
export function failOperations(
  payload: Payload,
  collection: CollectionSlug,
  operations: readonly TOperation[],
  failure: () => Error,
): () => void {
  const hooks = payload.collections[collection].config.hooks.beforeOperation;
  const hook: CollectionBeforeOperationHook = ({ operation }) => {
    if (operations.includes(operation)) throw failure();
  };
  hooks.push(hook);
  return () => {
    hooks.splice(hooks.indexOf(hook), 1);
  };
}

/**
 * Until the returned function is called, every row written to `collection`'s table through the
 * SQLite adapter fails with `failure()`, where a full disk or a broken file would make the adapter
 * throw: Payload's `create` and the public endpoints' `createReturningId` alike.
 */
export function failAdapterCreates(
  payload: Payload,
  collection: CollectionSlug,
  failure: () => Error,
): () => void {
  const adapter = payload.db as unknown as SQLiteAdapter;
  const insert = adapter.insert;
  const { tableName } = sqliteTableOf(adapter, collection);
  adapter.insert = (args) => {
    if (args.tableName === tableName) return Promise.reject(failure());
    return insert.call(adapter, args);
  };
  return () => {
    adapter.insert = insert;
  };
}
