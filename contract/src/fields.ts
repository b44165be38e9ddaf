/**
 * The building blocks of the public payloads (CONTRACT §3): the schemas the CMS (the authority)
 * runs, built from the rules' values in rules.ts. The widget runs compact/, the same rules without
 * zod, proved to answer exactly as these schemas (compact/compact.test.ts).
 *
 * The schemas keep to string, number, literal, object and optional with the checks maxLength,
 * regex, overwrite (trim, lowercase) and nonnegative: `z.literal([...])` instead of `z.enum` and
 * `z.boolean`, `z.regex(/./)` after trimming instead of `z.minLength(1)`, `blankAsAbsent()`
 * instead of a pipe into a transform (once for the widget's size; now it keeps each check a step
 * compact/ mirrors one to one). The validation results, error codes and messages are those of the
 * equivalent enum/pipe schemas.
 */
import * as z from "zod/mini";
import type { TFieldError } from "./errors.ts";
import { FILING_TYPE_SLUGS, type TFilingTypeSlug } from "./keys.ts";
import { EMAIL_OR_BLANK, MAX_LENGTH, normalizePhone, PARTNER_KEY, PHONE } from "./rules.ts";

export {
  APP_ID_OR_BLANK,
  EMAIL_OR_BLANK,
  MAX_LENGTH,
  normalizePhone,
  PARTNER_KEY,
  PHONE,
} from "./rules.ts";

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
    z.maxLength(MAX_LENGTH.phone, stop("phone_invalid")),
    z.overwrite(normalizePhone),
    z.regex(PHONE, err("phone_invalid")),
  );

export const optionalEmail = z.optional(
  z
    .string(err("email_invalid"))
    .check(
      z.trim(),
      z.maxLength(MAX_LENGTH.email, stop("email_invalid")),
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
  source: optionalText(MAX_LENGTH.utm),
  medium: optionalText(MAX_LENGTH.utm),
  campaign: optionalText(MAX_LENGTH.utm),
  term: optionalText(MAX_LENGTH.utm),
  content: optionalText(MAX_LENGTH.utm),
});

export const ZSource = z.object({
  pageUrl: optionalText(MAX_LENGTH.url),
  referrer: optionalText(MAX_LENGTH.url),
  utm: z.optional(ZUtm),
});

export const ZPartnerKey = z
  .string(err("invalid"))
  .check(z.maxLength(MAX_LENGTH.partner, err("invalid")), z.regex(PARTNER_KEY, err("invalid")));

/** Honeypot: people never see this field; a bot that fills it is answered 201 and ignored. */
export const ZHoneypot = z.optional(z.string().check(z.maxLength(MAX_LENGTH.honeypot)));

/** Milliseconds between the form appearing and its submission (minimum fill time). */
export const ZElapsedMs = z.optional(z.number().check(z.nonnegative()));
