/** What the crash tests check of the emails once the dust has settled. */
import { expect } from "vitest";
import type { Outbox } from "../../payload-types.ts";
import type { TFakeResend } from "../fakeResend.ts";

type TMessage = { to: string | string[]; subject: string };

const messages = (emails: TMessage[]) =>
  emails.map((email) => `${[email.to].flat().join(", ")}: ${email.subject}`).sort();

/**
 * Resend delivered each outbox email exactly once, and the outbox entry holds the id of that one
 * delivery (a retry that Resend answered from its idempotency key got the first answer).
 */
export function expectEachDeliveredOnce(fake: TFakeResend, outbox: Outbox[]): void {
  // By what was sent, whatever keys it carried: a message sent twice is listed twice.
  expect(messages(fake.delivered)).toEqual(messages(outbox));
  const deliveredIds = new Map(fake.delivered.map((email) => [email.idempotencyKey, email.id]));
  expect(outbox.map((email) => email.providerId)).toEqual(
    outbox.map((email) => deliveredIds.get(email.idempotencyKey)),
  );
}

/** How many requests to Resend carried `key` (answered, refused or held). */
export function timesAsked(fake: TFakeResend, key: string | null): number {
  return fake.requests.filter((request) => request.idempotencyKey === key).length;
}
