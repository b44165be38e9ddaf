/**
 * The `sendEmail` jobs seen from the outbox: which emails have a job running right now (left to
 * that job), and removing the waiting jobs of emails that another job now sends (in a batch, or
 * combined into a digest) — so no job is left to run for nothing, and the ones that remain are the
 * emails still to be sent.
 */
import type { PayloadRequest } from "payload";
import { SEND_EMAIL_TASK } from "./outbox.ts";

/** Outbox ids whose send job is running now (here or in another process). */
export async function busyEmailIds(req: PayloadRequest): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: "payload-jobs",
    where: {
      and: [{ taskSlug: { equals: SEND_EMAIL_TASK } }, { processing: { equals: true } }],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs.map((job) => String((job.input as { outboxId?: unknown } | null)?.outboxId ?? ""));
}

/**
 * Deletes the waiting send jobs of these emails, in `req`'s transaction. A job running now is
 * left alone: it finds its email in a batch or a digest and sends that, or finds it done.
 */
export async function forgetSendJobs(
  req: PayloadRequest,
  outboxIds: (number | string)[],
): Promise<void> {
  if (!outboxIds.length) return;
  await req.payload.db.deleteMany({
    collection: "payload-jobs",
    where: {
      and: [
        { taskSlug: { equals: SEND_EMAIL_TASK } },
        { "input.outboxId": { in: outboxIds.map(String) } },
        { processing: { not_equals: true } },
      ],
    },
    req,
  });
}
