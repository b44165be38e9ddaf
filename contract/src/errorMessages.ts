/** The texts for people behind every error code, in Chinese and English, and the error answer. */
import type { TApiError, TFieldErrors } from "./answers.ts";
import type { TApiErrorCode, TFieldError, TServerOnlyErrorCode } from "./errors.ts";
import type { TLocale } from "./locale.ts";

/** The texts the widget shows (it bundles this table; see SERVER_ONLY_MESSAGES for the rest). */
export const MESSAGES: Record<
  TLocale,
  Record<TFieldError | Exclude<TApiErrorCode, TServerOnlyErrorCode>, string>
> = {
  "zh-CN": {
    required: "请填写此项",
    too_long: "内容过长",
    phone_invalid: "请输入有效的中国大陆手机号",
    email_invalid: "请输入有效的邮箱地址",
    filing_type_invalid: "请选择有效的备案类型",
    consent_required: "请阅读并同意隐私政策",
    sharing_consent_required: "请同意与合作伙伴共享信息",
    invalid: "格式不正确",
    validation_failed: "提交的信息有误,请检查后重试",
    origin_not_allowed: "此网站无权提交",
    unknown_partner: "合作伙伴不存在或已停用",
    payload_too_large: "提交内容过大",
    unsupported_media_type: "不支持的内容类型",
    rate_limited: "提交过于频繁,请稍后再试",
    not_found: "未找到",
    internal_error: "服务暂时不可用,请稍后再试或致电咨询热线",
  },
  en: {
    required: "This field is required",
    too_long: "Too long",
    phone_invalid: "Enter a valid mainland China mobile number",
    email_invalid: "Enter a valid email address",
    filing_type_invalid: "Choose a valid filing type",
    consent_required: "Please accept the privacy notice",
    sharing_consent_required: "Please agree to sharing with the partner",
    invalid: "Invalid value",
    validation_failed: "Some details are not valid; please check and try again",
    origin_not_allowed: "This site may not submit here",
    unknown_partner: "Unknown or inactive partner",
    payload_too_large: "The submission is too large",
    unsupported_media_type: "Unsupported content type",
    rate_limited: "Too many submissions; please try again later",
    not_found: "Not found",
    internal_error: "The service is unavailable; please try again later or call the hotline",
  },
};

/** Refusals the widget never meets, apart from MESSAGES so that its bundle leaves them out. */
const SERVER_ONLY_MESSAGES: Record<TLocale, Record<TServerOnlyErrorCode, string>> = {
  "zh-CN": { idempotency_mismatch: "此请求编号(Idempotency-Key)已用于另一份不同的提交" },
  en: { idempotency_mismatch: "This Idempotency-Key was already used for a different submission" },
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
