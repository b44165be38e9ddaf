/**
 * The `sendEmail` job task: sends one outbox email through Resend and records the outcome on it.
 * Payload retries a failed attempt with exponential backoff (EMAIL_RETRY_DELAY_MS, doubling,
 * EMAIL_RETRY_ATTEMPTS times); every attempt uses the email's own idempotency key, so an attempt
 * whose answer was lost is not sent twice. Without RESEND_API_KEY the email stays in the outbox as
 * "not sent (no key)".
 */
import type { PayloadRequest, TaskConfig } from "payload";
import type { TEnv } from "../env.ts";
import type { Outbox } from "../payload-types.ts";
import { SEND_EMAIL_TASK, type TOutboxState } from "./outbox.ts";
import { sendWithResend } from "./resend.ts";

type TSendEmailIO = { input: { outboxId: string }; output: { state: string } };

const DONE: readonly string[] = ["sent", "skipped", "failed"];

async function record(req: PayloadRequest, id: number | string, data: Partial<Outbox>) {
  await req.payload.update({
    collection: "outbox",
    id,
    data: data as never,
    overrideAccess: true,
    depth: 0,
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

export function sendEmailTask(env: TEnv): TaskConfig<TSendEmailIO> {
  return {
    slug: SEND_EMAIL_TASK,
    label: "发送邮件",
    inputSchema: [{ name: "outboxId", type: "text", required: true }],
    outputSchema: [{ name: "state", type: "text" }],
    retries: {
      attempts: env.EMAIL_RETRY_ATTEMPTS,
      backoff: { type: "exponential", delay: env.EMAIL_RETRY_DELAY_MS },
    },
    // Payload gives up on the job after its last retry; the email must not read "queued" forever.
    onFail: async ({ input, req, taskStatus }) => {
      if ((taskStatus?.totalTried ?? 0) < env.EMAIL_RETRY_ATTEMPTS) return;
      const { outboxId } = input as { outboxId: string };
      const email = await req.payload.findByID({
        collection: "outbox",
        id: outboxId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      });
      if (email && (email.state === "queued" || email.state === "scheduled")) {
        await record(req, email.id, {
          state: "failed",
          lastError: email.lastError ?? "发送任务多次出错,已停止重试",
        });
      }
    },
    handler: async ({ input, req }) => {
      const email = (await req.payload.findByID({
        collection: "outbox",
        id: input.outboxId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })) as Outbox | null;
      if (!email) return { output: { state: "missing" } };
      if (DONE.includes(email.state)) return { output: { state: email.state } };

      if (!(await reminderStillDue(req, email))) {
        await record(req, email.id, {
          state: "skipped",
          lastError: "订单已离开短信核验阶段或截止时间已变更",
        });
        return { output: { state: "skipped" } };
      }
      if (!env.RESEND_API_KEY) {
        await record(req, email.id, { state: "not_sent_no_key" });
        return { output: { state: "not_sent_no_key" } };
      }

      const attempts = (email.attempts ?? 0) + 1;
      const attemptedAt = new Date().toISOString();
      const result = await sendWithResend(
        {
          apiKey: env.RESEND_API_KEY,
          baseUrl: env.RESEND_BASE_URL,
          timeoutMs: env.EMAIL_SEND_TIMEOUT_MS,
        },
        {
          from: email.from ?? env.EMAIL_FROM,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          replyTo: email.replyTo ?? undefined,
        },
        email.idempotencyKey,
      );
      if (result.ok) {
        await record(req, email.id, {
          state: "sent",
          attempts,
          lastAttemptAt: attemptedAt,
          sentAt: new Date().toISOString(),
          providerId: result.data.id,
        });
        return { output: { state: "sent" } };
      }
      const final = !result.error.retryable || attempts > env.EMAIL_RETRY_ATTEMPTS;
      const state: TOutboxState = final ? "failed" : "queued";
      await record(req, email.id, {
        state,
        attempts,
        lastAttemptAt: attemptedAt,
        lastError: result.error.message,
      });
      if (final) return { output: { state } };
      // Thrown, so that Payload schedules the next attempt with backoff.
      throw new Error(`email ${email.id} not sent (attempt ${attempts}): ${result.error.message}`);
    },
  };
}
