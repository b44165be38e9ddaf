/**
 * The nightly backup: a snapshot (`kind: "nightly"`) at 04:15 China time — after the 03:30
 * retention run, so what the privacy notice says is gone is not copied again — keeping the newest
 * `BACKUP_KEEP` nightly snapshots. Manual snapshots (`pnpm backup`) are never pruned: they are
 * taken on purpose (before an upgrade, a risky change) and are the operator's to delete.
 * Like the retention run, a chain of ordinary jobs: each run first queues the next, and a job
 * runner that starts queues the first.
 */
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Payload, TaskConfig } from "payload";
import type { TEnv } from "../env.ts";
import { DAY_MS } from "../lib/chinaTime.ts";
import { nextChinaTime, queueNightlyRun } from "../lib/nightlyJob.ts";
import { listSnapshots, PARTIAL_PREFIX } from "./names.ts";
import { type TSnapshotSettings, takeSnapshot } from "./snapshot.ts";

export const NIGHTLY_BACKUP_TASK = "nightlyBackup";
const RUN_AT = { hour: 4, minute: 15 } as const;
/** A `.partial-…` folder this old was left by a backup that died; a live one takes minutes. */
const ABANDONED_AFTER_MS = DAY_MS;

/** 04:15 in China: the first such moment after `now`. */
export function nextBackupAt(now: Date): Date {
  return nextChinaTime(now, RUN_AT);
}

/**
 * Deletes all but the newest `keep` nightly snapshots in `backupDir`, and what backups that died
 * left half-written; returns the folders it deleted.
 */
export async function pruneNightlySnapshots(
  backupDir: string,
  keep: number,
  now = new Date(),
): Promise<string[]> {
  const nightly = (await listSnapshots(backupDir)).filter(
    (snapshot) => snapshot.kind === "nightly",
  );
  const doomed = nightly.slice(0, Math.max(0, nightly.length - keep)).map((s) => s.name);
  for (const entry of await readdir(backupDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(PARTIAL_PREFIX)) continue;
    const { mtimeMs } = await stat(path.join(backupDir, entry.name));
    if (now.getTime() - mtimeMs > ABANDONED_AFTER_MS) doomed.push(entry.name);
  }
  for (const name of doomed) await rm(path.join(backupDir, name), { recursive: true, force: true });
  return doomed.map((name) => path.join(backupDir, name));
}

/** Queues the next night's backup unless one is already waiting (`lib/nightlyJob.ts`). */
export async function scheduleNextBackup(payload: Payload, now = new Date()): Promise<void> {
  await queueNightlyRun(payload, NIGHTLY_BACKUP_TASK, nextBackupAt(now));
}

export type TNightlyBackupSettings = TSnapshotSettings & Pick<TEnv, "BACKUP_KEEP">;

export function nightlyBackupTask(
  settings: TNightlyBackupSettings,
): TaskConfig<{ input: object; output: { snapshot: string; pruned: number } }> {
  return {
    slug: NIGHTLY_BACKUP_TASK,
    label: "每晚备份数据库与文件",
    outputSchema: [
      { name: "snapshot", type: "text", required: true },
      { name: "pruned", type: "number", required: true },
    ],
    retries: { attempts: 3, backoff: { type: "exponential", delay: 5 * 60_000 } },
    handler: async ({ req }) => {
      // Tomorrow's run first: a night whose backup fails (after its retries) must not end the chain.
      await scheduleNextBackup(req.payload);
      const { dir } = await takeSnapshot(settings, { kind: "nightly", payload: req.payload });
      const pruned = await pruneNightlySnapshots(settings.BACKUP_DIR, settings.BACKUP_KEEP);
      req.payload.logger.info(
        `backup: nightly snapshot ${dir}; ${pruned.length} old snapshot(s) deleted, ${settings.BACKUP_KEEP} nightly kept`,
      );
      return { output: { snapshot: dir, pruned: pruned.length } };
    },
  };
}
