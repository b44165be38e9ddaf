/** The public order payload (CONTRACT §3) and its lookup, on the lead's building blocks. */
import * as z from "zod/mini";
import { FILING_TYPE_SLUGS, PROVINCES } from "./keys.ts";
import {
  err,
  optionalEmail,
  optionalText,
  type TFieldErrors,
  type TLocale,
  type TResult,
  text,
  validatePayload,
  ZConsent,
  ZPartnerKey,
  ZPhone,
  ZSource,
} from "./lead.ts";

const APP_ID = /^wx[0-9a-f]{16}$/;
const PROVINCE_CODES = PROVINCES.map((province) => province.code) as unknown as [
  string,
  ...string[],
];

export const ZOrder = z.object({
  filingType: z.enum(FILING_TYPE_SLUGS, err("filing_type_invalid")),
  contact: z.object({ name: text(50), phone: ZPhone, email: optionalEmail }),
  entity: z.object({
    name: optionalText(100),
    province: z.enum(PROVINCE_CODES, err("required")),
  }),
  miniProgram: z.optional(
    z.object({
      name: optionalText(60),
      appId: z.optional(
        z.pipe(
          z.string(err("invalid")).check(z.trim()),
          z.pipe(
            z.transform((value: string) => value.toLowerCase() || undefined),
            z.optional(z.string().check(z.regex(APP_ID, err("invalid")))),
          ),
        ),
      ),
    }),
  ),
  note: optionalText(2000),
  consent: ZConsent,
  partner: z.optional(ZPartnerKey),
  source: z.optional(ZSource),
  website: z.optional(z.string().check(z.maxLength(500))),
  elapsedMs: z.optional(z.number().check(z.nonnegative())),
});

export type TOrderInput = z.input<typeof ZOrder>;
export type TOrder = z.output<typeof ZOrder>;
export type TOrderCreated = { orderNo: string; status: string; materials: string[] };

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
