/**
 * Queueing an email: an `outbox` document (the whole message, readable in the admin) and a
 * `sendEmail` job, both written with the caller's `req` — inside the transaction that stores the
 * lead or order, so either all of them are committed or none is. Sending happens later, in the job.
 */
import { randomUUID } from "node:crypto";
import type { Payload, PayloadRequest } from "payload";
import { deferToGroup, type TGroupedWrite } from "../db/groupCommit.ts";
import type { Outbox } from "../payload-types.ts";
import type { TEmailContent } from "./layout.ts";
import type { TEmailKind } from "./templates.ts";

export const OUTBOX_STATES = [
  "scheduled",
  "queued",
  "sent",
  "not_sent_no_key",
  "failed",
  "skipped",
  "sent_in_digest",
  // Text messages only (src/sms/): claimed by the run sending it; no template set for its kind.
  "sending",
  "not_sent_no_template",
] as const;
export type TOutboxState = (typeof OUTBOX_STATES)[number];

export const SEND_EMAIL_TASK = "sendEmail";

/** Where emails go and come from; set from the environment in config.ts (`custom.email`). */
export type TEmailSettings = { from: string; salesInbox: string; siteUrl: string; cmsUrl: string };

export function emailSettingsOf(payload: Payload): TEmailSettings {
  const settings = (payload.config.custom as { email?: TEmailSettings } | undefined)?.email;
  if (!settings) throw new Error("config.custom.email is not set (see config.ts)");
  return settings;
}

export type TQueuedEmail = {
  kind: TEmailKind;
  to: string;
  content: TEmailContent;
  replyTo?: string | null | undefined;
  lead?: number | string;
  order?: number | string;
  /** Not before this time (reminders); the email is `scheduled` until then. */
  sendAfter?: Date;
  /** For a reminder: the stage deadline it is about; it is skipped if that deadline changed. */
  forDeadline?: string;
};

/** The key Resend knows an email by when it is sent alone (Resend keeps it for 24 hours). */
export const newIdempotencyKey = () => `beian-outbox-${randomUUID()}`;

/**
 * Written through the database adapter, not Payload's create: every field is set here from code
 * (the outbox's hooks and validation are for a person's edits in the admin), and Payload's
 * operation — every field's hooks over the whole HTML, then the document read back — was the
 * largest single cost of storing a lead (two emails each). Inside a group of public submissions
 * (db/groupCommit.ts) the email and its job are written with the rest of the group's emails.
 */
export async function queueEmail(req: PayloadRequest, email: TQueuedEmail): Promise<void> {
  const queued = queuedEmailOf(req.payload, email);
  if (deferToGroup(req, writeQueuedEmails, queued)) return;
  const doc = await req.payload.db.create({
    collection: "outbox",
    data: queued.row,
    select: { id: true },
    req,
  });
  await req.payload.jobs.queue({
    task: SEND_EMAIL_TASK,
    input: { outboxId: String(doc.id) },
    ...(queued.waitUntil ? { waitUntil: queued.waitUntil } : {}),
    req,
  });
}

type TQueuedRow = {
  /** The outbox document. */
  row: Omit<Outbox, "id"> & { idempotencyKey: string };
  /** When its job may run, for one sent later. */
  waitUntil: Date | undefined;
};

function queuedEmailOf(payload: Payload, email: TQueuedEmail): TQueuedRow {
  const { from } = emailSettingsOf(payload);
  const later =
    email.sendAfter && email.sendAfter.getTime() > Date.now() ? email.sendAfter : undefined;
  const now = new Date().toISOString();
  return {
    row: {
      createdAt: now,
      updatedAt: now,
      channel: "email",
      kind: email.kind,
      state: later ? "scheduled" : "queued",
      from,
      to: email.to,
      replyTo: email.replyTo ?? null,
      subject: email.content.subject,
      text: email.content.text,
      html: email.content.html,
      idempotencyKey: newIdempotencyKey(),
      attempts: 0,
      sendAfter: later ? later.toISOString() : null,
      forDeadline: email.forDeadline ?? null,
      lead: (email.lead as number | undefined) ?? null,
      order: (email.order as number | undefined) ?? null,
    },
    waitUntil: later,
  };
}

/**
 * A group's emails: every outbox row in one statement, then every send job — the rows
 * `payload.jobs.queue` writes (task, input, the time it may run; the rest are the table's
 * defaults) — in another, each job naming its email by the id the first statement gave it.
 */
const writeQueuedEmails: TGroupedWrite<TQueuedRow> = {
  write: async (insert, emails) => {
    const stored = await insert(
      "outbox",
      emails.map((email) => email.row),
      ["id", "idempotencyKey"],
    );
    const idOf = new Map(stored.map((row) => [row.idempotencyKey, row.id]));
    const now = new Date().toISOString();
    await insert(
      "payload-jobs",
      emails.map(({ row, waitUntil }) => {
        const id = idOf.get(row.idempotencyKey);
        if (id === undefined) throw new Error("an outbox row of the group was not written");
        return {
          taskSlug: SEND_EMAIL_TASK,
          input: { outboxId: String(id) },
          waitUntil: waitUntil ? waitUntil.toISOString() : null,
          createdAt: now,
          updatedAt: now,
        };
      }),
      ["id"],
    );
  },
};
