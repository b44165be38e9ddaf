/**
 * The `sendEmail` job task: sends its outbox email through Resend — in a batch with the waiting
 * emails that go first (batch.ts, priority.ts, digest.ts) — and records the outcome on each.
 * Payload retries a failed attempt with exponential backoff (EMAIL_RETRY_DELAY_MS, doubling,
 * EMAIL_RETRY_ATTEMPTS times); every attempt sends the same batch under the same idempotency key,
 * so an attempt whose answer was lost is not sent twice. Requests take turns under Resend's rate
 * limit (sendingPace.ts). Without RESEND_API_KEY the email stays in the outbox as "not sent (no key)".
 */
import type { PayloadRequest, TaskConfig } from "payload";
import { inTransaction } from "../db/transaction.ts";
import type { TEnv } from "../env.ts";
import { relationId } from "../lib/relationId.ts";
import type { Outbox } from "../payload-types.ts";
import { fixBatch, membersOf, sentAlone } from "./batch.ts";
import { drainBacklog } from "./drainBacklog.ts";
import { SEND_EMAIL_TASK, type TOutboxState } from "./outbox.ts";
import type { TBatchOutcome, TOutgoingEmail, TResendSettings } from "./resend.ts";
import { sendBatchInTurn, sendInTurn } from "./sendingPace.ts";

type TSendEmailIO = { input: { outboxId: string }; output: { state: string } };
type TSendEmailTask = TaskConfig<TSendEmailIO>;

const DONE: readonly string[] = ["sent", "skipped", "failed", "sent_in_digest"];

async function record(req: PayloadRequest, id: number, data: Partial<Outbox>): Promise<void> {
  await req.payload.update({ collection: "outbox", id, data, overrideAccess: true, depth: 0, req });
}

/**
 * The same write straight to the database, for the outcomes of a batch: up to 100 in a row,
 * where the full update (read back, hooks that act only on a person's edits) would cost more
 * than the send itself.
 */
async function recordDirectly(req: PayloadRequest, id: number, data: Partial<Outbox>) {
  const updatedAt = new Date().toISOString();
  await req.payload.db.updateOne({
    collection: "outbox",
    id,
    data: { ...data, updatedAt },
    returning: false,
    req,
  });
}

function findEmail(req: PayloadRequest, id: string): Promise<Outbox | null> {
  return req.payload.findByID({
    collection: "outbox",
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  });
}

/**
 * The email a job sends: its own, or — once its own was combined into a digest — that digest
 * (the job that combined them sends the digest; after a crash, its rerun does).
 */
async function sendingEmail(req: PayloadRequest, id: string): Promise<Outbox | null> {
  const email = await findEmail(req, id);
  if (email?.state !== "sent_in_digest") return email;
  const digestId = relationId(email.digest);
  return digestId === null ? email : ((await findEmail(req, String(digestId))) ?? email);
}

/** A reminder is about one stage deadline: if the order moved on (or the deadline moved), skip it. */
async function reminderStillDue(req: PayloadRequest, email: Outbox): Promise<boolean> {
  if (email.kind !== "sms_deadline_reminder") return true;
  const orderId = typeof email.order === "object" ? email.order?.id : email.order;
  if (!orderId) return false;
  const order = await req.payload.findByID({
    collection: "orders",
    id: orderId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  });
  return Boolean(
    order &&
      order.status === "sms_verification" &&
      order.stageDeadline &&
      email.forDeadline &&
      new Date(order.stageDeadline).getTime() === new Date(email.forDeadline).getTime(),
  );
}

/** The state an email ends in without being sent (done already, or a reminder no longer due). */
async function stateWithoutSending(req: PayloadRequest, email: Outbox): Promise<string | null> {
  if (DONE.includes(email.state)) return email.state;
  if (await reminderStillDue(req, email)) return null;
  await record(req, email.id, {
    state: "skipped",
    lastError: "订单已离开短信核验阶段或截止时间已变更",
  });
  return "skipped";
}

