/**
 * The customer hears of a rejected document by text (always) and by email (unless they turned
 * emails off), queued in the review's transaction. Our words only: the slot's name, the reason from
 * the list and sales' note; never anything the customer or a stranger typed.
 */
import type { PayloadRequest } from "payload";
import { emailContext } from "../email/context.ts";
import { queueEmail } from "../email/outbox.ts";
import { documentRejected } from "../email/templates.ts";
import type { Material } from "../payload-types.ts";
import { queueSms } from "../sms/outbox.ts";
import { isDocumentRejectionReason, rejectionForCustomer } from "./review.ts";
import { orderIdOf } from "./store.ts";

export async function queueDocumentRejected(
  req: PayloadRequest,
  material: Material,
): Promise<void> {
  if (!isDocumentRejectionReason(material.rejectionReason)) return;
  const order = await req.payload.findByID({
    collection: "orders",
    id: orderIdOf(material),
    depth: 0,
    overrideAccess: true,
    req,
  });
  if (order.suspectedSpam) return;
  const { item } = material;
  const phone = order.contact?.phone;
  if (phone) {
    await queueSms(req, {
      kind: "sms_document_rejected",
      phone,
      params: { orderNo: order.orderNo, item },
      order: order.id,
      about: order.orderNo,
    });
  }
  const email = order.notifyByEmail === false ? null : order.contact?.email;
  if (!email) return;
  const rejected = { item, ...rejectionForCustomer(material.rejectionReason, material.reviewNote) };
  await queueEmail(req, {
    kind: "document_rejected",
    to: email,
    content: documentRejected(order, rejected, await emailContext(req, order.partner)),
    order: order.id,
  });
}
