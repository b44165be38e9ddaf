import type { CollectionAfterChangeHook } from "payload";
import { emailContext } from "../../../email/context.ts";
import { emailSettingsOf, queueEmail } from "../../../email/outbox.ts";
import { leadAlert, leadConfirmation } from "../../../email/templates.ts";
import type { Lead } from "../../../payload-types.ts";
import { confirmationWithheld } from "../../../public-api/confirmations.ts";
import { arrives } from "../../../quarantine/arrival.ts";

/**
 * A new lead: an alert to the sales inbox, and a confirmation to the prospect when they gave an
 * email (unless their mailbox has had its confirmations for the day: `public-api/confirmations.ts`).
 * Queued with the request that creates the lead, so in its transaction. A lead set aside as
 * suspected spam mails nobody; restored by sales, it gets the emails it held back then.
 */
export const queueLeadEmails: CollectionAfterChangeHook<Lead> = async (change) => {
  const { doc, req, context: requestContext } = change;
  if (!arrives(change)) return doc;
  const context = await emailContext(req, doc.partner);
  await queueEmail(req, {
    kind: "lead_alert",
    to: emailSettingsOf(req.payload).salesInbox,
    replyTo: doc.email,
    content: leadAlert(doc, context),
    lead: doc.id,
  });
  if (doc.email && !confirmationWithheld(requestContext)) {
    await queueEmail(req, {
      kind: "lead_confirmation",
      to: doc.email,
      content: leadConfirmation(doc, context),
      lead: doc.id,
    });
  }
  return doc;
};