function outgoing(env: TEnv, email: Outbox): TOutgoingEmail {
  return {
    from: email.from ?? env.EMAIL_FROM,
    to: email.to,
    subject: email.subject,
    // Always set on an email (the outbox requires them for channel "email").
    html: email.html ?? "",
    text: email.text ?? "",
    replyTo: email.replyTo ?? undefined,
  };
}

/**
 * One attempt through Resend for an email sent alone, its outcome recorded on the email: sent, or
 * failed for good (a message Resend refuses, or the last attempt). Otherwise it throws, so that
 * Payload schedules the next attempt with backoff.
 */
async function attemptAlone(
  env: TEnv,
  resend: TResendSettings,
  req: PayloadRequest,
  email: Outbox,
): Promise<TOutboxState> {
  const attempts = (email.attempts ?? 0) + 1;
  const lastAttemptAt = new Date().toISOString();
  const result = await sendInTurn(resend, outgoing(env, email), email.idempotencyKey);
  if (result.ok) {
    const sentAt = new Date().toISOString();
    await record(req, email.id, {
      state: "sent",
      attempts,
      lastAttemptAt,
      sentAt,
      providerId: result.data.id,
    });
    return "sent";
  }
  const final = !result.error.retryable || attempts > env.EMAIL_RETRY_ATTEMPTS;
  const lastError = result.error.message;
  await record(req, email.id, {
    state: final ? "failed" : "queued",
    attempts,
    lastAttemptAt,
    lastError,
  });
  if (final) return "failed";
  throw new Error(`email ${email.id} not sent (attempt ${attempts}): ${lastError}`);
}

type TAttempt = { attempts: number; lastAttemptAt: string };

/** What Resend said of each member of a batch it answered, in one transaction. */
async function recordOutcomes(
  req: PayloadRequest,
  members: Outbox[],
  outcomes: TBatchOutcome[],
  attempt: TAttempt,
): Promise<void> {
  const sentAt = new Date().toISOString();
  await inTransaction(req.payload, async (tx) => {
    for (const [index, member] of members.entries()) {
      const outcome = outcomes[index];
      // The whole batch went out: a member an admin had given up on was sent all the same.
      if (!outcome || member.state === "sent") continue;
      const tried = { attempts: (member.attempts ?? 0) + 1, lastAttemptAt: attempt.lastAttemptAt };
      await recordDirectly(
        tx,
        member.id,
        "id" in outcome
          ? { ...tried, state: "sent", sentAt, providerId: outcome.id }
          : { ...tried, state: "failed", lastError: outcome.refused },
      );
    }
  });
}

/** A batch Resend did not take: each member still waiting records the attempt. */
async function recordFailure(
  req: PayloadRequest,
  members: Outbox[],
  attempt: TAttempt,
  failure: { final: boolean; lastError: string },
): Promise<void> {
  await inTransaction(req.payload, async (tx) => {
    for (const member of members) {
      if (member.state !== "queued" && member.state !== "scheduled") continue;
      await recordDirectly(tx, member.id, {
        state: failure.final ? "failed" : "queued",
        attempts: (member.attempts ?? 0) + 1,
        lastAttemptAt: attempt.lastAttemptAt,
        lastError: failure.lastError,
      });
    }
  });
}

/**
 * One attempt at a batch through Resend, under the batch's key: each member sent (or refused by
 * Resend, failed at once), or all of them failed for good (the job's last attempt). Otherwise it
 * throws, and Payload schedules the job's next attempt with backoff.
 */
