/**
 * The contract's payload rules without zod, for the widget's size budget: each rule reads a value,
 * records the error code of the field's first failing check at its path (as fieldErrorCodes does
 * with zod's first issue), and returns the normalised value (undefined: absent). The checks run in
 * the zod schemas' order (fields.ts), with the same values (rules.ts); compact.test.ts proves the
 * two agree on generated and hostile inputs.
 */
import type { TFieldError } from "../errors.ts";
import type { TFieldErrorCodes } from "../sharingConsent.ts";

export type TRule = (value: unknown, path: string, errors: TFieldErrorCodes) => unknown;

const fail = (errors: TFieldErrorCodes, path: string, code: TFieldError): undefined => {
  errors[path] ??= code;
  return undefined;
};

/** Absent (undefined) passes as absent; anything else, null included, meets the rule. */
export const optional =
  (rule: TRule): TRule =>
  (value, path, errors) =>
    value === undefined ? undefined : rule(value, path, errors);

type TStringRule = {
  /** The code for a non-string, and for a value `pattern` refuses. */
  code: TFieldError;
  /** Applied before the length check (trim, lowercase). */
  prepare?: (value: string) => string;
  max?: number;
  /** The code for a value over `max` (default: `code`). */
  tooLong?: TFieldError;
  /** Applied after the length check (the phone's normaliser). */
  normalise?: (value: string) => string;
  pattern?: RegExp;
  /** Blank counts as absent. */
  blankAsAbsent?: boolean;
};

export const string =
  ({
    code,
    prepare,
    max = Infinity,
    tooLong = code,
    normalise,
    pattern,
    blankAsAbsent,
  }: TStringRule): TRule =>
  (value, path, errors) => {
    if (typeof value !== "string") return fail(errors, path, code);
    let text = prepare ? prepare(value) : value;
    if (text.length > max) return fail(errors, path, tooLong);
    if (normalise) text = normalise(text);
    if (pattern && !pattern.test(text)) return fail(errors, path, code);
    return blankAsAbsent && !text ? undefined : text;
  };

export const trim = (value: string) => value.trim();

/** Required text: trimmed, non-empty, bounded (fields.ts `text`). */
export const text = (max: number): TRule =>
  string({ code: "required", prepare: trim, max, tooLong: "too_long", pattern: /./ });

/** Optional text: trimmed, bounded, blank as absent (fields.ts `optionalText`). */
export const optionalText = (max: number): TRule =>
  optional(
    string({ code: "invalid", prepare: trim, max, tooLong: "too_long", blankAsAbsent: true }),
  );

/** One of `values` (compared with ===), else `code`; `""` among them counts as absent. */
export const oneOf =
  (values: readonly unknown[], code: TFieldError): TRule =>
  (value, path, errors) =>
    values.includes(value) ? (value === "" ? undefined : value) : fail(errors, path, code);

/** A finite number ≥ 0 (fields.ts `ZElapsedMs`), else `invalid`. */
export const nonNegative: TRule = (value, path, errors) =>
  typeof value === "number" && Number.isFinite(value) && value >= 0
    ? value
    : fail(errors, path, "invalid");

/**
 * An object of these keys alone (unknown keys dropped, never read): a key present with an absent
 * result stays present as undefined, as zod keeps it. Not an object: `invalid` (`required` when
 * missing) at the object's own path, `_` for the body.
 */
export const object =
  (shape: Record<string, TRule>): TRule =>
  (value, path, errors) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return fail(errors, path || "_", value === undefined ? "required" : "invalid");
    }
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const result = (shape[key] as TRule)(input[key], path ? `${path}.${key}` : key, errors);
      if (result !== undefined || key in input) output[key] = result;
    }
    return output;
  };
