/**
 * The values behind every rule of the public payloads (CONTRACT §3): patterns, bounds and the phone
 * normaliser. The zod schemas (fields.ts, lead.ts, order.ts) and the widget's compact validator
 * (compact/) both read them from here, so a rule changes in one place. No zod here: the widget
 * imports this module without paying for zod.
 */

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
 * domain of two or more letters. Blank is allowed here (optional; blank counts as absent).
 */
export const EMAIL_OR_BLANK =
  /^$|^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i;
export const PARTNER_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The largest document a customer may upload (CONTRACT §7): 10 MiB. */
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
/** What a document may be, judged by its content (CONTRACT §7); the `accept` of the upload input. */
export const MATERIAL_CONTENT_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export type TMaterialContentType = (typeof MATERIAL_CONTENT_TYPES)[number];
/** A sign-in code of the customer center (CONTRACT §7): six digits, as sent by SMS. */
export const LOGIN_CODE = /^\d{6}$/;
/** A WeChat AppID (`wx` + 16 hex digits, after lowercasing), or blank. */
export const APP_ID_OR_BLANK = /^(wx[0-9a-f]{16})?$/;

/** The longest value each field takes, in UTF-16 code units (what `String.length` counts). */
export const MAX_LENGTH = {
  name: 50,
  company: 100,
  entityName: 100,
  miniProgramName: 60,
  message: 2000,
  url: 2000,
  utm: 200,
  /** The phone as typed, before normalisation (spaces, dashes, +86). */
  phone: 40,
  email: 254,
  partner: 32,
  honeypot: 500,
  orderNo: 32,
} as const;
