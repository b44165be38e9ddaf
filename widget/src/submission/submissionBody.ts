/** Form values (flat, keyed by payload path) → the public payload of CONTRACT §3, validated. */
import type { TFieldErrors, TLead, TLocale, TOrder, TResult } from "@beian/contract";
import { compactValidateLead, compactValidateOrder } from "@beian/contract/compact";
import { needsSharingConsent } from "@beian/contract/sharing-consent";
import type { TFormKind } from "../constants.ts";
import { FIELDS } from "../form/fields.ts";
import { fieldMessage } from "../validation/fieldMessages.ts";
import type { TSource } from "./attribution.ts";

export type TValues = Record<string, string | boolean | undefined>;

export type TContext = { partner: string; source?: TSource; elapsedMs?: number };

function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head = "", ...rest] = path.split(".");
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  target[head] ??= {};
  put(target[head] as Record<string, unknown>, rest.join("."), value);
}

/** The body as typed; blank optional fields are left for the schema to drop. */
export function submissionBody(
  kind: TFormKind,
  values: TValues,
  ctx: TContext,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { path } of FIELDS[kind]) put(body, path, String(values[path] ?? ""));
  body.consent = {
    privacy: values["consent.privacy"] === true,
    ...(needsSharingConsent(ctx.partner) ? { sharing: values["consent.sharing"] === true } : {}),
  };
  body.partner = ctx.partner;
  if (ctx.source) body.source = ctx.source;
  if (values.website) body.website = String(values.website);
  if (ctx.elapsedMs !== undefined) body.elapsedMs = Math.max(0, Math.round(ctx.elapsedMs));
  return body;
}

/**
 * Validates with the contract's rules (its compact validator: the CMS's answers without zod); on
 * success the normalised body to send, else one message per field.
 */
export function checkSubmission(
  kind: TFormKind,
  values: TValues,
  ctx: TContext,
  lang: TLocale,
): TResult<TLead | TOrder, TFieldErrors> {
  const body = submissionBody(kind, values, ctx);
  const result = kind === "lead" ? compactValidateLead(body) : compactValidateOrder(body);
  if (result.ok) return result;
  const error: TFieldErrors = {};
  for (const [path, code] of Object.entries(result.error)) error[path] = fieldMessage(code, lang);
  // The contract checks sharing consent only once the rest is valid; show it alongside the others.
  if (needsSharingConsent(ctx.partner) && values["consent.sharing"] !== true) {
    error["consent.sharing"] ??= fieldMessage("sharing_consent_required", lang);
  }
  return { ok: false, error };
}
