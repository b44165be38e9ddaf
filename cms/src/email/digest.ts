/**
 * New-lead alerts that wait together (a burst: a campaign, a partner's page going live) are sent
 * as one email to the sales inbox listing the leads, not one email each: 2,000 leads in a burst
 * make a handful of emails. Whenever a batch is put together (batch.ts), every lead alert still
 * waiting is combined into a digest, written in the same transaction as the alerts' new state
 * `sent_in_digest` (pointing at the digest) and the removal of their own send jobs: each lead is
 * in exactly one digest, and nothing is left behind or sent twice. A lone alert goes out as it is.
 */
import type { PayloadRequest } from "payload";
import { relationId } from "../lib/relationId.ts";
import type { Outbox } from "../payload-types.ts";
import { emailContext } from "./context.ts";
import { emailSettingsOf, newIdempotencyKey } from "./outbox.ts";
import { forgetSendJobs } from "./sendJobs.ts";
import { leadAlertDigest, type TDigestLead } from "./templates.ts";

/** Leads per digest: one email stays readable (and far below Resend's size limit). */
export const DIGEST_MAX_LEADS = 500;

/** Lead alerts not yet sent nor in a batch, whose send job is not running elsewhere, oldest first. */
async function waitingAlerts(req: PayloadRequest, busy: string[]): Promise<Outbox[]> {
  const { docs } = await req.payload.find({
    collection: "outbox",
    where: {
      and: [
        { kind: { equals: "lead_alert" } },
        { state: { equals: "queued" } },
        { batchKey: { exists: false } },
        { lastAttemptAt: { exists: false } },
        ...(busy.length ? [{ id: { not_in: busy } }] : []),
      ],
    },
    sort: "id",
    limit: DIGEST_MAX_LEADS,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs;
}

async function leadsOf(req: PayloadRequest, alerts: Outbox[]): Promise<Map<string, TDigestLead>> {
  const ids = alerts.map((alert) => relationId(alert.lead)).filter((id) => id !== null);
  const { docs } = await req.payload.find({
    collection: "leads",
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { reference: true, filingType: true, createdAt: true },
    req,
  });
  return new Map(docs.map((lead) => [String(lead.id), lead as TDigestLead]));
}

/**
 * Combines the waiting lead alerts (two or more) into a new digest email, inside `req`'s
 * transaction. Returns the digest and the ids of the alerts it replaces, or null.
 */
export async function combineLeadAlerts(
  req: PayloadRequest,
  busy: string[],
): Promise<{ digest: Outbox; combined: number[] } | null> {
  const alerts = await waitingAlerts(req, busy);
  if (alerts.length < 2) return null;
  const leads = await leadsOf(req, alerts);
  // An alert whose lead cannot be read is left to go out on its own.
  const listed = alerts.filter((alert) => leads.has(String(relationId(alert.lead))));
  if (listed.length < 2) return null;
  const { from, salesInbox } = emailSettingsOf(req.payload);
  const content = leadAlertDigest(
    listed.map((alert) => leads.get(String(relationId(alert.lead))) as TDigestLead),
    await emailContext(req),
  );
  const digest = await req.payload.create({
    collection: "outbox",
    data: {
      kind: "lead_alert_digest",
      state: "queued",
      from,
      to: salesInbox,
      subject: content.subject,
      text: content.text,
      html: content.html,
      idempotencyKey: newIdempotencyKey(),
      attempts: 0,
    },
    overrideAccess: true,
    depth: 0,
    req,
  });
  const combined = listed.map((alert) => alert.id);
  // One statement for hundreds of alerts (no hooks run on these system writes anyway).
  const updated = await req.payload.db.updateMany({
    collection: "outbox",
    where: { and: [{ id: { in: combined } }, { state: { equals: "queued" } }] },
    data: { state: "sent_in_digest", digest: digest.id, updatedAt: new Date().toISOString() },
    req,
  });
  // Another sender changed one of them meanwhile: undo all of it (the caller's transaction).
  if (updated?.length !== combined.length) throw new Error("lead alerts changed while combining");
  await forgetSendJobs(req, combined);
  return { digest, combined };
}
