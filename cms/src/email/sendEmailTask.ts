/**
 * The `sendEmail` job task: sends one outbox email through Resend and records the outcome on it.
 * Payload retries a failed attempt with exponential backoff (EMAIL_RETRY_DELAY_MS, doubling,
 * EMAIL_RETRY_ATTEMPTS times); every attempt uses the email's own idempotency key, so an attempt
 * whose answer was lost is not sent twice. Sends take turns under Resend's rate limit
 * (sendingPace.ts). Without RESEND_API_KEY the email stays in the outbox as "not sent (no key)".
 */
import type { PayloadRequest, TaskConfig } from "payload";
import type { TEnv } from "../env.ts";
import type { Outbox } from "../payload-types.ts";
import { SEND_EMAIL_TASK, type TOutboxState } from "./outbox.ts";
import type { TOutgoingEmail, TResendSettings } from "./resend.ts";
import { sendInTurn } from "./sendingPace.ts";

type TSendEmailIO = { input: { outboxId: string }; output: { state: string } };
type TSendEmailTask = TaskConfig<TSendEmailIO>;

const DONE: readonly string[] = ["sent", "skipped", "failed"];

async function record(req: PayloadRequest, id: number, data: Partial<Outbox>): Promise<void> {
  await req.payload.update({ collection: "outbox", id, data, overrideAccess: true, depth: 0, req });
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
    html: email.html,
    text: email.text,
    replyTo: email.replyTo ?? undefined,
  };
}

/**
 * One attempt through Resend, its outcome recorded on the email: sent, or failed for good (a
 * message Resend refuses, or the last attempt). Otherwise it throws, so that Payload schedules the
 * next attempt with backoff.
 */
async function attemptSend(
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

/** Payload gives up on the job after its last retry; the email must not read "queued" forever. */
function failAfterLastRetry(env: TEnv): TSendEmailTask["onFail"] {
  return async ({ input, req, taskStatus }) => {
    if ((taskStatus?.totalTried ?? 0) < env.EMAIL_RETRY_ATTEMPTS) return;
    if (!input || !("outboxId" in input)) return;
    const email = await findEmail(req, String(input.outboxId));
    if (email && (email.state === "queued" || email.state === "scheduled")) {
      await record(req, email.id, {
        state: "failed",
        lastError: email.lastError ?? "发送任务多次出错,已停止重试",
      });
    }
  };
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
      const email = await findEmail(req, input.outboxId);
      if (!email) return { output: { state: "missing" } };
      const settled = await stateWithoutSending(req, email);
      if (settled) return { output: { state: settled } };
      if (!env.RESEND_API_KEY) {
        await record(req, email.id, { state: "not_sent_no_key" });
        return { output: { state: "not_sent_no_key" } };
      }
      const resend = {
        apiKey: env.RESEND_API_KEY,
        baseUrl: env.RESEND_BASE_URL,
        timeoutMs: env.EMAIL_SEND_TIMEOUT_MS,
      };
      return { output: { state: await attemptSend(env, resend, req, email) } };
    },
  };
}
