import type { CollectionAfterChangeHook } from "payload";
import { emailContext } from "../../../email/context.ts";
import { formatChinaTime } from "../../../lib/chinaTime.ts";
import type { Order } from "../../../payload-types.ts";
import { queueSms } from "../../../sms/outbox.ts";

/**
 * The customer's text message when sales moves an order, queued in the transaction that moves it
 * (`queueOrderEmails` queues the email beside it): 驳回 at a rejection, the 24-hour SMS
 * verification notice, 备案成功 with the ICP number, a stage update otherwise. Always sent: these
 * are time-critical, and a customer may turn off email only. Our own values only — the order
 * number, the stage's title from our list, the deadline, the number the bureau issued — never a
 * name or note a stranger typed into the form. A suspected-spam order texts nobody.
 */
export const queueOrderTexts: CollectionAfterChangeHook<Order> = async (change) => {
  const { doc, previousDoc, operation, req } = change;
  if (operation !== "update" || doc.suspectedSpam || previousDoc?.status === doc.status) return doc;
  const phone = doc.contact?.phone;
  if (!phone) return doc;
  const about = { phone, order: doc.id, about: doc.orderNo };
  const orderNo = doc.orderNo;
  if (doc.status === "rejected") {
    await queueSms(req, { ...about, kind: "sms_rejected", params: { orderNo } });
  } else if (doc.status === "sms_verification") {
    const deadline = doc.stageDeadline ? formatChinaTime(doc.stageDeadline) : "24小时内";
    await queueSms(req, {
      ...about,
      kind: "sms_verification_notice",
      params: { orderNo, deadline },
    });
  } else if (doc.status === "filed" && doc.icpNumber) {
    const params = { orderNo, icpNumber: doc.icpNumber };
    await queueSms(req, { ...about, kind: "sms_filed", params });
  } else {
    const stage = (await emailContext(req, doc.partner)).stage(doc.status).title;
    await queueSms(req, { ...about, kind: "sms_stage_change", params: { orderNo, stage } });
  }
  return doc;
};
