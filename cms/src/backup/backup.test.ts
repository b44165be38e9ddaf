/**
 * A snapshot taken while prospects keep submitting, restored into a fresh stack: it holds every
 * lead stored before it began, each with the emails of its transaction, and the media and
 * materials byte for byte; no submission fails meanwhile. Restore checks before it changes
 * anything: a damaged, unfinished or too-new snapshot, existing data without `force`, and a
 * database another process has open are refused.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "libsql";
import { getPayload, type Payload } from "payload";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildBeianConfig } from "../config.ts";
import { committedMigrations } from "../db/migrations.ts";
import { startLeadLoad } from "../testing/leadLoad.ts";
import { testEnv } from "../testing/payload.ts";
import { startSeededServer, type TSeededServer } from "../testing/server.ts";
import { filesUnder, hashFile, sealFile } from "./files.ts";
import { DATABASE_FILE, MANIFEST_FILE, type TManifest } from "./manifest.ts";
import { committedMigrationNames } from "./migrationNames.ts";
import { RestoreRefused, restoreSnapshot, type TRestoreTarget } from "./restore.ts";
import { type TSnapshot, takeSnapshot } from "./snapshot.ts";
import { sqliteFilePath } from "./sqliteFile.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

let seeded: TSeededServer;
let scratch: string;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  // Every prospect speaks from an address of its own, and no rate limit answers for the database.
  seeded = await startSeededServer({ TRUST_PROXY: "true", RATE_LIMIT_POINTS: "100000" });
  scratch = await mkdtemp(path.join(tmpdir(), "beian-backup-test-"));
  // A customer's (encrypted) document, where the materials are kept.
  const materials = path.join(seeded.t.env.MATERIALS_DIR, "B-TEST-0001");
  await mkdir(materials, { recursive: true });
  await writeFile(path.join(materials, "license.enc"), Buffer.from("加密的营业执照"));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await seeded?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A fresh stack's paths, under the scratch folder. */
function freshTarget(name: string): TRestoreTarget {
  const dir = path.join(scratch, name);
  return {
    databaseFile: path.join(dir, "data", "beian.db"),
    mediaDir: path.join(dir, "media"),
    materialsDir: path.join(dir, "materials"),
  };
}

/** A Payload on a restored database, as `pnpm start` would open it (no schema push). */
async function openRestored(target: TRestoreTarget): Promise<Payload> {
  const dir = path.dirname(path.dirname(target.databaseFile ?? ""));
  const env = testEnv(dir, {
    DATABASE_URI: `file:${target.databaseFile}`,
    PAYLOAD_DB_PUSH: "false",
    MEDIA_DIR: target.mediaDir,
  });
  return getPayload({ config: buildBeianConfig(env), key: `restored-${dir}` });
}

/** Every file under `dir` with its SHA-256, by relative path. */
async function fingerprints(dir: string): Promise<Record<string, string>> {
  const files = await filesUnder(dir);
  return Object.fromEntries(
    await Promise.all(
      files.map(async (name) => [name, await hashFile(path.join(dir, name))] as const),
    ),
  );
}

const restore = (dir: string, target: TRestoreTarget, force = false) =>
  restoreSnapshot(dir, target, { force, knownMigrations: [] });

async function refusal(attempt: Promise<unknown>): Promise<RestoreRefused> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RestoreRefused)) throw new Error(`expected a refusal, got ${error}`);
  return error;
}

let snapshot: TSnapshot;

