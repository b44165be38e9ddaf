/**
 * Deleting emails from the outbox, with the request of the delete they belong to (a lead's, an
 * order's, an erasure's), so they go in its transaction. Each email's `sendEmail` job goes with it
 * (the collection's `forgetSendJob` hook).
 */
import type { PayloadRequest, Where } from "payload";

export async function deleteEmails(req: PayloadRequest, where: Where): Promise<number> {
  const { docs, errors } = await req.payload.delete({
    collection: "outbox",
    where,
    overrideAccess: true,
    depth: 0,
    select: {},
    req,
  });
  if (errors.length) throw new Error(`outbox: ${errors.length} email(s) not deleted`);
  return docs.length;
}
