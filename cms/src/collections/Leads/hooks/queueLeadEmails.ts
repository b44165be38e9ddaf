import type { CollectionAfterChangeHook, PayloadRequest } from "payload";
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
  if (arrives(change)) await queueLeadArrivalEmails(change.req, change.doc);
  return change.doc;
};

/**
 * The emails of a lead that comes in, with `req`: also called by the public endpoint, which
 * writes a new lead without Payload's create (`public-api/leads.ts`).
 */
export async function queueLeadArrivalEmails(req: PayloadRequest, lead: Lead): Promise<void> {
  const context = await emailContext(req, lead.partner);
  await queueEmail(req, {
    kind: "lead_alert",
    to: emailSettingsOf(req.payload).salesInbox,
    replyTo: lead.email,
    content: leadAlert(lead, context),
    lead: lead.id,
  });
  if (lead.email && !confirmationWithheld(req.context)) {
    await queueEmail(req, {
      kind: "lead_confirmation",
      to: lead.email,
      content: leadConfirmation(lead, context),
      lead: lead.id,
    });
  }
}
