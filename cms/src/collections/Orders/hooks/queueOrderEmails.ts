import type { CollectionAfterChangeHook, PayloadRequest } from "payload";
import { emailContext } from "../../../email/context.ts";
import { emailSettingsOf, queueEmail } from "../../../email/outbox.ts";
import {
  orderAlert,
  orderConfirmation,
  smsDeadlineReminder,
  smsVerification,
  stageChange,
} from "../../../email/templates.ts";
import type { Order } from "../../../payload-types.ts";
import { confirmationWithheld } from "../../../public-api/confirmations.ts";
import { arrives } from "../../../quarantine/arrival.ts";

/** The second SMS-verification reminder goes out this long before the 24 h deadline. */
export const SMS_REMINDER_BEFORE_DEADLINE_MS = 4 * 60 * 60 * 1000;

/**
 * Emails about an order, queued in the transaction that changes it:
 * - created: an alert to the sales inbox and a confirmation with the checklist to the customer
 *   (unless their mailbox has had its confirmations for the day: `public-api/confirmations.ts`);
 * - moved to another stage: the customer hears of it; entering SMS verification, that email is the
 *   SMS-verification reminder, and a second one is scheduled a few hours before its deadline
 *   (skipped when it comes due if the order has moved on).
 * Customers without an email address, or who turned emails off, get none (their text messages
 * still go: `queueOrderTexts`). An order set aside as suspected
 * spam mails nobody, even when worked; restored by sales, it gets the emails of a new order then.
 */
export const queueOrderEmails: CollectionAfterChangeHook<Order> = async (change) => {
  const { doc, previousDoc, operation, req } = change;
  const created = arrives(change);
  const moved = operation === "update" && !doc.suspectedSpam && previousDoc?.status !== doc.status;
  if (created) {
    await queueOrderArrivalEmails(req, doc);
    return doc;
  }
  if (!moved) return doc;
  const customer = customerEmailOf(doc);
  if (!customer) return doc;
  const context = await emailContext(req, doc.partner);
  const about = { order: doc.id };
  if (doc.status !== "sms_verification") {
    await queueEmail(req, {
      kind: "stage_change",
      to: customer,
      content: stageChange(doc, context),
      ...about,
    });
    return doc;
  }
  await queueEmail(req, {
    kind: "sms_verification",
    to: customer,
    content: smsVerification(doc, context),
    ...about,
  });
  if (doc.stageDeadline) {
    const sendAfter = new Date(
      new Date(doc.stageDeadline).getTime() - SMS_REMINDER_BEFORE_DEADLINE_MS,
    );
    if (sendAfter.getTime() > Date.now()) {
      await queueEmail(req, {
        kind: "sms_deadline_reminder",
        to: customer,
        content: smsDeadlineReminder(doc, context),
        sendAfter,
        forDeadline: doc.stageDeadline,
        ...about,
      });
    }
  }
  return doc;
};

/**
 * The emails of an order that comes in, with `req`: also called by the public endpoint, which
 * writes a new order without Payload's create (`public-api/orders.ts`).
 */
export async function queueOrderArrivalEmails(req: PayloadRequest, order: Order): Promise<void> {
  const context = await emailContext(req, order.partner);
  const customer = customerEmailOf(order);
  await queueEmail(req, {
    kind: "order_alert",
    to: emailSettingsOf(req.payload).salesInbox,
    replyTo: customer,
    content: orderAlert(order, context),
    order: order.id,
  });
  if (customer && !confirmationWithheld(req.context)) {
    await queueEmail(req, {
      kind: "order_confirmation",
      to: customer,
      content: orderConfirmation(order, context),
      order: order.id,
    });
  }
}

/** Where the customer's emails go: none when they turned emails off (邮件通知客户); texts still go. */
function customerEmailOf(order: Order): string | null | undefined {
  return order.notifyByEmail === false ? null : order.contact?.email;
}
