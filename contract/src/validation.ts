/** A payload checked against its schema: the data as parsed, or one localised message per field. */
import * as z from "zod/mini";
import type { TFieldErrors } from "./answers.ts";
import { message } from "./errorMessages.ts";
import { FIELD_ERRORS, type TFieldError } from "./errors.ts";
import type { TLocale } from "./locale.ts";
import type { TFieldErrorCodes, TResult } from "./sharingConsent.ts";
import { type TWithConsent, withSharingConsent } from "./sharingConsent.ts";

export type { TFieldErrorCodes, TResult };

/** Schema validation alone: one error code per failing field path (its first issue's). */
export function fieldErrorCodes<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): TResult<z.output<S>, TFieldErrorCodes> {
  // reportInput: zod leaves the input out of its issues otherwise, and every type error would read
  // as a missing value (`required`) below, `"consent": "yes"` included.
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const codes: TFieldErrorCodes = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join(".") || "_";
    codes[path] ??= (FIELD_ERRORS as readonly string[]).includes(issue.message)
      ? (issue.message as TFieldError)
      : issue.code === "invalid_type" && issue.input === undefined
        ? "required"
        : "invalid";
  }
  return { ok: false, error: codes };
}

/** Each code as a message for people. */
export function fieldMessages(codes: TFieldErrorCodes, locale: TLocale = "zh-CN"): TFieldErrors {
  const fields: TFieldErrors = {};
  for (const [path, code] of Object.entries(codes)) fields[path] = message(code, locale);
  return fields;
}

function localised<T>(
  result: TResult<T, TFieldErrorCodes>,
  locale: TLocale,
): TResult<T, TFieldErrors> {
  return result.ok ? result : { ok: false, error: fieldMessages(result.error, locale) };
}

/** Schema validation alone: one localised message per failing field path. */
export function validateFields<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<z.output<S>, TFieldErrors> {
  return localised(fieldErrorCodes(schema, input), locale);
}

/** A payload's error codes: the schema's, then the sharing consent's (see validatePayload). */
export function payloadErrorCodes<S extends z.ZodMiniType<TWithConsent>>(
  schema: S,
  input: unknown,
): TResult<z.output<S>, TFieldErrorCodes> {
  const result = fieldErrorCodes(schema, input);
  return result.ok ? withSharingConsent(result.data) : result;
}

/**
 * Validates a payload; on failure, one localised message per field path (`consent.privacy`, ...).
 * Only the schema's keys come out: unknown keys and operator objects (`{"$gt": ""}`) never pass.
 */
export function validatePayload<S extends z.ZodMiniType<TWithConsent>>(
  schema: S,
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<z.output<S>, TFieldErrors> {
  return localised(payloadErrorCodes(schema, input), locale);
}
