/**
 * Rate limits of the public endpoints (rate-limiter-flexible): per client IP (over it: 429), per
 * partner (a partner's whole audience, ten times the per-IP budget; over it, submissions are
 * stored aside as a flood instead of refused), and confirmation emails per recipient mailbox
 * (`confirmations.ts`). The store follows the database (lib/limiter.ts).
 */
import type { Payload } from "payload";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { newLimiter } from "../lib/limiter.ts";

export type TLimiters = {
  ip: RateLimiterAbstract;
  partner: RateLimiterAbstract;
  confirmation: RateLimiterAbstract;
};
export type TOverLimit = { ok: false; retryAfterS: number };
export type TLimitResult = { ok: true } | TOverLimit;

const PARTNER_FACTOR = 10;
/** Confirmation emails one recipient mailbox gets from public submissions, per day. */
export const CONFIRMATIONS_PER_MAILBOX = 3;
const CONFIRMATION_WINDOW_S = 24 * 60 * 60;
const limiters = new WeakMap<Payload, TLimiters>();

function create(payload: Payload, env: TEnv): TLimiters {
  const base = { points: env.RATE_LIMIT_POINTS, duration: env.RATE_LIMIT_DURATION_S };
  return {
    ip: newLimiter(payload, env, "rl_public_ip", base),
    partner: newLimiter(payload, env, "rl_public_partner", {
      points: env.RATE_LIMIT_POINTS * PARTNER_FACTOR,
      duration: env.RATE_LIMIT_DURATION_S,
    }),
    confirmation: newLimiter(payload, env, "rl_public_confirmation", {
      points: CONFIRMATIONS_PER_MAILBOX,
      duration: CONFIRMATION_WINDOW_S,
    }),
  };
}

export function limitersFor(payload: Payload, env: TEnv): TLimiters {
  let found = limiters.get(payload);
  if (!found) {
    found = create(payload, env);
    limiters.set(payload, found);
  }
  return found;
}

export async function consume(limiter: RateLimiterAbstract, key: string): Promise<TLimitResult> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { ok: false, retryAfterS: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
    throw error;
  }
}

/** The 429 for a client or partner over its budget, saying when to try again. */
export function rateLimited(result: TOverLimit): Refusal {
  return new Refusal("rate_limited", { headers: { "Retry-After": String(result.retryAfterS) } });
}

/** One point off `key`'s budget, or the 429. */
export async function charge(limiter: RateLimiterAbstract, key: string): Promise<void> {
  const result = await consume(limiter, key);
  if (!result.ok) throw rateLimited(result);
}
