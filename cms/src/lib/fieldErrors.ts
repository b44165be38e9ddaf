/**
 * A hook's refusal of fields, in the staff member's admin language: the toast reads
 * "以下字段是无效的: 状态" (the field's label, not its path `state`) and the field shows the message
 * in Chinese, or both in English when the admin is in English. Payload's ValidationError says
 * "The following field is invalid: state" when a hook builds it without `req` and `req.t`.
 */
import { type PayloadRequest, ValidationError } from "payload";

export type TBilingual = { zh: string; en: string };

export type TFieldRefusal = { path: string; label: TBilingual; message: TBilingual };

/** The admin language of the request: English only when the staff member chose it. */
export function isEnglish(req: Partial<PayloadRequest>): boolean {
  return req.i18n?.language === "en";
}

/** A message in the request's admin language. */
export function inLanguage(req: Partial<PayloadRequest> | undefined, message: TBilingual): string {
  return req && isEnglish(req) ? message.en : message.zh;
}

export function invalidFields(
  req: PayloadRequest,
  where: { collection: string } | { global: string },
  refusals: TFieldRefusal[],
): ValidationError {
  const errors = refusals.map(({ path, label, message }) => ({
    path,
    label,
    message: inLanguage(req, message),
  }));
  return new ValidationError({ ...where, errors, req }, req.t);
}
