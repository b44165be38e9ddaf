/**
 * The `sendSms` job task: sends its outbox text message through dysmsapi (`dysmsapi.ts`) and
 * records the outcome. Payload retries a failed attempt with exponential backoff
 * (SMS_RETRY_DELAY_MS, doubling, SMS_RETRY_ATTEMPTS times): flow control, the service down, no
 * answer. A message the service refuses fails at once, for sales to see.
 *
 * Never twice. dysmsapi has no idempotency key (emails have Resend's: src/email/batch.ts), so the
 * message is claimed before it is sent: its state becomes "sending" in a transaction committed
 * before the request leaves, and the answer is recorded as soon as it comes. A message found still
 * "sending" was claimed by a run that died (a crash, a kill, a deploy) between the claim and the
 * record, and nobody can tell whether the service got it: it is not sent again automatically but
 * failed with that reason, and sales may send it again after asking the customer (set it back to
 * 待发送). That window — the request's few hundred milliseconds — is at most once; everything
 * else is exactly once. A request that times out after it left is the one other unknown: it is
 * retried (a time-critical notice twice is better than none), so in that case the customer may
 * get a message twice.
 */
import type { PayloadRequest, TaskConfig } from "payload";
import { inTransaction } from "../db/transaction.ts";
import type { TEnv } from "../env.ts";
import type { Outbox } from "../payload-types.ts";
import { sendSms, type TSmsSettings } from "./dysmsapi.ts";
import { SEND_SMS_TASK, templateOf } from "./outbox.ts";
import type { TSmsKind } from "./templates.ts";

type TSendSmsIO = { input: { outboxId: string }; output: { state: string } };
type TSendSmsTask = TaskConfig<TSendSmsIO>;

const DONE: readonly string[] = ["sent", "skipped", "failed"];

/** A sign-in code is valid 5 minutes (CONTRACT §7): after that, sending it helps nobody. */
const LOGIN_CODE_VALID_MS = 5 * 60 * 1000;

export const UNKNOWN_OUTCOME =
  "发送过程中断,无法确认客户是否已收到;为避免重复发送未自动重发。如需重发,请将状态改回「待发送」";

async function record(req: PayloadRequest, id: number, data: Partial<Outbox>): Promise<void> {
  await req.payload.update({ collection: "outbox", id, data, overrideAccess: true, depth: 0, req });
}

/** The code of a sign-in message, once it is no use any more, is kept by nobody. */
function masked(sms: Outbox): Partial<Outbox> {
  if (sms.kind !== "sms_login_code") return {};
  return {
    templateParam: JSON.stringify({ code: "******" }),
    smsText: (sms.smsText ?? "").replace(/\d{6}/g, "******"),
  };
}

/**
 * Records the outcome in a transaction of its own, committed at once (the claim's counterpart):
 * not with the job's `req`, whose writes a thrown attempt could take back and leave it "sending".
 */
function settle(req: PayloadRequest, sms: Outbox, data: Partial<Outbox>): Promise<void> {
  const done = data.state !== "queued";
  return inTransaction(req.payload, (tx) =>
    record(tx, sms.id, { ...data, ...(done ? masked(sms) : {}) }),
  );
}

/**
 * Takes the message for this run: "queued" → "sending", committed before anything is sent. Two
 * runs never both get it (only one update finds it "queued").
 */
async function claim(req: PayloadRequest, sms: Outbox): Promise<boolean> {
  return inTransaction(req.payload, async (tx) => {
    const docs = await tx.payload.db.updateMany({
      collection: "outbox",
      where: { and: [{ id: { equals: sms.id } }, { state: { equals: "queued" } }] },
      data: {
        state: "sending",
        attempts: (sms.attempts ?? 0) + 1,
        lastAttemptAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      },
      req: tx,
    });
    return docs?.length === 1;
  });
}

/** The template code to send with: the one queued, or — set since — the one in 短信模板 now. */
async function templateCodeOf(req: PayloadRequest, sms: Outbox): Promise<string | null> {
  if (sms.templateCode) return sms.templateCode;
  const { code } = await templateOf(req, sms.kind as TSmsKind);
  if (code) await record(req, sms.id, { templateCode: code });
  return code;
}

type TReadiness = { settled: string } | { templateCode: string };