it("snapshots a stack under write load; restored, it holds every lead stored before, with its emails", async () => {
  const { t, server } = seeded;
  const load = startLeadLoad(server);
  await load.untilCommitted(10);
  const startedAt = Date.now();
  const storedBefore = load.committedBefore(startedAt);
  snapshot = await takeSnapshot(t.env, { kind: "manual", payload: t.payload });
  // Submissions go on after it, and none of them, during or after, failed.
  await load.untilCommitted(load.committed.length + 5);
  await load.stop();
  expect(load.failures).toEqual([]);

  const { manifest } = snapshot;
  expect(path.basename(snapshot.dir)).toMatch(/^\d{4}-\d{2}-\d{2}_\d{6}-manual$/);
  expect(manifest.database).toMatchObject({ kind: "sqlite", file: DATABASE_FILE });
  expect(manifest.materials).toMatchObject({ included: true, files: 1 });
  expect(manifest.media.files).toBeGreaterThan(0);

  const target = freshTarget("first");
  await restore(snapshot.dir, target);
  const restored = await openRestored(target);
  cleanups.push(() => restored.destroy());
  const leads = await restored.find({ collection: "leads", pagination: false, depth: 0 });
  const references = new Set(leads.docs.map((lead) => lead.reference));
  expect(storedBefore.filter((reference) => !references.has(reference))).toEqual([]);
  const counts = manifest.database.kind === "sqlite" ? manifest.database.counts : {};
  expect(leads.totalDocs).toBe(counts.leads);
  // One moment of the database, not a file copied while it changed: every lead comes with the
  // alert email written in its own transaction.
  const alerts = await restored.find({
    collection: "outbox",
    where: { kind: { equals: "lead_alert" } },
    pagination: false,
    depth: 0,
  });
  const alerted = new Set(alerts.docs.map((email) => email.lead));
  expect(leads.docs.filter((lead) => !alerted.has(lead.id)).map((lead) => lead.reference)).toEqual(
    [],
  );
  expect(await fingerprints(target.mediaDir)).toEqual(await fingerprints(t.env.MEDIA_DIR));
  expect(await fingerprints(target.materialsDir)).toEqual(await fingerprints(t.env.MATERIALS_DIR));
  await restored.destroy();
  cleanups.pop();
}, 240_000);

it("refuses to replace existing data without force; with it, sets the old data aside", async () => {
  const target = freshTarget("first");
  const file = target.databaseFile ?? "";
  // The restored stack has been used since.
  writeFileSync(path.join(target.mediaDir, "newer.png"), "a picture added after the restore");
  const before = await hashFile(file);

  const refused = await refusal(restore(snapshot.dir, target));
  expect(refused.reason).toBe("data_exists");
  expect(refused.message).toContain(file);
  expect(await hashFile(file)).toBe(before);
  expect(await filesUnder(target.mediaDir)).toContain("newer.png");

  const { setAside } = await restore(snapshot.dir, target, true);
  expect(await filesUnder(target.mediaDir)).not.toContain("newer.png");
  const oldDatabase = setAside.find((aside) => path.dirname(aside) === path.dirname(file));
  expect(oldDatabase).toMatch(/beian\.db\.before-restore-\d{4}-\d{2}-\d{2}_\d{6}$/);
  expect(await hashFile(oldDatabase ?? "")).toBe(before);
  const oldMedia = setAside.find((aside) => aside.startsWith(`${target.mediaDir}.before-restore`));
  expect(await filesUnder(oldMedia ?? "")).toContain("newer.png");
});

