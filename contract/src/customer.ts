/**
 * The customer center's requests (CONTRACT §7): a sign-in code for a mainland mobile, a session
 * for that phone and code, and the customer's choice of emails. The answers' shapes are in answers.ts.
 */
import * as z from "zod/mini";
import type { TFieldErrors } from "./answers.ts";
import { err, ZPhone } from "./fields.ts";
import type { TLocale } from "./locale.ts";
import { LOGIN_CODE } from "./rules.ts";
import { type TResult, validateFields } from "./validation.ts";

export const ZCustomerCodeRequest = z.object({ phone: ZPhone });
export type TCustomerCodeRequest = z.output<typeof ZCustomerCodeRequest>;

export const ZCustomerSessionRequest = z.object({
  phone: ZPhone,
  code: z.string(err("required")).check(z.trim(), z.regex(LOGIN_CODE, err("invalid"))),
});
export type TCustomerSessionRequest = z.output<typeof ZCustomerSessionRequest>;

export function validateCustomerCodeRequest(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TCustomerCodeRequest, TFieldErrors> {
  return validateFields(ZCustomerCodeRequest, input, locale);
}

export function validateCustomerSessionRequest(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TCustomerSessionRequest, TFieldErrors> {
  return validateFields(ZCustomerSessionRequest, input, locale);
}

/** The customer's choice of emails beside the texts (texts about their filing cannot be turned off). */
export const ZCustomerPreferences = z.object({
  notifyByEmail: z.literal([true, false], err("invalid")),
});
export type TCustomerPreferences = z.output<typeof ZCustomerPreferences>;

export function validateCustomerPreferences(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TCustomerPreferences, TFieldErrors> {
  return validateFields(ZCustomerPreferences, input, locale);
}
