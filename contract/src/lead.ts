/** The public lead payload (CONTRACT §3): `POST /api/public/leads`, built from fields.ts. */
import * as z from "zod/mini";
import type { TFieldErrors } from "./answers.ts";
import {
  optionalEmail,
  optionalFilingType,
  optionalText,
  text,
  ZConsent,
  ZElapsedMs,
  ZHoneypot,
  ZPartnerKey,
  ZPhone,
  ZSource,
} from "./fields.ts";
import type { TLocale } from "./locale.ts";
import { type TResult, validatePayload } from "./validation.ts";

export const ZLead = z.object({
  name: text(50),
  phone: ZPhone,
  email: optionalEmail,
  company: optionalText(100),
  filingType: optionalFilingType,
  message: optionalText(2000),
  consent: ZConsent,
  partner: z.optional(ZPartnerKey),
  source: z.optional(ZSource),
  website: ZHoneypot,
  elapsedMs: ZElapsedMs,
});

export type TLeadInput = z.input<typeof ZLead>;
export type TLead = z.output<typeof ZLead>;

export function validateLead(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TLead, TFieldErrors> {
  return validatePayload(ZLead, input, locale);
}
