/**
 * A job is marked `processing` while it runs; if the process dies mid-run (deploy, crash, OOM) the
 * mark stays and Payload never picks the job up again. So before each tick picks jobs up, a job
 * runner releases the jobs that have been "processing" far longer than any job can run
 * (JOBS_STALLED_AFTER_MS): they are picked up again, and an email among them is sent with its own
 * idempotency key, so one that Resend took before the process died is not sent twice.
 *
 * Every tick, not only at start: a process restarted at once (a supervisor, a redeploy) starts
 * before the jobs it left are old enough to count as stalled, and would otherwise never release them.
 */
import type { Payload, Where } from "payload";

export async function reclaimStalledJobs(
  payload: Payload,
  stalledAfterMs: number,
  now = new Date(),
): Promise<number> {
  const where: Where = {
    and: [
      { processing: { equals: true } },
      { updatedAt: { less_than: new Date(now.getTime() - stalledAfterMs).toISOString() } },
    ],
  };
  // Nearly every tick finds none: a read, rather than an update's (empty) write transaction.
  const { totalDocs } = await payload.count({
    collection: "payload-jobs",
    where,
    overrideAccess: true,
  });
  if (totalDocs === 0) return 0;
  const { docs } = await payload.update({
    collection: "payload-jobs",
    where,
    data: { processing: false },
    overrideAccess: true,
    depth: 0,
  });
  if (docs.length)
    payload.logger.warn(
      `jobs: released ${docs.length} job(s) left processing by a stopped process`,
    );
  return docs.length;
}

/** For `jobs.shouldAutoRun`: each tick first releases stalled jobs, then picks jobs up as usual. */
export function reclaimBeforeEachTick(stalledAfterMs: number) {
  return async (payload: Payload): Promise<boolean> => {
    await reclaimStalledJobs(payload, stalledAfterMs).catch((error: unknown) =>
      payload.logger.error({ err: error, msg: "jobs: could not release stalled jobs" }),
    );
    return true;
  };
}
