/**
 * Resend takes 2 requests a second by default (https://resend.com/docs/api-reference/rate-limit)
 * and answers 429 `rate_limit_exceeded` beyond that. Two jobs a tick (config.ts) keeps near the
 * limit, not always under it: ticks drift, and a job run elsewhere may take many jobs at once. So
 * the sends of this process take turns to stay under it however many jobs run together, and a 429
 * (another sender on the same Resend team) holds every send until its `retry-after`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  sendWithResend,
  type TOutgoingEmail,
  type TResendSettings,
  type TSendResult,
} from "./resend.ts";

/**
 * Resend's default limit, with a margin on the window: requests reach Resend a little after they
 * leave, and not all equally late.
 */
const RESEND_PACE = { requests: 2, windowMs: 1_000 + 100 } as const;

/** A 429 longer than this (a day's sending quota spent) is left to the job's own backoff. */
const LONGEST_WAIT_MS = 10_000;

type TPace = {
  /** Resolves when a request may leave: at most `requests` of them in any `windowMs`. */
  turn: () => Promise<void>;
  /** No request leaves for `ms` (Resend's retry-after). */
  holdFor: (ms: number) => void;
};

function createPace(pace: { requests: number; windowMs: number }): TPace {
  const now = Date.now;
  // When the latest `requests` requests leave (or left): each books its time at once, so
  // requests waiting together leave one window apart in the order they asked.
  let booked: number[] = [];
  let heldUntil = 0;
  return {
    async turn() {
      const oldest = booked.length < pace.requests ? undefined : booked[0];
      const at = Math.max(now(), heldUntil, oldest === undefined ? 0 : oldest + pace.windowMs);
      booked = [...booked, at].slice(-pace.requests);
      const wait = at - now();
      if (wait > 0) await sleep(wait);
    },
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
  };
}

/** One pace per Resend key: the limit is the team's, and this process is one of its senders. */
const paces = new Map<string, TPace>();

function paceFor(apiKey: string): TPace {
  let pace = paces.get(apiKey);
  if (!pace) {
    pace = createPace(RESEND_PACE);
    paces.set(apiKey, pace);
  }
  return pace;
}

/** A rate-limit 429 worth waiting for here, rather than failing the attempt: how long, if so. */
function shortRateLimit(result: TSendResult): number | undefined {
  if (result.ok || result.error.status !== 429) return undefined;
  const wait = result.error.retryAfterMs ?? RESEND_PACE.windowMs;
  return wait <= LONGEST_WAIT_MS ? wait : undefined;
}

/**
 * One email to Resend in this process's turn. A 429 asking for a short wait holds every send for
 * that long, then this one tries once more (same key: never sent twice); a second 429 is the
 * attempt's failure, retried by the job.
 */
export async function sendInTurn(
  settings: TResendSettings,
  email: TOutgoingEmail,
  idempotencyKey: string,
): Promise<TSendResult> {
  const pace = paceFor(settings.apiKey);
  await pace.turn();
  const first = await sendWithResend(settings, email, idempotencyKey);
  const wait = shortRateLimit(first);
  if (wait === undefined) return first;
  pace.holdFor(wait);
  await pace.turn();
  return sendWithResend(settings, email, idempotencyKey);
}
