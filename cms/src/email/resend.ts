/**
 * One email to Resend (https://resend.com/docs/api-reference/emails/send-email) with the `resend`
 * package, as a result value. Resend keeps an `Idempotency-Key` for 24 hours: a retry with the same
 * key never sends the message twice, even when the first attempt's answer was lost.
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

type TSendFailure = {
  message: string;
  status: number | null;
  retryable: boolean;
  /** With a 429: how long Resend asked us to wait (its `retry-after`), if it said. */
  retryAfterMs: number | null;
};

export type TSendResult = { ok: true; data: { id: string } } | { ok: false; error: TSendFailure };

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

/** `retry-after` (seconds, as Resend sends it) in ms. */
function retryAfterMs(value: string | undefined): number | null {
  const seconds = Number(value);
  return value && Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : null;
}

export async function sendWithResend(
  settings: TResendSettings,
  email: TOutgoingEmail,
  idempotencyKey: string,
): Promise<TSendResult> {
  const resend = new Resend(settings.apiKey, { baseUrl: settings.baseUrl });
  try {
    const { data, error, headers } = await resend.emails.send(
      {
        from: email.from,
        to: [email.to],
        subject: email.subject,
        html: email.html,
        text: email.text,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      },
      // The signal bounds how long a hanging Resend can hold the worker.
      { idempotencyKey, signal: AbortSignal.timeout(settings.timeoutMs) },
    );
    if (data?.id) return { ok: true, data: { id: data.id } };
    const status = error?.statusCode ?? null;
    const name = error?.name ?? "application_error";
    const message = `${status ?? "no answer"} ${name}: ${error?.message ?? "no id in the answer"}`;
    const wait = status === 429 ? retryAfterMs(headers?.["retry-after"]) : null;
    return {
      ok: false,
      error: { message, status, retryable: isRetryable(status, name), retryAfterMs: wait },
    };
  } catch (thrown) {
    // An aborted request (timeout) surfaces here; so would anything else fetch throws.
    const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    return { ok: false, error: { message, status: null, retryable: true, retryAfterMs: null } };
  }
}
