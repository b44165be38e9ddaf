/**
 * The one rule outside the schemas: through a partner, the sharing consent. Without zod, so the
 * zod schemas (validation.ts) and the widget's compact validator (compact/) apply the same code.
 */
import type { TFieldError } from "./errors.ts";

export type TResult<T, E> = { ok: true; data: T } | { ok: false; error: E };

/** Field path (`contact.phone`, `consent.privacy`, `_` for the whole body) → why it was rejected. */
export type TFieldErrorCodes = Record<string, TFieldError>;

/** Through a partner, the partner and the agency each receive the data: separate consent (PIPL art. 23). */
export function needsSharingConsent(partner: string | undefined): boolean {
  return partner !== undefined && partner !== "direct";
}

export type TWithConsent = {
  partner?: string | undefined;
  consent: { privacy: true; sharing?: boolean | undefined };
};

/** What passed the schema may still lack the sharing consent: checked only once the rest is valid. */
export function withSharingConsent<T extends TWithConsent>(data: T): TResult<T, TFieldErrorCodes> {
  if (needsSharingConsent(data.partner) && data.consent.sharing !== true) {
    return { ok: false, error: { "consent.sharing": "sharing_consent_required" } };
  }
  return { ok: true, data };
}
