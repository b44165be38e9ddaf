/**
 * Which waiting emails go first. After a burst, thousands of internal alerts can wait; a
 * customer's order confirmation or the 24-hour SMS-verification notice must not wait behind them.
 * The order is a property of the kind, so it needs no field of its own: the sender asks for each
 * tier in turn (deadlines, then customers and people waiting on a link, then internal alerts) and
 * fills a batch from the first tiers that have emails.
 */
import type { TEmailKind } from "./templates.ts";

export const SENDING_TIERS: readonly (readonly TEmailKind[])[] = [
  // A missed SMS check rejects the filing: these have a deadline.
  ["sms_verification", "sms_deadline_reminder"],
  // Customers (and staff waiting on a password-reset link) are waiting for these.
  ["order_confirmation", "lead_confirmation", "stage_change", "account"],
  // Our own sales inbox: it can wait a little, and new-lead alerts are combined (digest.ts).
  ["order_alert", "lead_alert_digest", "lead_alert"],
];

/** 0 goes first. */
export function priorityOf(kind: TEmailKind): number {
  const tier = SENDING_TIERS.findIndex((kinds) => kinds.includes(kind));
  return tier === -1 ? SENDING_TIERS.length : tier;
}
