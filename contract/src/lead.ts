/** The public lead payload (CONTRACT §3): `POST /api/public/leads`, built from fields.ts. */
import * as z from "zod/mini";
import type { TFieldErrors } from "./answers.ts";
import {
  MAX_LENGTH,
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
  name: text(MAX_LENGTH.name),
  phone: ZPhone,
  email: optionalEmail,
  company: optionalText(MAX_LENGTH.company),
  filingType: optionalFilingType,
  message: optionalText(MAX_LENGTH.message),
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