it("refuses while another process uses the database, as a running CMS does", async () => {
  const target = freshTarget("first");
  const file = target.databaseFile ?? "";
  // Another process, as the running stack is in production, marking it in use as the CMS does.
  const holder = spawn(
    process.execPath,
    [
      tsx,
      "--eval",
      `import { holdInUse } from ${JSON.stringify(path.join(here, "inUse.ts"))};
       const release = holdInUse(${JSON.stringify(file)});
       console.log("open");
       process.stdin.once("data", () => { release(); process.exit(0); });`,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = once(holder, "exit");
  await Promise.race([
    once(holder.stdout, "data"),
    exited.then(() => Promise.reject(new Error("the other process could not open the database"))),
  ]);
  const before = await hashFile(file);
  try {
    const refused = await refusal(restore(snapshot.dir, target, true));
    expect(refused.reason).toBe("database_in_use");
    expect(refused.message).toMatch(/stop the stack/);
    expect(await hashFile(file)).toBe(before);
  } finally {
    holder.stdin.end("close\n");
    await exited;
  }
  // Once it has let go, the same restore goes through.
  await expect(restore(snapshot.dir, target, true)).resolves.toMatchObject({ manifest: {} });
}, 120_000);

/** A copy of the snapshot to damage. */
async function copyOfSnapshot(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  await cp(snapshot.dir, dir, { recursive: true });
  return dir;
}

it("refuses a damaged or unfinished snapshot before it changes anything", async () => {
  const target = freshTarget("untouched");

  const damaged = await copyOfSnapshot("damaged");
  const [media] = snapshot.manifest.files.filter((file) => file.path.startsWith("media/"));
  appendFileSync(path.join(damaged, ...(media?.path ?? "").split("/")), "x");
  const refused = await refusal(restore(damaged, target));
  expect(refused.reason).toBe("snapshot_invalid");
  expect(refused.message).toContain(media?.path);

  const unfinished = await copyOfSnapshot("unfinished");
  await rm(path.join(unfinished, MANIFEST_FILE));
  expect((await refusal(restore(unfinished, target))).message).toMatch(/not a snapshot/);

  const escaping = await copyOfSnapshot("escaping");
  const manifest = JSON.parse(
    readFileSync(path.join(escaping, MANIFEST_FILE), "utf8"),
  ) as TManifest;
  manifest.files.push({ path: "media/../../outside", bytes: 0, sha256: "0".repeat(64) });
  writeFileSync(path.join(escaping, MANIFEST_FILE), JSON.stringify(manifest));
  expect((await refusal(restore(escaping, target))).reason).toBe("snapshot_invalid");

  expect(await filesUnder(path.dirname(target.mediaDir))).toEqual([]);
});

it("refuses a snapshot whose schema is newer than this version", async () => {
  const newer = await copyOfSnapshot("newer");
  const file = path.join(newer, DATABASE_FILE);
  const db = new Database(file);
  db.prepare(
    "INSERT INTO payload_migrations (name, batch, updated_at, created_at) VALUES (?, 2, ?, ?)",
  ).run("20991231_000000_from_the_future", new Date().toISOString(), new Date().toISOString());
  db.close();
  // Sealed again, as the version that made it would have: only the schema is the problem.
  const manifest = JSON.parse(readFileSync(path.join(newer, MANIFEST_FILE), "utf8")) as TManifest;
  manifest.files = await Promise.all(
    manifest.files.map((entry) =>
      entry.path === DATABASE_FILE ? sealFile(file, DATABASE_FILE) : entry,
    ),
  );
  writeFileSync(path.join(newer, MANIFEST_FILE), JSON.stringify(manifest));

  const refused = await refusal(restore(newer, freshTarget("older-version")));
  expect(refused.reason).toBe("snapshot_invalid");
  expect(refused.message).toContain("20991231_000000_from_the_future");
});

it("with MongoDB, snapshots the media and materials, says the database is not in it, and restores them", async () => {
  const { env } = seeded.t;
  const mongo = {
    ...env,
    DATABASE_URI: "mongodb://127.0.0.1:9/beian?replicaSet=rs0",
    BACKUP_DIR: path.join(scratch, "mongo-backups"),
  };
  const { dir, manifest } = await takeSnapshot(mongo, { kind: "manual" });
  expect(manifest.database).toEqual({ kind: "mongodb", included: false });
  expect(manifest.files.map((file) => file.path)).not.toContain(DATABASE_FILE);
  expect(manifest.materials.files).toBe(1);

  const target = freshTarget("mongo");
  await expect(restore(dir, target)).rejects.toThrow(/holds no database/);
  await restore(dir, { ...target, databaseFile: undefined });
  expect(await fingerprints(target.mediaDir)).toEqual(await fingerprints(env.MEDIA_DIR));
  expect(await fingerprints(target.materialsDir)).toEqual(await fingerprints(env.MATERIALS_DIR));
  // And a SQLite snapshot is no use to a MongoDB stack.
  expect(
    (await refusal(restore(snapshot.dir, { ...freshTarget("mongo-2"), databaseFile: undefined })))
      .message,
  ).toMatch(/DATABASE_URI here is MongoDB/);
});

it("refuses to keep snapshots inside the folders it copies", async () => {
  const { env } = seeded.t;
  const nested = { ...env, BACKUP_DIR: path.join(env.MEDIA_DIR, "backups") };
  await expect(takeSnapshot(nested, { kind: "manual", payload: seeded.t.payload })).rejects.toThrow(
    /BACKUP_DIR .* is inside MEDIA_DIR/,
  );
  expect(await filesUnder(nested.BACKUP_DIR)).toEqual([]);
});

it("knows the committed migrations by name without loading them", () => {
  expect(committedMigrationNames()).toEqual(committedMigrations.map((migration) => migration.name));
});

it("reads the database file a DATABASE_URI names", () => {
  expect(sqliteFilePath("file:/var/lib/beian/beian.db")).toBe("/var/lib/beian/beian.db");
  expect(sqliteFilePath("file:///var/lib/beian/beian.db")).toBe("/var/lib/beian/beian.db");
  expect(sqliteFilePath("file:data/beian.db")).toBe(path.resolve("data/beian.db"));
});
