/**
 * Emails to Resend with the `resend` package, as result values: one
 * (https://resend.com/docs/api-reference/emails/send-email) or up to 100 in one request
 * (https://resend.com/docs/api-reference/emails/send-batch-emails). Resend keeps an
 * `Idempotency-Key` for 24 hours: a retry with the same key (and the same body) never sends the
 * message(s) twice, even when the first attempt's answer was lost.
 */
import { Resend } from "resend";

export type TOutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string | undefined;
};

export type TSendFailure = {
  message: string;
  status: number | null;
  retryable: boolean;
  /** With a 429: how long Resend asked us to wait (its `retry-after`), if it said. */
  retryAfterMs: number | null;
};

/** What Resend's `ratelimit-*` headers said with an answer (https://resend.com/docs/api-reference/rate-limit). */
export type TRateLimitHeaders = {
  /** Requests allowed in a window (2 by default; more for a team Resend raised it for). */
  limit: number | null;
  /** Requests left in the current window. */
  remaining: number | null;
  /** Until the window resets. */
  resetMs: number | null;
};

export type TResendResult<T> = ({ ok: true; data: T } | { ok: false; error: TSendFailure }) & {
  rateLimit?: TRateLimitHeaders;
};
export type TSendResult = TResendResult<{ id: string }>;

/** Resend's limit on one batch request. */
export const BATCH_MAX = 100;

/** Per email of a batch, in the batch's order: its Resend id, or why Resend refused it. */
export type TBatchOutcome = { id: string } | { refused: string };
export type TBatchResult = TResendResult<TBatchOutcome[]>;

export type TResendSettings = { apiKey: string; baseUrl: string; timeoutMs: number };

/**
 * Worth retrying: no answer (network, timeout), 5xx, 429, a key problem the admin can fix, or the
 * same key still in flight. Not: a message Resend refuses (400/422) or a key reused with another
 * message (409 invalid_idempotent_request), which retrying cannot change.
 */
export function isRetryable(status: number | null, name: string): boolean {
  if (status === null || status >= 500 || status === 429) return true;
  if (status === 401 || status === 403) return true;
  return status === 409 && name === "concurrent_idempotent_requests";
}

/** A header's number, or null when it is missing or not a number. */
const headerNumber = (value: string | undefined): number | null => {
  const number = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(number) ? number : null;
};

/** A header in seconds, as Resend sends `retry-after` and `ratelimit-reset`, in ms (never below 0). */
function headerSecondsMs(value: string | undefined): number | null {
  const seconds = headerNumber(value);
  return seconds === null ? null : Math.max(0, seconds * 1000);
}

/** Resend's rate-limit headers, on every answer to a key. */
function rateLimitOf(headers: Record<string, string> | null): TRateLimitHeaders | undefined {
  if (!headers) return undefined;
  return {
    limit: headerNumber(headers["ratelimit-limit"]),
    remaining: headerNumber(headers["ratelimit-remaining"]),
    resetMs: headerSecondsMs(headers["ratelimit-reset"]),
  };
}

type TResendError = { statusCode?: number | null; name?: string; message?: string } | null;

/** What Resend's error answer means for us. */
function failureOf(error: TResendError, headers: Record<string, string> | null): TSendFailure {
  const status = error?.statusCode ?? null;
  const name = error?.name ?? "application_error";
  const message = `${status ?? "no answer"} ${name}: ${error?.message ?? "no id in the answer"}`;
  const wait = status === 429 ? headerSecondsMs(headers?.["retry-after"]) : null;
  return { message, status, retryable: isRetryable(status, name), retryAfterMs: wait };
}

/** What a request that threw (an abort on timeout, a network error) means for us. */
function thrownFailure(thrown: unknown): TSendFailure {
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return { message, status: null, retryable: true, retryAfterMs: null };
}

const asResendEmail = (email: TOutgoingEmail) => ({
  from: email.from,
  to: [email.to],
  subject: email.subject,
  html: email.html,
  text: email.text,
  ...(email.replyTo ? { replyTo: email.replyTo } : {}),
});

export async function sendWithResend(
  settings: TResendSettings,
  email: TOutgoingEmail,
  idempotencyKey: string,
): Promise<TSendResult> {
  const resend = new Resend(settings.apiKey, { baseUrl: settings.baseUrl });
  try {
    const { data, error, headers } = await resend.emails.send(
      asResendEmail(email),
      // The signal bounds how long a hanging Resend can hold the worker.
      { idempotencyKey, signal: AbortSignal.timeout(settings.timeoutMs) },
    );
    const rateLimit = rateLimitOf(headers);
    if (data?.id) return { ok: true, data: { id: data.id }, rateLimit };
    return { ok: false, error: failureOf(error, headers), rateLimit };
  } catch (thrown) {
    // An aborted request (timeout) surfaces here; so would anything else fetch throws.
    return { ok: false, error: thrownFailure(thrown) };
  }
}

/**
 * Up to 100 emails in one request under one idempotency key. "Permissive" validation: Resend sends
 * the valid ones and names the refused ones by index (with "strict", one bad address would hold
 * back the 99 others). Its `data` lists the ids of the sent ones, in the batch's order.
 */
export async function sendBatchWithResend(
  settings: TResendSettings,
  emails: TOutgoingEmail[],
  idempotencyKey: string,
): Promise<TBatchResult> {
  const resend = new Resend(settings.apiKey, { baseUrl: settings.baseUrl });
  try {
    const { data, error, headers } = await resend.batch.send(emails.map(asResendEmail), {
      idempotencyKey,
      batchValidation: "permissive",
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const rateLimit = rateLimitOf(headers);
    if (!data?.data) return { ok: false, error: failureOf(error, headers), rateLimit };
    const refused = new Map(data.errors.map((entry) => [entry.index, entry.message]));
    const ids = data.data.map((entry) => entry.id);
    const outcomes = emails.map((_, index): TBatchOutcome | undefined => {
      const reason = refused.get(index);
      if (reason !== undefined) return { refused: `422 validation_error: ${reason}` };
      const id = ids.shift();
      return id ? { id } : undefined;
    });
    if (outcomes.some((outcome) => outcome === undefined)) {
      const message = `batch answer names ${data.data.length} ids for ${emails.length - refused.size} emails`;
      return {
        ok: false,
        error: { message, status: 200, retryable: false, retryAfterMs: null },
        rateLimit,
      };
    }
    return { ok: true, data: outcomes as TBatchOutcome[], rateLimit };
  } catch (thrown) {
    return { ok: false, error: thrownFailure(thrown) };
  }
}