async function attemptBatch(
  env: TEnv,
  resend: TResendSettings,
  req: PayloadRequest,
  anchor: Outbox,
  members: Outbox[],
): Promise<TOutboxState> {
  const attempt = { attempts: (anchor.attempts ?? 0) + 1, lastAttemptAt: new Date().toISOString() };
  const batchKey = anchor.batchKey ?? "";
  const emails = members.map((member) => outgoing(env, member));
  const result = await sendBatchInTurn(resend, emails, batchKey);
  if (result.ok) {
    await recordOutcomes(req, members, result.data, attempt);
    const own = result.data[members.findIndex((member) => member.id === anchor.id)];
    return own && "refused" in own ? "failed" : "sent";
  }
  const final = !result.error.retryable || attempt.attempts > env.EMAIL_RETRY_ATTEMPTS;
  const lastError = result.error.message;
  await recordFailure(req, members, attempt, { final, lastError });
  if (final) return "failed";
  throw new Error(
    `batch of ${members.length} not sent (attempt ${attempt.attempts}): ${lastError}`,
  );
}

/** Payload gives up on the job after its last retry; the email must not read "queued" forever. */
function failAfterLastRetry(env: TEnv): TSendEmailTask["onFail"] {
  return async ({ input, req, taskStatus }) => {
    if ((taskStatus?.totalTried ?? 0) < env.EMAIL_RETRY_ATTEMPTS) return;
    if (!input || !("outboxId" in input)) return;
    const email = await sendingEmail(req, String(input.outboxId));
    if (!email) return;
    const members = email.batchKey ? await membersOf(req, email.batchKey) : [email];
    for (const member of members) {
      if (member.state !== "queued" && member.state !== "scheduled") continue;
      await record(req, member.id, {
        state: "failed",
        lastError: member.lastError ?? "发送任务多次出错,已停止重试",
      });
    }
  };
}

/** Without a key nothing leaves: the email (or the batch it is in) stays in the outbox, readable. */
async function keepWithoutKey(req: PayloadRequest, emails: Outbox[]): Promise<string> {
  for (const email of emails) {
    if (!DONE.includes(email.state)) await record(req, email.id, { state: "not_sent_no_key" });
  }
  return "not_sent_no_key";
}

/** A job's work: its email (or the batch it is in) sent, or the state it ends in without sending. */
async function sendJobEmail(env: TEnv, req: PayloadRequest, outboxId: string): Promise<string> {
  const email = await sendingEmail(req, outboxId);
  if (!email) return "missing";
  // A reminder no longer due is skipped — unless it is already in a batch, which goes as fixed.
  const settled = email.batchKey
    ? DONE.includes(email.state) && email.state
    : await stateWithoutSending(req, email);
  if (settled) return settled;
  const fixed = email.batchKey ? await membersOf(req, email.batchKey) : null;
  if (!env.RESEND_API_KEY) return keepWithoutKey(req, fixed ?? [email]);
  const resend = {
    apiKey: env.RESEND_API_KEY,
    baseUrl: env.RESEND_BASE_URL,
    timeoutMs: env.EMAIL_SEND_TIMEOUT_MS,
  };
  const { anchor, members } = fixed
    ? { anchor: email, members: fixed }
    : await fixBatch(req.payload, email);
  return members.length === 1 && sentAlone(anchor)
    ? attemptAlone(env, resend, req, anchor)
    : attemptBatch(env, resend, req, anchor, members);
}

export function sendEmailTask(env: TEnv): TSendEmailTask {
  return {
    slug: SEND_EMAIL_TASK,
    label: "发送邮件",
    inputSchema: [{ name: "outboxId", type: "text", required: true }],
    outputSchema: [{ name: "state", type: "text" }],
    retries: {
      attempts: env.EMAIL_RETRY_ATTEMPTS,
      backoff: { type: "exponential", delay: env.EMAIL_RETRY_DELAY_MS },
    },
    onFail: failAfterLastRetry(env),
    handler: async ({ input, req }) => {
      const work = (on: PayloadRequest, outboxId: string) => sendJobEmail(env, on, outboxId);
      const state = await work(req, input.outboxId);
      // Its own email out, the job goes on with the next ones waiting (drainBacklog.ts). Without a
      // key nothing goes out, so there is no pace to keep up with: the runner's ticks mark each
      // email as kept, and a drain would only take the database's turns from the submissions.
      if (env.RESEND_API_KEY) await drainBacklog(env, req, work);
      return { output: { state } };
    },
  };
}
