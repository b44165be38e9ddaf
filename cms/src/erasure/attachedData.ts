/**
 * The personal data that hangs off a lead or an order and goes when it goes, in the delete's own
 * transaction (`req`), however it is deleted — the admin, REST, a bulk delete, retention, an
 * erasure: its emails in the outbox (they repeat the phone number and address) with the jobs that
 * would send them, an order's documents with their files, and the stored answers to the submission that created it (its Idempotency-Key
 * would otherwise still hand out its reference for up to 24 h). This is the one place that says
 * what hangs off a lead or an order.
 *
 * Not here: an order's converted lead. It is the prospect's own enquiry, worked by sales before the
 * order existed, with its own retention clock; an admin deleting the order gets it back to work
 * (`releaseConvertedLead`). Retention deletes it with its order, and an erasure deletes both.
 */
import type { PayloadRequest } from "payload";
import { deleteEmails } from "../collections/Outbox/deleteEmails.ts";
import { deleteDocuments } from "../materials/deleteDocuments.ts";
import { forgetStoredAnswers, storedDocument } from "../public-api/idempotency.ts";

export type TAttachedTo = { collection: "leads" | "orders"; id: number | string };

const LINK: Record<TAttachedTo["collection"], "lead" | "order"> = {
  leads: "lead",
  orders: "order",
};

export async function deleteAttachedData(
  req: PayloadRequest,
  { collection, id }: TAttachedTo,
): Promise<void> {
  await deleteEmails(req, { [LINK[collection]]: { equals: id } });
  // An order's documents (ID cards…) and their stored files.
  if (collection === "orders") await deleteDocuments(req, { order: { equals: id } });
  await forgetStoredAnswers(req.payload, req, [storedDocument(collection, id)]);
}
