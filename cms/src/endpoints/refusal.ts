/**
 * Why an endpoint refuses a request, in the contract's error shape (CONTRACT §3:
 * `{ error: { code, message, fields? } }`): the code, its status, the message in the caller's
 * language, and Payload's own errors told the same way.
 */
import {
  API_ERROR_STATUS,
  API_ERRORS,
  apiError,
  localeFrom,
  message,
  STAFF_ERRORS,
  type TApiErrorCode,
  type TFieldErrors,
  type TLocale,
  type TResult,
  type TStaffErrorCode,
} from "@beian/contract";
import { APIError, type PayloadRequest, QueryError, ValidationError } from "payload";

export type TLocalised = Record<TLocale, string>;

export type TErrorCode = TApiErrorCode | TStaffErrorCode;

const isContractCode = (code: TErrorCode): code is TApiErrorCode =>
  (API_ERRORS as readonly string[]).includes(code);

function errorStatus(code: TErrorCode): number {
  return isContractCode(code) ? API_ERROR_STATUS[code] : STAFF_ERRORS[code].status;
}

export function localeOf(req: PayloadRequest): TLocale {
  return localeFrom(req.headers.get("accept-language"));
}

export type TRefusalOptions = {
  fields?: TFieldErrors | undefined;
  /** Sent with the answer (`Retry-After`). */
  headers?: Record<string, string>;
  /** Said instead of the code's own message, where the endpoint can say more. */
  says?: TLocalised;
  /** Beside code and message for the caller to act on (the existing order of a 409). */
  detail?: Record<string, unknown>;
};

/** Thrown by an endpoint's steps; `answer` turns it into the error response. */
export class Refusal extends Error {
  readonly code: TErrorCode;
  readonly options: TRefusalOptions;

  constructor(code: TErrorCode, options: TRefusalOptions = {}) {
    super(code);
    this.name = "Refusal";
    this.code = code;
    this.options = options;
  }

  get status(): number {
    return errorStatus(this.code);
  }

  /** The body of CONTRACT §3 in `locale`. */
  body(locale: TLocale): { error: Record<string, unknown> } {
    const { fields, says, detail } = this.options;
    const { error } = isContractCode(this.code)
      ? apiError(this.code, locale, fields)
      : {
          error: {
            code: this.code,
            message: STAFF_ERRORS[this.code][locale],
            ...(fields ? { fields } : {}),
          },
        };
    return { error: { ...error, ...(says ? { message: says[locale] } : {}), ...detail } };
  }
}

/** The validated data, or the 400 naming each invalid field. */
export function requireValid<T>(result: TResult<T, TFieldErrors>): T {
  if (!result.ok) throw new Refusal("validation_failed", { fields: result.error });
  return result.data;
}

const CODE_OF_STATUS: Record<number, TErrorCode> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * What Payload refuses (a field's rules, an access rule, an unknown document, a filter on a path
 * that does not exist) as a Refusal; `undefined` for anything else, which is a fault of ours.
 */
export function payloadRefusal(error: unknown, locale: TLocale): Refusal | undefined {
  if (error instanceof ValidationError) {
    return new Refusal("validation_failed", { fields: payloadFieldErrors(error, locale) });
  }
  if (error instanceof QueryError) {
    return new Refusal("validation_failed", { fields: queryFieldErrors(error, locale) });
  }
  if (error instanceof APIError && error.status < 500) {
    const code = CODE_OF_STATUS[error.status];
    return code ? new Refusal(code) : undefined;
  }
  return undefined;
}

/**
 * A Payload ValidationError as the contract's field errors: the same paths as the payload
 * (`email`, `contact.email`), with the contract's message in the caller's language.
 */
function payloadFieldErrors(error: ValidationError, locale: TLocale): TFieldErrors | undefined {
  const fields: TFieldErrors = {};
  for (const { path } of error.data.errors) {
    if (!path) continue;
    fields[path] ??= message(/(^|\.)email$/.test(path) ? "email_invalid" : "invalid", locale);
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** A filter on a path that cannot be queried (`?where[nope][equals]=1`): that path is invalid. */
function queryFieldErrors(error: QueryError, locale: TLocale): TFieldErrors | undefined {
  const paths = (Array.isArray(error.data) ? error.data : []) as { path?: unknown }[];
  const fields: TFieldErrors = {};
  for (const { path } of paths) {
    if (typeof path === "string") fields[`where.${path}`] = message("invalid", locale);
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}
