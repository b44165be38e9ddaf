/**
 * A job is marked `processing` while it runs; if the process dies mid-run (deploy, crash, OOM) the
 * mark stays and Payload never picks the job up again. When a job runner starts, jobs that have
 * been "processing" far longer than any send can take (the send timeout is seconds) are released.
 */
import type { Payload } from "payload";

export const STALLED_AFTER_MS = 10 * 60 * 1000;

export async function reclaimStalledJobs(payload: Payload, now = new Date()): Promise<number> {
  const { docs } = await payload.update({
    collection: "payload-jobs",
    where: {
      and: [
        { processing: { equals: true } },
        { updatedAt: { less_than: new Date(now.getTime() - STALLED_AFTER_MS).toISOString() } },
      ],
    },
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
