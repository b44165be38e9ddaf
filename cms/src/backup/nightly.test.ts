/**
 * The nightly backup: queued for 04:15 China time (not the retention run's minute), one run
 * waiting at a time; a run takes a nightly snapshot, queues the next night's, and keeps the newest
 * BACKUP_KEEP nightly snapshots — manual ones and snapshots still being written are left alone.
 */
import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { nextRunAt as nextRetentionAt } from "../retention/index.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { MANIFEST_FILE, readManifest } from "./manifest.ts";
import { snapshotName } from "./names.ts";
import { NIGHTLY_BACKUP_TASK, nextBackupAt, scheduleNextBackup } from "./nightly.ts";

let t: TTestPayload;

beforeAll(async () => {
  t = await createTestPayload({ BACKUP_KEEP: "2" });
});

afterAll(async () => {
  await t?.close();
});

const now = new Date("2026-11-27T12:00:00Z");

it("runs at 04:15 China time, after the retention run and never in its minute", () => {
  // 2026-11-27 12:00 UTC is 20:00 in China: the next run is 04:15 on the 28th there.
  expect(nextBackupAt(now).toISOString()).toBe("2026-11-27T20:15:00.000Z");
  expect(nextBackupAt(new Date("2026-11-27T20:14:59Z")).toISOString()).toBe(
    "2026-11-27T20:15:00.000Z",
  );
  expect(nextBackupAt(new Date("2026-11-27T20:15:00Z")).toISOString()).toBe(
    "2026-11-28T20:15:00.000Z",
  );
  expect(nextBackupAt(now).getTime()).toBeGreaterThan(nextRetentionAt(now).getTime());
});

/** A snapshot folder as an earlier run left it. */
async function earlier(name: string): Promise<void> {
  const dir = path.join(t.env.BACKUP_DIR, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MANIFEST_FILE), "{}");
}

const days = (n: number) => new Date(Date.now() - n * 24 * 3600_000);

it("takes a nightly snapshot, queues the next night's and keeps the newest BACKUP_KEEP", async () => {
  const { payload } = t;
  const nightly = [3, 2, 1].map((n) => snapshotName(days(n), "nightly"));
  const manual = snapshotName(days(30), "manual");
  for (const name of [...nightly, manual]) await earlier(name);
  // A backup that died mid-way two days ago, and one that is being written right now.
  const abandoned = path.join(t.env.BACKUP_DIR, ".partial-abandoned");
  await mkdir(abandoned);
  await utimes(abandoned, days(2), days(2));
  await mkdir(path.join(t.env.BACKUP_DIR, ".partial-in-progress"));

  await scheduleNextBackup(payload, now);
  await scheduleNextBackup(payload, now);
  const { docs } = await payload.find({
    collection: "payload-jobs",
    where: { taskSlug: { equals: NIGHTLY_BACKUP_TASK } },
  });
  expect(docs.map((job) => job.waitUntil)).toEqual(["2026-11-27T20:15:00.000Z"]);

  await payload.jobs.runByID({ id: docs[0]?.id as number, silent: true });
  const after = await payload.find({
    collection: "payload-jobs",
    where: { taskSlug: { equals: NIGHTLY_BACKUP_TASK } },
  });
  // (A completed job is deleted: what remains is the next night's run.)
  expect(after.docs).toHaveLength(1);
  expect(after.docs[0]?.id).not.toBe(docs[0]?.id);
  expect(new Date(after.docs[0]?.waitUntil as string).getTime()).toBeGreaterThan(Date.now());

  const left = (await readdir(t.env.BACKUP_DIR)).sort();
  const taken = left.filter((name) => !nightly.includes(name) && /-nightly$/.test(name));
  expect(taken).toHaveLength(1);
  expect(left).toEqual([manual, nightly[2], taken[0], ".partial-in-progress"].sort() as string[]);
  const manifest = await readManifest(path.join(t.env.BACKUP_DIR, taken[0] ?? ""));
  expect(manifest).toMatchObject({ kind: "nightly", database: { kind: "sqlite" } });
});
