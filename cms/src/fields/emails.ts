import type { Field } from "payload";

/** The emails sent about a lead or an order (from the outbox), listed on its page for sales. */
export const emailsField = (on: "lead" | "order"): Field => ({
  name: "emails",
  type: "join",
  collection: "outbox",
  on,
  label: { zh: "邮件", en: "Emails" },
  defaultSort: "createdAt",
  admin: { defaultColumns: ["subject", "to", "state", "attempts", "createdAt"] },
});
