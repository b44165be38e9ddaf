/**
 * A backlog drains at Resend's pace, not the job runner's. A tick picks up two send jobs; each
 * sends its batch of up to 100 (batch.ts) and, while emails still wait, goes on: it claims the
 * oldest waiting send job — marked `processing`, as the runner marks the jobs it picks up — does
 * that job's work (its batch fixed, sent under its key, recorded) and removes it, as the runner
 * removes a completed job. Requests still take turns under Resend's limit (sendingPace.ts), so two
 * jobs draining side by side keep Resend at its 2 requests a second with no tick in between, and
 * each batch is formed just before its turn: a customer's email queued meanwhile goes in the next.
 *
 * Exactly once as before: a claimed job is an ordinary job marked processing. If the process dies
 * while it runs, the next tick releases it (reclaimStalledJobs.ts) and its batch, already fixed, is
 * sent again under the same key, which Resend answers without sending twice. A claimed job whose
 * attempt fails is handed back to the runner with the retry delay; the drain stops there.
 */
import type { PayloadRequest, Where } from "payload";
import { inTransaction } from "../db/transaction.ts";
import type { TEnv } from "../env.ts";
import { SEND_EMAIL_TASK } from "./outbox.ts";

/** One send job's work, as the task does it: the outcome, or a throw for a retry. */
export type TSendJobWork = (req: PayloadRequest, outboxId: string) => Promise<string>;

type TClaimed = { id: number | string; outboxId: string };

/** Jobs the runner could pick up now: not running, not finished, not waiting for a retry. */
function dueJobs(now: Date): Where {
  return {
    and: [
      { processing: { not_equals: true } },
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
      { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: now } }] },
    ],
  };
}

/**
 * Marks the oldest due job as running here (in turn with every other claim) if it is a send job.
 * If the oldest is another task's (a text message, a nightly run), the drain ends there: the
 * runner's next tick picks that one up, as it would have, instead of it waiting behind emails.
 */
function claimNextSendJob(req: PayloadRequest): Promise<TClaimed | null> {
  return inTransaction(req.payload, async (tx) => {
    const now = new Date();
    const { docs } = await tx.payload.find({
      collection: "payload-jobs",
      where: dueJobs(now),
      sort: "createdAt",
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req: tx,
    });
    const [job] = docs;
    if (job?.taskSlug !== SEND_EMAIL_TASK) return null;
    await tx.payload.db.updateOne({
      collection: "payload-jobs",
      id: job.id,
      data: { processing: true, updatedAt: now.toISOString() },
      returning: false,
      req: tx,
    });
    const outboxId = String((job.input as { outboxId?: unknown } | null)?.outboxId ?? "");
    return { id: job.id, outboxId };
  });
}

/** Done: the job goes, as the runner deletes a completed job. */
async function completeClaimed(req: PayloadRequest, job: TClaimed): Promise<void> {
  await req.payload.db.deleteMany({
    collection: "payload-jobs",
    where: { id: { equals: job.id } },
  });
}

/** Failed: back to the runner, which runs it again after the retry delay. */
async function releaseClaimed(env: TEnv, req: PayloadRequest, job: TClaimed): Promise<void> {
  const now = Date.now();
  await req.payload.db.updateOne({
    collection: "payload-jobs",
    id: job.id,
    data: {
      processing: false,
      waitUntil: new Date(now + env.EMAIL_RETRY_DELAY_MS).toISOString(),
      updatedAt: new Date(now).toISOString(),
    },
    returning: false,
  });
}

/** How long a job may go on: EMAIL_DRAIN_MS, and far from the time it would count as stalled. */
export function drainBudgetMs(env: TEnv): number {
  return Math.min(env.EMAIL_DRAIN_MS, Math.floor(env.JOBS_STALLED_AFTER_MS / 2));
}

/**
 * After a job's own email: the next waiting send jobs, one at a time, until none waits, the budget
 * is spent, or one fails. Returns how many it did.
 */
export async function drainBacklog(
  env: TEnv,
  req: PayloadRequest,
  work: TSendJobWork,
): Promise<number> {
  const until = Date.now() + drainBudgetMs(env);
  let done = 0;
  while (Date.now() < until) {
    const job = await claimNextSendJob(req);
    if (!job) break;
    try {
      await work(req, job.outboxId);
    } catch (error) {
      await releaseClaimed(env, req, job);
      req.payload.logger.warn({ err: error, msg: `email job ${job.id} handed back for a retry` });
      break;
    }
    await completeClaimed(req, job);
    done++;
  }
  return done;
}
