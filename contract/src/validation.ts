/** A payload checked against its schema: the data as parsed, or one localised message per field. */
import * as z from "zod/mini";
import type { TFieldErrors } from "./answers.ts";
import { message } from "./errorMessages.ts";
import { FIELD_ERRORS, type TFieldError } from "./errors.ts";
import type { TLocale } from "./locale.ts";

export type TResult<T, E> = { ok: true; data: T } | { ok: false; error: E };

/** Through a partner, the partner and the agency each receive the data: separate consent (PIPL art. 23). */
export function needsSharingConsent(partner: string | undefined): boolean {
  return partner !== undefined && partner !== "direct";
}

/** Schema validation alone: one localised message per failing field path. */
export function validateFields<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<z.output<S>, TFieldErrors> {
  const result = z.safeParse(schema, input);
  if (result.success) return { ok: true, data: result.data };
  const fields: TFieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join(".") || "_";
    const code = (FIELD_ERRORS as readonly string[]).includes(issue.message)
      ? (issue.message as TFieldError)
      : issue.code === "invalid_type" && issue.input === undefined
        ? "required"
        : "invalid";
    fields[path] ??= message(code, locale);
  }
  return { ok: false, error: fields };
}

type TWithConsent = {
  partner?: string | undefined;
  consent: { privacy: true; sharing?: boolean | undefined };
};

/**
 * Validates a payload; on failure, one localised message per field path (`consent.privacy`, ...).
 * Only the schema's keys come out: unknown keys and operator objects (`{"$gt": ""}`) never pass.
 */
export function validatePayload<S extends z.ZodMiniType<TWithConsent>>(
  schema: S,
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<z.output<S>, TFieldErrors> {
  const result = validateFields(schema, input, locale);
  if (!result.ok) return result;
  const fields: TFieldErrors = {};
  const data: TWithConsent = result.data;
  if (needsSharingConsent(data.partner) && data.consent.sharing !== true) {
    fields["consent.sharing"] = message("sharing_consent_required", locale);
    return { ok: false, error: fields };
  }
  return { ok: true, data: result.data };
}
