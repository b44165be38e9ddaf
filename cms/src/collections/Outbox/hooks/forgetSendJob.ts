import type { CollectionAfterDeleteHook } from "payload";
import { SEND_EMAIL_TASK } from "../../../email/outbox.ts";
import { SEND_SMS_TASK } from "../../../sms/outbox.ts";

/**
 * A deleted email is not sent: the jobs queued to send it (waiting, or failed and kept) go with
 * it, in the delete's transaction. A job running right now is left to finish: it finds no email
 * and ends ("missing"), and deleting its row under it would make its own bookkeeping fail.
 */
export const forgetSendJob: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: "payload-jobs",
    where: {
      and: [
        { taskSlug: { in: [SEND_EMAIL_TASK, SEND_SMS_TASK] } },
        { "input.outboxId": { equals: String(id) } },
        { processing: { not_equals: true } },
      ],
    },
    overrideAccess: true,
    depth: 0,
    req,
  });
};
