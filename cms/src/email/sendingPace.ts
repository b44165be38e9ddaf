/**
 * Resend takes 2 requests a second by default (https://resend.com/docs/api-reference/rate-limit)
 * and answers 429 `rate_limit_exceeded` beyond that — requests, not emails: a batch of 100 is one
 * request. The jobs of a tick run at once, and a job run elsewhere may take many jobs together, so
 * the requests of this process take turns to stay under the limit however many jobs run, and a
 * 429 (another sender on the same Resend team) holds every request until its `retry-after`.
 * Resend's `ratelimit-*` headers are followed too: its limit for the team (`ratelimit-limit`, if
 * Resend raised it) and a window it says is used up (`ratelimit-remaining: 0`, `ratelimit-reset`).
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  sendBatchWithResend,
  sendWithResend,
  type TBatchResult,
  type TOutgoingEmail,
  type TRateLimitHeaders,
  type TResendResult,
  type TResendSettings,
  type TSendResult,
} from "./resend.ts";

/**
 * Resend's default limit. A request's place in the window is freed a window after its answer came
 * back, not after it left: Resend counts it from when it arrived, which is somewhere in between,
 * and a request can leave late (the event loop busy with the database) or arrive late. So however
 * late either happens, two requests on one place are a full window apart when they reach Resend.
 * The small margin is for Resend's clock.
 */
const RESEND_PACE = { requests: 2, windowMs: 1_000 + 20 } as const;

/** A 429 longer than this (a day's sending quota spent) is left to the job's own backoff. */
const LONGEST_WAIT_MS = 10_000;

type TPace = {
  /** Resolves when a request may leave, with what to call when its answer has come back. */
  turn: () => Promise<(rateLimit?: TRateLimitHeaders) => void>;
  /** No request leaves for `ms` (Resend's retry-after). */
  holdFor: (ms: number) => void;
};

function createPace(pace: { requests: number; windowMs: number }): TPace {
  // When each place in the window is free again: Infinity while its request is on its way.
  let freeAt: number[] = Array.from({ length: pace.requests }, () => 0);
  let heldUntil = 0;
  let wakeUps: (() => void)[] = [];
  // Requests take their places in the order they asked.
  let queue: Promise<unknown> = Promise.resolve();

  async function takePlace(): Promise<number> {
    for (;;) {
      const earliest = Math.min(...freeAt);
      if (earliest === Number.POSITIVE_INFINITY) {
        await new Promise<void>((resolve) => wakeUps.push(resolve));
        continue;
      }
      const wait = Math.max(earliest, heldUntil) - Date.now();
      if (wait > 0) {
        await sleep(wait);
        continue;
      }
      const place = freeAt.indexOf(earliest);
      freeAt[place] = Number.POSITIVE_INFINITY;
      return place;
    }
  }

  /** Resend's headers: its limit for the team, and a window it says is used up. */
  function learn(rateLimit: TRateLimitHeaders | undefined): void {
    const limit = rateLimit?.limit;
    if (limit && limit > 0 && limit !== freeAt.length) {
      freeAt = Array.from({ length: limit }, (_, index) => freeAt[index] ?? 0);
    }
    if (rateLimit?.remaining === 0 && rateLimit.resetMs !== null) {
      heldUntil = Math.max(heldUntil, Date.now() + rateLimit.resetMs);
    }
  }

  return {
    turn() {
      const taken = queue.then(takePlace);
      queue = taken;
      return taken.then((place) => (rateLimit?: TRateLimitHeaders) => {
        if (place < freeAt.length) freeAt[place] = Date.now() + pace.windowMs;
        learn(rateLimit);
        const waiting = wakeUps;
        wakeUps = [];
        for (const wake of waiting) wake();
      });
    },
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, Date.now() + ms);
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
function shortRateLimit<T>(result: TResendResult<T>): number | undefined {
  if (result.ok || result.error.status !== 429) return undefined;
  const wait = result.error.retryAfterMs ?? RESEND_PACE.windowMs;
  return wait <= LONGEST_WAIT_MS ? wait : undefined;
}

/**
 * One request to Resend in this process's turn. A 429 asking for a short wait holds every request
 * for that long, then this one is asked once more (same key: never sent twice); a second 429 is
 * the attempt's failure, retried by the job.
 */
async function inTurn<T>(
  apiKey: string,
  request: () => Promise<TResendResult<T>>,
): Promise<TResendResult<T>> {
  const pace = paceFor(apiKey);
  const first = await answered(pace, request);
  const wait = shortRateLimit(first);
  if (wait === undefined) return first;
  pace.holdFor(wait);
  return answered(pace, request);
}

/** The request in its turn; its place freed when the answer is back (or it failed). */
async function answered<T>(
  pace: TPace,
  request: () => Promise<TResendResult<T>>,
): Promise<TResendResult<T>> {
  const done = await pace.turn();
  let result: TResendResult<T> | undefined;
  try {
    result = await request();
    return result;
  } finally {
    done(result?.rateLimit);
  }
}

/** One email, under its own idempotency key. */
export function sendInTurn(
  settings: TResendSettings,
  email: TOutgoingEmail,
  idempotencyKey: string,
): Promise<TSendResult> {
  return inTurn(settings.apiKey, () => sendWithResend(settings, email, idempotencyKey));
}

/** A batch of emails in one request, under the batch's idempotency key. */
export function sendBatchInTurn(
  settings: TResendSettings,
  emails: TOutgoingEmail[],
  batchKey: string,
): Promise<TBatchResult> {
  return inTurn(settings.apiKey, () => sendBatchWithResend(settings, emails, batchKey));
}
