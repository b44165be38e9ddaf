/** Stable error codes of the public API (CONTRACT §3); the texts for people are in errorMessages.ts. */

/** Why one field was rejected. */
export const FIELD_ERRORS = [
  "required",
  "too_long",
  "phone_invalid",
  "email_invalid",
  "filing_type_invalid",
  "consent_required",
  "sharing_consent_required",
  "invalid",
] as const;
export type TFieldError = (typeof FIELD_ERRORS)[number];

/** Why a whole request was refused. */
export const API_ERRORS = [
  "validation_failed",
  "origin_not_allowed",
  "unknown_partner",
  "payload_too_large",
  "unsupported_media_type",
  "idempotency_mismatch",
  "rate_limited",
  "not_found",
  "code_invalid",
  "signed_out",
  "material_too_large",
  "material_type_refused",
  "material_locked",
  "internal_error",
] as const;
export type TApiErrorCode = (typeof API_ERRORS)[number];

/**
 * Refusals the widget never meets (it never sends another body under one Idempotency-Key): their
 * texts are kept apart from the widget's (errorMessages.ts), so its bundle does not carry them.
 */
export type TServerOnlyErrorCode = "idempotency_mismatch" | TCustomerErrorCode;

/** Refusals of the customer center (CONTRACT §7): sign-in and uploads, which the site's island meets. */
export type TCustomerErrorCode =
  | "code_invalid"
  | "signed_out"
  | "material_too_large"
  | "material_type_refused"
  | "material_locked";

/** The HTTP status each code is answered with (CONTRACT §3). */
export const API_ERROR_STATUS: Readonly<Record<TApiErrorCode, number>> = {
  validation_failed: 400,
  origin_not_allowed: 403,
  unknown_partner: 404,
  not_found: 404,
  code_invalid: 401,
  signed_out: 401,
  material_locked: 409,
  material_too_large: 413,
  material_type_refused: 415,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal_error: 500,
};
