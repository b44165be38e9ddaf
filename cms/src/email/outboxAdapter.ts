/**
 * Payload's own emails (the admin's "forgot password") go the same way as ours: into the outbox,
 * sent by the `sendEmail` job through Resend, or kept as "not sent (no key)".
 *
 * Payload calls `sendEmail` inside the transaction of its operation and without that request, so
 * the email is queued just after it, in a transaction of its own: on SQLite a second transaction
 * cannot begin while the first one waits for this call. If queueing fails it is logged; the
 * person can ask again (these are not prospects' emails).
 */
import { escapeHtml } from "@beian/contract";
import type { EmailAdapter, Payload, SendEmailOptions } from "payload";
import { inTransaction } from "../db/transaction.ts";
import { queueEmail } from "./outbox.ts";

/** `Name <address>` → its parts. */
export function parseFrom(from: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match
    ? { name: match[1] ?? "", address: match[2] ?? "" }
    : { name: "", address: from.trim() };
}

/** The text part of an HTML email Payload composed (it gives none). */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, "$2 ($1)")
    .replace(/<br\s*\/?>|<\/(p|div|h\d|li|tr)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const recipients = (to: SendEmailOptions["to"]): string[] =>
  (Array.isArray(to) ? to : to ? [to] : []).map((entry) =>
    typeof entry === "string" ? entry : entry.address,
  );

async function queueAccountEmail(payload: Payload, message: SendEmailOptions): Promise<void> {
  const html = typeof message.html === "string" ? message.html : "";
  const text = typeof message.text === "string" ? message.text : textOf(html);
  // The outbox row and its job together, or neither.
  await inTransaction(payload, async (req) => {
    for (const to of recipients(message.to)) {
      await queueEmail(req, {
        kind: "account",
        to,
        content: {
          subject: String(message.subject ?? ""),
          html: html || `<pre>${escapeHtml(text)}</pre>`,
          text,
        },
      });
    }
  });
}

export function outboxEmailAdapter(from: string): EmailAdapter {
  const { name, address } = parseFrom(from);
  return ({ payload }) => ({
    name: "beian-outbox",
    defaultFromAddress: address,
    defaultFromName: name,
    sendEmail: async (message) => {
      setTimeout(() => {
        queueAccountEmail(payload, message).catch((error: unknown) => {
          payload.logger.error({ err: error, msg: "could not queue an account email" });
        });
      }, 0);
    },
  });
}
