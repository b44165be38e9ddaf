/**
 * Resend takes 2 requests a second by default (https://resend.com/docs/api-reference/rate-limit)
 * and answers 429 `rate_limit_exceeded` beyond that — requests, not emails: a batch of 100 is one
 * request. The jobs of a tick run at once, and a job run elsewhere may take many jobs together, so
 * the requests of this process take turns to stay under the limit however many jobs run, and a
 * 429 (another sender on the same Resend team) holds every request until its `retry-after`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  sendBatchWithResend,
  sendWithResend,
  type TBatchResult,
  type TOutgoingEmail,
  type TResendResult,
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
  await pace.turn();
  const first = await request();
  const wait = shortRateLimit(first);
  if (wait === undefined) return first;
  pace.holdFor(wait);
  await pace.turn();
  return request();
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
