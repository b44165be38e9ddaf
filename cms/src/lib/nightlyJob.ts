/**
 * A job that runs once a night at a fixed China time (retention, backup), as a chain of ordinary
 * queued jobs: each run first queues the next, and a job runner that starts queues the first.
 * Not Payload's `schedule`, whose bookkeeping writes outside any transaction on every tick (on
 * SQLite those writes collide with the requests' transactions).
 */
import type { Payload } from "payload";
import { inTransaction } from "../db/transaction.ts";
import type { Config } from "../payload-types.ts";
import { CHINA_OFFSET_MS, DAY_MS } from "./chinaTime.ts";

export type TChinaClock = { hour: number; minute: number };

/** The tasks that run nightly and take no input. */
export type TNightlyTask = Extract<
  keyof Config["jobs"]["tasks"],
  "enforceRetention" | "nightlyBackup"
>;

/** The first moment after `now` that is `at` in China. */
export function nextChinaTime(now: Date, at: TChinaClock): Date {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const run = Date.UTC(
    china.getUTCFullYear(),
    china.getUTCMonth(),
    china.getUTCDate(),
    at.hour,
    at.minute,
  );
  return new Date((run > china.getTime() ? run : run + DAY_MS) - CHINA_OFFSET_MS);
}

/** Queues `task` for `runAt` unless a run of it is already waiting. */
export async function queueNightlyRun(
  payload: Payload,
  task: TNightlyTask,
  runAt: Date,
): Promise<void> {
  const waiting = await payload.count({
    collection: "payload-jobs",
    where: {
      and: [
        { taskSlug: { equals: task } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { processing: { not_equals: true } },
      ],
    },
    overrideAccess: true,
  });
  if (waiting.totalDocs > 0) return;
  // In a transaction: on SQLite a write outside one collides with the requests' transactions.
  await inTransaction(payload, (req) =>
    payload.jobs.queue({ task, input: {}, waitUntil: runAt, req }),
  );
}
