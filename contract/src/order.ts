/** The public order payload (CONTRACT §3) and its lookup, built from fields.ts like the lead. */
import * as z from "zod/mini";
import type { TFieldErrors } from "./answers.ts";
import {
  blankAsAbsent,
  err,
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

const APP_ID_OR_BLANK = /^(wx[0-9a-f]{16})?$/;

export const ZOrder = z.object({
  filingType: z.literal(FILING_TYPE_SLUGS, err("filing_type_invalid")),
  contact: z.object({ name: text(50), phone: ZPhone, email: optionalEmail }),
  entity: z.object({
    name: optionalText(100),
    province: z.literal(PROVINCE_CODES, err("required")),
  }),
  miniProgram: z.optional(
    z.object({
      name: optionalText(60),
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
  note: optionalText(2000),
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
  orderNo: text(32),
  phone: ZPhone,
});
export type TOrderLookup = z.output<typeof ZOrderLookup>;

export function validateOrderLookup(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TOrderLookup, TFieldErrors> {
  return validateFields(ZOrderLookup, input, locale);
}