/** The state a message ends in without being sent now, or the template it is to be sent with. */
async function readiness(env: TEnv, req: PayloadRequest, sms: Outbox): Promise<TReadiness> {
  if (DONE.includes(sms.state)) return { settled: sms.state };
  if (sms.state === "sending") {
    await settle(req, sms, { state: "failed", lastError: UNKNOWN_OUTCOME });
    return { settled: "failed" };
  }
  if (sms.state !== "queued") return { settled: sms.state };
  const age = Date.now() - new Date(sms.createdAt).getTime();
  if (sms.kind === "sms_login_code" && age > LOGIN_CODE_VALID_MS) {
    await settle(req, sms, { state: "skipped", lastError: "验证码已过期,未发送" });
    return { settled: "skipped" };
  }
  if (!env.SMS_ACCESS_KEY_ID || !env.SMS_ACCESS_KEY_SECRET) {
    await record(req, sms.id, { state: "not_sent_no_key" });
    return { settled: "not_sent_no_key" };
  }
  const templateCode = await templateCodeOf(req, sms);
  if (!templateCode) {
    await record(req, sms.id, { state: "not_sent_no_template" });
    return { settled: "not_sent_no_template" };
  }
  return { templateCode };
}

function settingsOf(env: TEnv): TSmsSettings {
  return {
    accessKeyId: env.SMS_ACCESS_KEY_ID ?? "",
    accessKeySecret: env.SMS_ACCESS_KEY_SECRET ?? "",
    endpoint: env.SMS_ENDPOINT,
    signName: env.SMS_SIGN_NAME,
    timeoutMs: env.SMS_SEND_TIMEOUT_MS,
  };
}

/**
 * One attempt: claimed, sent, recorded — sent, failed for good (refused, or the last attempt), or
 * back to "queued" and thrown, so that Payload schedules the next attempt with backoff.
 */
async function attempt(env: TEnv, req: PayloadRequest, outboxId: string): Promise<string> {
  const sms = await req.payload.findByID({
    collection: "outbox",
    id: outboxId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  });
  if (!sms) return "missing";
  const ready = await readiness(env, req, sms);
  if ("settled" in ready) return ready.settled;
  const { templateCode } = ready;
  if (!(await claim(req, sms))) return "taken";
  const attempts = (sms.attempts ?? 0) + 1;
  const result = await sendSms(settingsOf(env), {
    phone: sms.to,
    templateCode,
    templateParam: sms.templateParam ?? "{}",
  });
  if (result.ok) {
    const sent = { state: "sent", sentAt: new Date().toISOString(), providerId: result.bizId };
    await settle(req, sms, { ...sent, lastError: null } as Partial<Outbox>);
    return "sent";
  }
  const final = !result.retryable || attempts > env.SMS_RETRY_ATTEMPTS;
  const outcome = { state: final ? "failed" : "queued", lastError: result.message } as const;
  await settle(req, sms, outcome);
  if (final) return "failed";
  throw new Error(`sms ${sms.id} not sent (attempt ${attempts}): ${result.code}`);
}

/** Payload gives up on the job after its last retry; the message must not read "queued" forever. */
function failAfterLastRetry(env: TEnv): TSendSmsTask["onFail"] {
  return async ({ input, req, taskStatus }) => {
    if ((taskStatus?.totalTried ?? 0) < env.SMS_RETRY_ATTEMPTS) return;
    if (!input || !("outboxId" in input)) return;
    const sms = await req.payload.findByID({
      collection: "outbox",
      id: String(input.outboxId),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    });
    if (sms?.state !== "queued") return;
    await record(req, sms.id, {
      state: "failed",
      lastError: sms.lastError ?? "发送任务多次出错,已停止重试",
    });
  };
}

export function sendSmsTask(env: TEnv): TSendSmsTask {
  return {
    slug: SEND_SMS_TASK,
    label: "发送短信",
    inputSchema: [{ name: "outboxId", type: "text", required: true }],
    outputSchema: [{ name: "state", type: "text" }],
    retries: {
      attempts: env.SMS_RETRY_ATTEMPTS,
      backoff: { type: "exponential", delay: env.SMS_RETRY_DELAY_MS },
    },
    onFail: failAfterLastRetry(env),
    handler: async ({ input, req }) => ({
      output: { state: await attempt(env, req, input.outboxId) },
    }),
  };
}
