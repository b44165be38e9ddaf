/**
 * Sign-in codes (CONTRACT §7): six digits, valid 5 minutes, kept only as a keyed hash. Only the
 * newest code of a phone works. Wrong tries are counted per phone in a rate limiter, whose
 * consume is atomic, so a burst of guesses sent at once is counted in full: 5 wrong tries void
 * the code, and every further try is refused until a new code is sent.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { PayloadRequest } from "payload";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { TEnv } from "../env.ts";
import { newLimiter } from "../lib/limiter.ts";
import { consume, type TOverLimit } from "../public-api/rateLimit.ts";

export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_WRONG_TRIES = 5;

/** Per phone: sending at most 1 code a minute and 10 a day; trying at most 5 codes per code sent. */
type TCodeLimiters = {
  sendPerMinute: RateLimiterAbstract;
  sendPerDay: RateLimiterAbstract;
  tries: RateLimiterAbstract;
};

const limiters = new WeakMap<PayloadRequest["payload"], TCodeLimiters>();

export function codeLimitersFor(req: PayloadRequest, env: TEnv): TCodeLimiters {
  let found = limiters.get(req.payload);
  if (!found) {
    const { payload } = req;
    found = {
      sendPerMinute: newLimiter(payload, env, "rl_code_minute", { points: 1, duration: 60 }),
      sendPerDay: newLimiter(payload, env, "rl_code_day", { points: 10, duration: 24 * 3600 }),
      // Outlives any code (5 min), so a voided code's phone stays refused until a new code.
      tries: newLimiter(payload, env, "rl_code_tries", {
        points: MAX_WRONG_TRIES,
        duration: 24 * 3600,
      }),
    };
    limiters.set(payload, found);
  }
  return found;
}

/** HMAC under the app's secret: six digits are too few for a plain hash to hide them. */
function codeHash(secret: string, phone: string, code: string): string {
  return createHmac("sha256", secret).update(`${phone}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether this phone may be sent a code now: within 1 a minute and 10 a day. */
export async function chargeCodeSend(
  req: PayloadRequest,
  env: TEnv,
  phone: string,
): Promise<{ ok: true } | TOverLimit> {
  const { sendPerMinute, sendPerDay } = codeLimitersFor(req, env);
  const minute = await consume(sendPerMinute, phone);
  if (!minute.ok) return minute;
  return consume(sendPerDay, phone);
}

/** A new code for the phone, stored hashed; its earlier codes stop working and its tries restart. */
export async function issueCode(
  req: PayloadRequest,
  env: TEnv,
  phone: string,
  now = new Date(),
): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await req.payload.update({
    collection: "customer-codes",
    where: { and: [{ phone: { equals: phone } }, { spent: { equals: false } }] },
    data: { spent: true },
    overrideAccess: true,
    depth: 0,
    req,
  });
  await req.payload.create({
    collection: "customer-codes",
    data: {
      phone,
      codeHash: codeHash(env.PAYLOAD_SECRET, phone, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    req,
  });
  await codeLimitersFor(req, env).tries.delete(phone);
  return code;
}

/** `ok`: signed in; `wrong`: no such live code; `void`: too many tries (429 until a new code). */
export type TCodeCheck = { outcome: "ok" | "wrong" } | { outcome: "void"; retryAfterS: number };

/** Checks a code; a right one is used up, and the fifth wrong try voids the phone's live code. */
export async function checkCode(
  req: PayloadRequest,
  env: TEnv,
  phone: string,
  code: string,
  now = new Date(),
): Promise<TCodeCheck> {
  const { tries } = codeLimitersFor(req, env);
  const charged = await consume(tries, phone);
  // Until a new code is sent, which a phone may ask for at least once a minute.
  if (!charged.ok) return { outcome: "void", retryAfterS: 60 };
  const live = await liveCode(req, phone, now);
  if (live && sameHash(live.codeHash, codeHash(env.PAYLOAD_SECRET, phone, code))) {
    await spend(req, live.id);
    await tries.delete(phone);
    return { outcome: "ok" };
  }
  const left = (await tries.get(phone))?.remainingPoints ?? 0;
  if (live && left === 0) await spend(req, live.id);
  return { outcome: "wrong" };
}

async function liveCode(req: PayloadRequest, phone: string, now: Date) {
  const { docs } = await req.payload.find({
    collection: "customer-codes",
    where: {
      and: [
        { phone: { equals: phone } },
        { spent: { equals: false } },
        { expiresAt: { greater_than: now.toISOString() } },
      ],
    },
    sort: "-createdAt",
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs[0];
}

async function spend(req: PayloadRequest, id: number | string): Promise<void> {
  await req.payload.update({
    collection: "customer-codes",
    id,
    data: { spent: true },
    overrideAccess: true,
    depth: 0,
    req,
  });
}
