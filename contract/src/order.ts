/** The public order payload (CONTRACT §3) and its lookup, built from fields.ts like the lead. */
import * as z from "zod/mini";
import type { TFieldErrors } from "./answers.ts";
import {
  APP_ID_OR_BLANK,
  blankAsAbsent,
  err,
  MAX_LENGTH,
  optionalEmail,
  optionalText,
  text,
  ZConsent,
  ZElapsedMs,
  ZHoneypot,
  ZPartnerKey,
  ZPhone,
  ZSource,
} from "./fields.ts";
import { FILING_TYPE_SLUGS, PROVINCE_CODES } from "./keys.ts";
import type { TLocale } from "./locale.ts";
import { type TResult, validateFields, validatePayload } from "./validation.ts";

export const ZOrder = z.object({
  filingType: z.literal(FILING_TYPE_SLUGS, err("filing_type_invalid")),
  contact: z.object({ name: text(MAX_LENGTH.name), phone: ZPhone, email: optionalEmail }),
  entity: z.object({
    name: optionalText(MAX_LENGTH.entityName),
    province: z.literal(PROVINCE_CODES, err("required")),
  }),
  miniProgram: z.optional(
    z.object({
      name: optionalText(MAX_LENGTH.miniProgramName),
      appId: z.optional(
        z
          .string(err("invalid"))
          .check(
            z.trim(),
            z.toLowerCase(),
            z.regex(APP_ID_OR_BLANK, err("invalid")),
            blankAsAbsent(),
          ),
      ),
    }),
  ),
  note: optionalText(MAX_LENGTH.message),
  consent: ZConsent,
  partner: z.optional(ZPartnerKey),
  source: z.optional(ZSource),
  website: ZHoneypot,
  elapsedMs: ZElapsedMs,
});

export type TOrderInput = z.input<typeof ZOrder>;
export type TOrder = z.output<typeof ZOrder>;

export function validateOrder(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TOrder, TFieldErrors> {
  return validatePayload(ZOrder, input, locale);
}

export const ZOrderLookup = z.object({
  orderNo: text(MAX_LENGTH.orderNo),
  phone: ZPhone,
});
export type TOrderLookup = z.output<typeof ZOrderLookup>;

export function validateOrderLookup(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TOrderLookup, TFieldErrors> {
  return validateFields(ZOrderLookup, input, locale);
}
