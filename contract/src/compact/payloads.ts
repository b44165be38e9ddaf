/**
 * The lead and order payloads (lead.ts, order.ts) as compact rules: what the widget checks as the
 * person types, without zod. Same data out (trimmed, blank optional text absent, phone normalised,
 * AppID lowercased, unknown keys dropped), same error code per path, the sharing consent last.
 */
import { FILING_TYPE_SLUGS, PROVINCE_CODES } from "../keys.ts";
import type { TLead } from "../lead.ts";
import type { TOrder } from "../order.ts";
import {
  APP_ID_OR_BLANK,
  EMAIL_OR_BLANK,
  MAX_LENGTH,
  normalizePhone,
  PARTNER_KEY,
  PHONE,
} from "../rules.ts";
import {
  type TFieldErrorCodes,
  type TResult,
  type TWithConsent,
  withSharingConsent,
} from "../sharingConsent.ts";
import {
  nonNegative,
  object,
  oneOf,
  optional,
  optionalText,
  string,
  type TRule,
  text,
  trim,
} from "./rules.ts";

const phone = string({
  code: "phone_invalid",
  max: MAX_LENGTH.phone,
  normalise: normalizePhone,
  pattern: PHONE,
});

const email = optional(
  string({
    code: "email_invalid",
    prepare: trim,
    max: MAX_LENGTH.email,
    pattern: EMAIL_OR_BLANK,
    blankAsAbsent: true,
  }),
);

const consent = object({
  privacy: oneOf([true], "consent_required"),
  sharing: optional(oneOf([true, false], "invalid")),
});

/** The keys both payloads end with: consent, partner, attribution and the bot signals. */
const common = {
  consent,
  partner: optional(string({ code: "invalid", max: MAX_LENGTH.partner, pattern: PARTNER_KEY })),
  source: optional(
    object({
      pageUrl: optionalText(MAX_LENGTH.url),
      referrer: optionalText(MAX_LENGTH.url),
      utm: optional(
        object({
          source: optionalText(MAX_LENGTH.utm),
          medium: optionalText(MAX_LENGTH.utm),
          campaign: optionalText(MAX_LENGTH.utm),
          term: optionalText(MAX_LENGTH.utm),
          content: optionalText(MAX_LENGTH.utm),
        }),
      ),
    }),
  ),
  website: optional(string({ code: "invalid", max: MAX_LENGTH.honeypot })),
  elapsedMs: optional(nonNegative),
};

const lead = object({
  name: text(MAX_LENGTH.name),
  phone,
  email,
  company: optionalText(MAX_LENGTH.company),
  filingType: optional(oneOf(["", ...FILING_TYPE_SLUGS], "filing_type_invalid")),
  message: optionalText(MAX_LENGTH.message),
  ...common,
});

const order = object({
  filingType: oneOf(FILING_TYPE_SLUGS, "filing_type_invalid"),
  contact: object({ name: text(MAX_LENGTH.name), phone, email }),
  entity: object({
    name: optionalText(MAX_LENGTH.entityName),
    province: oneOf(PROVINCE_CODES, "required"),
  }),
  miniProgram: optional(
    object({
      name: optionalText(MAX_LENGTH.miniProgramName),
      appId: optional(
        string({
          code: "invalid",
          prepare: (value) => value.trim().toLowerCase(),
          pattern: APP_ID_OR_BLANK,
          blankAsAbsent: true,
        }),
      ),
    }),
  ),
  note: optionalText(MAX_LENGTH.message),
  ...common,
});

function validateWith<T extends TWithConsent>(
  rule: TRule,
  input: unknown,
): TResult<T, TFieldErrorCodes> {
  const errors: TFieldErrorCodes = {};
  const data = rule(input, "", errors) as T;
  return Object.keys(errors).length ? { ok: false, error: errors } : withSharingConsent(data);
}

/** validateLead's answer with error codes for messages: the widget's check of a lead. */
export const compactValidateLead = (input: unknown): TResult<TLead, TFieldErrorCodes> =>
  validateWith<TLead>(lead, input);

/** validateOrder's answer with error codes for messages: the widget's check of an order. */
export const compactValidateOrder = (input: unknown): TResult<TOrder, TFieldErrorCodes> =>
  validateWith<TOrder>(order, input);
