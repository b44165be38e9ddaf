/**
 * At most CONFIRMATIONS_PER_MAILBOX confirmation emails a day from public submissions to one
 * mailbox, so that a flood rotating client addresses cannot make us mail a stranger over and over.
 * Over the cap the submission is stored as usual and sales still gets its alert; only the
 * customer's confirmation is not queued. A mailbox is the address as its server delivers it:
 * letters in any case, a `+tag` dropped.
 */
import type { PayloadRequest, RequestContext } from "payload";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consume } from "./rateLimit.ts";

const WITHHOLD = "withholdConfirmation";

export function mailboxOf(address: string): string {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at).split("+")[0] ?? "";
  return `${local}@${address.slice(at + 1)}`.toLowerCase();
}

/** Whether the mailbox may have one more confirmation today; counts it when so. */
export async function mayConfirm(limiter: RateLimiterAbstract, address: string): Promise<boolean> {
  return (await consume(limiter, mailboxOf(address))).ok;
}

/** Marks the request that stores a submission: its email hooks queue no confirmation. */
export function withholdConfirmation(req: PayloadRequest): void {
  req.context[WITHHOLD] = true;
}

/** Whether the request whose hooks run was marked by `withholdConfirmation`. */
export function confirmationWithheld(context: RequestContext): boolean {
  return context[WITHHOLD] === true;
}
