/**
 * The building blocks of the public payloads (CONTRACT §3): the one copy the widget (as-you-type
 * checks, ~5 KiB of zod/mini gzipped) and the CMS (the authority) both run.
 *
 * The widget's size budget counts every kind of zod schema and check used here, so the schemas
 * keep to string, number, literal, object and optional with the checks maxLength, regex,
 * overwrite (trim, lowercase) and nonnegative: `z.literal([...])` instead of `z.enum` and
 * `z.boolean`, `z.regex(/./)` after trimming instead of `z.minLength(1)`, `blankAsAbsent()`
 * instead of a pipe into a transform (each would add 0.07–0.35 KiB to the embed). The
 * validation results, error codes and messages are those of the equivalent enum/pipe schemas.
 */
import * as z from "zod/mini";
import type { TFieldError } from "./errors.ts";
import { FILING_TYPE_SLUGS, type TFilingTypeSlug } from "./keys.ts";

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
 * transform, which would add ~0.35 KiB of zod to the widget; the value's type stays as declared
 * (a check cannot change it), so the schema is wrapped in `z.optional` wherever this is used.
 */
export const blankAsAbsent = <T extends string>() =>
  z.overwrite<T>((value) => (value || undefined) as T);

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
export const optionalFilingType = z.optional(
  z
    .literal(["", ...FILING_TYPE_SLUGS], err("filing_type_invalid"))
    // blankAsAbsent() never lets "" out, but a check cannot narrow zod's output type: say so here.
    .check(blankAsAbsent()) as z.ZodMiniType<TFilingTypeSlug, "" | TFilingTypeSlug>,
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

/** Honeypot: people never see this field; a bot that fills it is answered 201 and ignored. */
export const ZHoneypot = z.optional(z.string().check(z.maxLength(500)));

/** Milliseconds between the form appearing and its submission (minimum fill time). */
export const ZElapsedMs = z.optional(z.number().check(z.nonnegative()));
