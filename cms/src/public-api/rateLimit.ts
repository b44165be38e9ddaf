/**
 * Rate limits of the public endpoints (rate-limiter-flexible): per client IP, and per partner (a
 * partner's whole audience, ten times the per-IP budget). The store follows the database: in
 * process for the embedded SQLite default (one CMS process), MongoDB in production so that every
 * CMS instance counts against one shared limit.
 */
import type { Payload } from "payload";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterMongo,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { Refusal } from "../endpoints/refusal.ts";
import { databaseKind, type TEnv } from "../env.ts";

export type TLimiters = { ip: RateLimiterAbstract; partner: RateLimiterAbstract };
export type TOverLimit = { ok: false; retryAfterS: number };
export type TLimitResult = { ok: true } | TOverLimit;

const PARTNER_FACTOR = 10;
const limiters = new WeakMap<Payload, TLimiters>();

function create(payload: Payload, env: TEnv): TLimiters {
  const base = { points: env.RATE_LIMIT_POINTS, duration: env.RATE_LIMIT_DURATION_S };
  const partner = {
    points: env.RATE_LIMIT_POINTS * PARTNER_FACTOR,
    duration: env.RATE_LIMIT_DURATION_S,
  };
  if (databaseKind(env.DATABASE_URI) === "mongodb") {
    // The MongoDB adapter's mongoose connection (the database adapter's type does not name it).
    const storeClient = "connection" in payload.db ? payload.db.connection : undefined;
    return {
      ip: new RateLimiterMongo({ storeClient, keyPrefix: "rl_public_ip", ...base }),
      partner: new RateLimiterMongo({ storeClient, keyPrefix: "rl_public_partner", ...partner }),
    };
  }
  return {
    ip: new RateLimiterMemory({ keyPrefix: "ip", ...base }),
    partner: new RateLimiterMemory({ keyPrefix: "partner", ...partner }),
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
