/**
 * Emails go to Resend in batches of up to 100 per request (POST /emails/batch): Resend's limit is
 * 2 requests a second, not 2 emails, so a backlog of thousands drains in minutes, not hours.
 *
 * Exactly once across crashes: a batch's membership is fixed before it is sent. In one transaction
 * the job that sends takes the waiting emails by priority (priority.ts), combines waiting lead
 * alerts into a digest (digest.ts), writes the batch's key on every member and removes their own
 * send jobs; only then does it ask Resend. The key is derived from the members' own keys, and a
 * retry (the job's next attempt, or the job run again after a crash) reads the members back by
 * that key in the same order and sends the same body under the same key, which Resend answers
 * from its first answer instead of sending again. An email once in a batch never joins another.
 * A batch of one is sent as before (POST /emails) under the email's own key.
 */
import { createHash } from "node:crypto";
import type { Payload, PayloadRequest, Where } from "payload";
import { inTransaction } from "../db/transaction.ts";
import type { Outbox } from "../payload-types.ts";
import { combineLeadAlerts } from "./digest.ts";
import { SENDING_TIERS } from "./priority.ts";
import { BATCH_MAX } from "./resend.ts";
import { busyEmailIds, forgetSendJobs } from "./sendJobs.ts";

/** A batch's key: the same members always give the same key (and no other members do). */
export function batchKeyOf(members: Pick<Outbox, "idempotencyKey">[]): string {
  const hash = createHash("sha256");
  for (const member of members) hash.update(`${member.idempotencyKey}\n`);
  return `beian-batch-${hash.digest("hex")}`;
}

/** Whether the email was (or is to be) sent alone, under its own key. */
export const sentAlone = (email: Outbox) => email.batchKey === email.idempotencyKey;

/** The members of a batch, in the order they were sent. */
export async function membersOf(req: PayloadRequest, batchKey: string): Promise<Outbox[]> {
  const { docs } = await req.payload.find({
    collection: "outbox",
    where: { batchKey: { equals: batchKey } },
    sort: "id",
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs;
}

/** A batch's members in sending order, and the one standing for the job's email (its digest, if combined). */
export type TBatch = { anchor: Outbox; members: Outbox[] };

/** Emails waiting for their first send, of these kinds, not among `exclude`, oldest first. */
async function waiting(
  req: PayloadRequest,
  kinds: readonly string[],
  exclude: string[],
  limit: number,
) {
  const where: Where = {
    and: [
      { state: { equals: "queued" } },
      { kind: { in: kinds } },
      { batchKey: { exists: false } },
      { lastAttemptAt: { exists: false } },
      ...(exclude.length ? [{ id: { not_in: exclude } }] : []),
    ],
  };
  const { docs } = await req.payload.find({
    collection: "outbox",
    where,
    sort: "id",
    limit,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs;
}

/**
 * `email` with the waiting emails that go first, up to a batch: the digest of the waiting lead
 * alerts (it replaces `email` if `email` was one of them), then by tier.
 */
async function chooseMembers(req: PayloadRequest, email: Outbox): Promise<TBatch> {
  // An email tried before this design had batches keeps its own key: it goes alone.
  if (email.lastAttemptAt) return { anchor: email, members: [email] };
  const busy = (await busyEmailIds(req)).filter((id) => id !== String(email.id));
  const combined = await combineLeadAlerts(req, busy);
  const anchor = combined?.combined.includes(email.id) ? combined.digest : email;
  const members = [anchor];
  if (combined && combined.digest !== anchor) members.push(combined.digest);
  for (const tier of SENDING_TIERS) {
    const room = BATCH_MAX - members.length;
    if (room <= 0) break;
    // Lead alerts still waiting (past a digest's limit) go in the next digest, not one by one.
    const kinds = tier.filter((kind) => kind !== "lead_alert");
    const exclude = [...busy, ...members.map((member) => String(member.id))];
    members.push(...(await waiting(req, kinds, exclude, room)));
  }
  return { anchor, members: members.sort((a, b) => a.id - b.id) };
}

/**
 * Fixes the batch `email` goes out in and commits it: its members carry the batch's key, and
 * their own send jobs are gone (this job sends them).
 */
export function fixBatch(payload: Payload, email: Outbox): Promise<TBatch> {
  return inTransaction(payload, async (req) => {
    const { anchor, members } = await chooseMembers(req, email);
    const [only] = members;
    const batchKey = members.length === 1 && only ? only.idempotencyKey : batchKeyOf(members);
    const ids = members.map((member) => member.id);
    const docs = await req.payload.db.updateMany({
      collection: "outbox",
      where: { and: [{ id: { in: ids } }, { batchKey: { exists: false } }] },
      data: { batchKey, updatedAt: new Date().toISOString() },
      req,
    });
    // Another sender took one of them meanwhile: undo it all; the job's retry chooses again.
    if (docs?.length !== members.length) throw new Error("emails changed while forming a batch");
    await forgetSendJobs(
      req,
      ids.filter((id) => id !== email.id),
    );
    return {
      anchor: { ...anchor, batchKey },
      members: members.map((member) => ({ ...member, batchKey })),
    };
  });
}
