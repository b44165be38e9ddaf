/** What the crash tests check of the emails once the dust has settled. */
import { expect } from "vitest";
import type { Outbox } from "../../payload-types.ts";
import type { TFakeResend } from "../fakeResend.ts";

type TMessage = { to: string | string[]; subject: string };

const messages = (emails: TMessage[]) =>
  emails.map((email) => `${[email.to].flat().join(", ")}: ${email.subject}`).sort();

/** An email whose sending is over: sent, or combined into a digest (which is sent). */
export const isSettled = (email: Outbox) =>
  email.state === "sent" || email.state === "sent_in_digest";

/** The emails the outbox stands for (digests are the system's own way of sending alerts). */
export const withoutDigests = (outbox: Outbox[]) =>
  outbox.filter((email) => email.kind !== "lead_alert_digest");

/**
 * Resend delivered each sent outbox email exactly once, under the key it was sent with (its own,
 * or its batch's), and the outbox entry holds the id of that one delivery (a retry that Resend
 * answered from its idempotency key got the first answer). Each alert combined into a digest is
 * listed in exactly one sent digest, and not delivered on its own.
 */
export function expectEachDeliveredOnce(fake: TFakeResend, outbox: Outbox[]): void {
  const sent = outbox.filter((email) => email.state === "sent");
  // By what was sent, whatever keys it carried: a message sent twice is listed twice.
  expect(messages(fake.delivered)).toEqual(messages(sent));
  const delivered = new Map(fake.delivered.map((email) => [email.id, email.idempotencyKey]));
  expect(sent.map((email) => delivered.get(email.providerId ?? ""))).toEqual(
    sent.map((email) => email.batchKey ?? email.idempotencyKey),
  );
  const digestText = sent
    .filter((email) => email.kind === "lead_alert_digest")
    .map((email) => email.text)
    .join("\n");
  for (const alert of outbox.filter((email) => email.state === "sent_in_digest")) {
    const link = new RegExp(`/admin/collections/leads/${alert.lead}(?!\\d)`, "g");
    expect(digestText.match(link), `lead ${alert.lead} in one digest`).toHaveLength(1);
  }
}

/** How many requests to Resend carried `key` (answered, refused or held). */
export function timesAsked(fake: TFakeResend, key: string | null): number {
  return fake.requests.filter((request) => request.idempotencyKey === key).length;
}
