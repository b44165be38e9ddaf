/** The texts for people behind every error code, in Chinese and English, and the error answer. */
import type { TApiError, TFieldErrors } from "./answers.ts";
import type { TApiErrorCode, TFieldError, TServerOnlyErrorCode } from "./errors.ts";
import type { TLocale } from "./locale.ts";
import { EN_MESSAGES } from "./messages/en.ts";
import type { TWidgetMessages } from "./messages/types.ts";
import { ZH_CN_MESSAGES } from "./messages/zh-CN.ts";

/** The texts the widget shows, one module per language (the widget bundles them apart). */
export const MESSAGES: Record<TLocale, TWidgetMessages> = {
  "zh-CN": ZH_CN_MESSAGES,
  en: EN_MESSAGES,
};

/** Refusals the widget never meets, apart from MESSAGES so that its bundle leaves them out. */
const SERVER_ONLY_MESSAGES: Record<TLocale, Record<TServerOnlyErrorCode, string>> = {
  "zh-CN": {
    idempotency_mismatch: "此请求编号(Idempotency-Key)已用于另一份不同的提交",
    code_invalid: "验证码不正确或已过期,请重新获取",
    signed_out: "请先登录",
    material_too_large: "文件超过 10 MB,请压缩或重新拍摄后上传",
    material_type_refused: "只能上传 JPG、PNG 图片或 PDF 文件",
    material_locked: "该材料已审核通过或订单已进入后续审核,如需更换请联系客服",
  },
  en: {
    idempotency_mismatch: "This Idempotency-Key was already used for a different submission",
    code_invalid: "The code is wrong or has expired: ask for a new one",
    signed_out: "Please sign in first",
    material_too_large: "The file is over 10 MB: compress it or take the photo again",
    material_type_refused: "Only JPG or PNG images and PDF files can be uploaded",
    material_locked:
      "This document was accepted or the order is past review: contact us to replace it",
  },
};

/**
 * The widget's lookup, from MESSAGES alone: a server-only code falls back to the generic text
 * (the server's answer carries its own message, from `apiError`).
 */
export function message(code: TFieldError | TApiErrorCode, locale: TLocale = "zh-CN"): string {
  const texts: Partial<Record<TFieldError | TApiErrorCode, string>> = MESSAGES[locale];
  return texts[code] ?? MESSAGES[locale].invalid;
}

export function apiError(
  code: TApiErrorCode,
  locale: TLocale = "zh-CN",
  fields?: TFieldErrors,
): TApiError {
  const serverOnly: Partial<Record<TApiErrorCode, string>> = SERVER_ONLY_MESSAGES[locale];
  const text = serverOnly[code] ?? message(code, locale);
  return { error: { code, message: text, ...(fields ? { fields } : {}) } };
}
