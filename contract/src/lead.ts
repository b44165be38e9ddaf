/**
 * The public lead payload (CONTRACT §3), its validation and its error messages: the one copy the
 * widget (as-you-type checks, ~5 KiB of zod/mini gzipped) and the CMS (the authority) both run.
 *
 * The widget's size budget counts every kind of zod schema and check used here, so the schemas
 * keep to string, number, literal, object and optional with the checks maxLength, regex,
 * overwrite (trim, lowercase) and nonnegative: `z.literal([...])` instead of `z.enum` and
 * `z.boolean`, `z.regex(/./)` after trimming instead of `z.minLength(1)`, `blankAsAbsent()`
 * instead of a pipe into a transform (each would add 0.07–0.35 KiB to the embed). The
 * validation results, error codes and messages are those of the equivalent enum/pipe schemas.
 */
import * as z from "zod/mini";
import type { TApiError, TFieldErrors } from "./answers.ts";
import { FILING_TYPE_SLUGS, type TFilingTypeSlug } from "./keys.ts";

/** Stable error codes; the texts for people are in MESSAGES. */
export const FIELD_ERRORS = [
  "required",
  "too_long",
  "phone_invalid",
  "email_invalid",
  "filing_type_invalid",
  "consent_required",
  "sharing_consent_required",
  "invalid",
] as const;
export type TFieldError = (typeof FIELD_ERRORS)[number];

export const API_ERRORS = [
  "validation_failed",
  "origin_not_allowed",
  "unknown_partner",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "not_found",
  "internal_error",
] as const;
export type TApiErrorCode = (typeof API_ERRORS)[number];

export type TLocale = "zh-CN" | "en";

export const MESSAGES: Record<TLocale, Record<TFieldError | TApiErrorCode, string>> = {
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

export function message(code: TFieldError | TApiErrorCode, locale: TLocale = "zh-CN"): string {
  return MESSAGES[locale][code] ?? MESSAGES[locale].invalid;
}

/** `+86 138-0013-8000` → `13800138000`; anything else is returned trimmed for the check to reject. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s\-()]/g, "");
  return compact.replace(/^(\+?86|0086)(?=1\d{10}$)/, "");
}

export const PHONE = /^1[3-9]\d{9}$/;
/**
 * Payload 3.90.2's own email check (payload/dist/fields/validations.js `email`), so nothing the
 * widget accepts is refused by the CMS's `email` fields: ASCII only, no `..`, no leading or
 * trailing dot in the local part, host labels of letters, digits and inner hyphens, a top-level
 * domain of two or more letters. Blank is allowed here (optional; `blankAsAbsent` drops it).
 */
const EMAIL_OR_BLANK =
  /^$|^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i;
const PARTNER_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const err = (code: TFieldError) => ({ error: code });
/** The error, and no further checks of the value (what a failed step of a pipe would do). */
const stop = (code: TFieldError) => ({ error: code, abort: true });

/**
 * A blank (trimmed) text counts as absent: `"" → undefined`. A check rather than a pipe into a
 * transform, which would add ~0.35 KiB of zod to the widget; the value's type stays as declared.
 */
export const blankAsAbsent = <T extends string>() =>
  z.overwrite<T>((value) => value || (undefined as unknown as T));

/** Required text: trimmed, non-empty (some character left after trimming), bounded. */
export const text = (max: number) =>
  z
    .string(err("required"))
    .check(z.trim(), z.regex(/./, err("required")), z.maxLength(max, err("too_long")));

/** Optional text: a blank form field counts as absent. */
export const optionalText = (max: number) =>
  z.optional(
    z.string(err("invalid")).check(z.trim(), z.maxLength(max, err("too_long")), blankAsAbsent()),
  );

export const ZPhone = z
  .string(err("phone_invalid"))
  .check(
    z.maxLength(40, stop("phone_invalid")),
    z.overwrite(normalizePhone),
    z.regex(PHONE, err("phone_invalid")),
  );

export const optionalEmail = z.optional(
  z
    .string(err("email_invalid"))
    .check(
      z.trim(),
      z.maxLength(254, stop("email_invalid")),
      z.regex(EMAIL_OR_BLANK, err("email_invalid")),
      blankAsAbsent(),
    ),
);

/** The filing type a lead asks about, if any: a slug (blank counts as absent). */
const optionalFilingType = z.optional(
  z
    .literal(["", ...FILING_TYPE_SLUGS], err("filing_type_invalid"))
    .check(blankAsAbsent()) as unknown as z.ZodMiniType<TFilingTypeSlug, string>,
);

export const ZConsent = z.object({
  privacy: z.literal(true, err("consent_required")),
  sharing: z.optional(z.literal([true, false], err("invalid"))),
});

const ZUtm = z.object({
  source: optionalText(200),
  medium: optionalText(200),
  campaign: optionalText(200),
  term: optionalText(200),
  content: optionalText(200),
});

export const ZSource = z.object({
  pageUrl: optionalText(2000),
  referrer: optionalText(2000),
  utm: z.optional(ZUtm),
});

export const ZPartnerKey = z
  .string(err("invalid"))
  .check(z.maxLength(32, err("invalid")), z.regex(PARTNER_KEY, err("invalid")));

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
  /** Honeypot: people never see this field; a bot that fills it is answered 201 and ignored. */
  website: z.optional(z.string().check(z.maxLength(500))),
  /** Milliseconds between the form appearing and its submission (minimum fill time). */
  elapsedMs: z.optional(z.number().check(z.nonnegative())),
});

