/**
 * `pnpm backup` and `pnpm restore` as an operator runs them: separate processes beside a running
 * stack (here, this test's Payload behind its HTTP server, taking submissions all along). The
 * backup neither fails nor holds up a single submission, and what it saved comes back whole;
 * restore refuses the running stack's database, and existing data without --force.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getPayload } from "payload";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { buildBeianConfig } from "../config.ts";
import type { TEnv } from "../env.ts";
import { startLeadLoad } from "../testing/leadLoad.ts";
import { testEnv } from "../testing/payload.ts";
import { startSeededServer, type TSeededServer } from "../testing/server.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

type TRun = { code: number | null; stdout: string; stderr: string };

/** Runs `script` (what `pnpm backup` / `pnpm restore` run) with only the given environment. */
function run(script: string, env: Record<string, string>, args: string[] = []): Promise<TRun> {
  const child = spawn(process.execPath, [tsx, path.join(here, script), ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

/** The variables that place a stack's data. */
function placeOf(env: Pick<TEnv, "DATABASE_URI" | "MEDIA_DIR" | "MATERIALS_DIR" | "BACKUP_DIR">) {
  const { DATABASE_URI, MEDIA_DIR, MATERIALS_DIR, BACKUP_DIR } = env;
  return { DATABASE_URI, MEDIA_DIR, MATERIALS_DIR, BACKUP_DIR };
}

let seeded: TSeededServer;
let scratch: string;

beforeAll(async () => {
  seeded = await startSeededServer({ TRUST_PROXY: "true", RATE_LIMIT_POINTS: "100000" });
  scratch = await mkdtemp(path.join(tmpdir(), "beian-restore-cli-"));
});

afterAll(async () => {
  await seeded?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

it("backs up a stack taking submissions without failing or holding up any, and restores it", async () => {
  const { t, server } = seeded;
  // What the stack's SQLite layer says when another process holds a lock its writes need.
  const locks: string[] = [];
  const record = (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join();
    if (/is locked|SQLITE_BUSY|cannot begin/.test(text)) locks.push(text);
  };
  vi.spyOn(t.payload.logger, "warn").mockImplementation(record);
  vi.spyOn(t.payload.logger, "error").mockImplementation(record);

  const load = startLeadLoad(server);
  await load.untilCommitted(10);
  const startedAt = Date.now();
  const storedBefore = load.committedBefore(startedAt);
  const backup = await run("backup.ts", placeOf(t.env));
  const endedAt = Date.now();
  await load.untilCommitted(load.committed.length + 5);
  await load.stop();
  vi.restoreAllMocks();

  expect(backup.code, backup.stderr).toBe(0);
  expect(load.failures).toEqual([]);
  expect(locks).toEqual([]);
  expect(load.committed.some((lead) => lead.at > startedAt && lead.at < endedAt)).toBe(true);
  const snapshot = backup.stdout.trim().split("\n").at(-1) ?? "";
  expect(path.dirname(snapshot)).toBe(t.env.BACKUP_DIR);
  expect(path.basename(snapshot)).toMatch(/^\d{4}-\d{2}-\d{2}_\d{6}-manual$/);

  // The running stack's own database is never replaced, --force or not.
  const live = await run("restore.ts", placeOf(t.env), [snapshot, "--force"]);
  expect(live.code, live.stderr).toBe(5);
  expect(live.stderr).toMatch(/stop the stack/);

  const fresh = path.join(scratch, "fresh");
  const freshEnv = testEnv(fresh, {
    DATABASE_URI: `file:${path.join(fresh, "data", "beian.db")}`,
    PAYLOAD_DB_PUSH: "false",
  });
  // A path relative to where the command was typed (pnpm passes that folder as INIT_CWD).
  const typed = await run("restore.ts", { ...placeOf(freshEnv), INIT_CWD: scratch }, [
    path.relative(scratch, snapshot),
  ]);
  expect(typed.code, typed.stderr).toBe(0);
  expect((await run("restore.ts", placeOf(freshEnv), [snapshot])).code).toBe(4);
  const forced = await run("restore.ts", placeOf(freshEnv), [snapshot, "--force"]);
  expect(forced.code, forced.stderr).toBe(0);
  expect(forced.stderr).toMatch(/set aside .*beian\.db\.before-restore-/);
  expect((await run("restore.ts", placeOf(freshEnv))).code).toBe(2);

  const restored = await getPayload({ config: buildBeianConfig(freshEnv), key: fresh });
  try {
    const { docs } = await restored.find({ collection: "leads", pagination: false, depth: 0 });
    const references = new Set(docs.map((lead) => lead.reference));
    expect(storedBefore.filter((reference) => !references.has(reference))).toEqual([]);
  } finally {
    await restored.destroy();
  }
}, 300_000);
