import type { Field } from "payload";

/** The emails and text messages sent about a lead or an order (the outbox), on its page for sales. */
export const emailsField = (on: "lead" | "order"): Field => ({
  name: "emails",
  type: "join",
  collection: "outbox",
  on,
  label: { zh: "邮件与短信", en: "Emails and text messages" },
  defaultSort: "createdAt",
  admin: { defaultColumns: ["subject", "channel", "to", "state", "attempts", "createdAt"] },
});