export type TLeadInput = z.input<typeof ZLead>;
export type TLead = z.output<typeof ZLead>;

export type TResult<T, E> = { ok: true; data: T } | { ok: false; error: E };

/** Through a partner, the partner and the agency each receive the data: separate consent (PIPL art. 23). */
export function needsSharingConsent(partner: string | undefined): boolean {
  return partner !== undefined && partner !== "direct";
}

/** Schema validation alone: one localised message per failing field path. */
export function validateFields<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<z.output<S>, TFieldErrors> {
  const result = z.safeParse(schema, input);
  if (result.success) return { ok: true, data: result.data };
  const fields: TFieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join(".") || "_";
    const code = (FIELD_ERRORS as readonly string[]).includes(issue.message)
      ? (issue.message as TFieldError)
      : issue.code === "invalid_type" && issue.input === undefined
        ? "required"
        : "invalid";
    fields[path] ??= message(code, locale);
  }
  return { ok: false, error: fields };
}

type TWithConsent = {
  partner?: string | undefined;
  consent: { privacy: true; sharing?: boolean | undefined };
};

/**
 * Validates a payload; on failure, one localised message per field path (`consent.privacy`, ...).
 * Only the schema's keys come out: unknown keys and operator objects (`{"$gt": ""}`) never pass.
 */
export function validatePayload<S extends z.ZodMiniType<TWithConsent>>(
  schema: S,
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<z.output<S>, TFieldErrors> {
  const result = validateFields(schema, input, locale);
  if (!result.ok) return result;
  const fields: TFieldErrors = {};
  const data = result.data as TWithConsent;
  if (needsSharingConsent(data.partner) && data.consent.sharing !== true) {
    fields["consent.sharing"] = message("sharing_consent_required", locale);
    return { ok: false, error: fields };
  }
  return { ok: true, data: result.data };
}

export function validateLead(
  input: unknown,
  locale: TLocale = "zh-CN",
): TResult<TLead, TFieldErrors> {
  return validatePayload(ZLead, input, locale);
}

export function apiError(
  code: TApiErrorCode,
  locale: TLocale = "zh-CN",
  fields?: TFieldErrors,
): TApiError {
  return { error: { code, message: message(code, locale), ...(fields ? { fields } : {}) } };
}

/** `Accept-Language` → our locale: English only when preferred over Chinese. */
export function localeFrom(acceptLanguage: string | null | undefined): TLocale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((entry) => entry.tag.startsWith("en") || entry.tag.startsWith("zh"));
  return first?.tag.startsWith("en") ? "en" : "zh-CN";
}
