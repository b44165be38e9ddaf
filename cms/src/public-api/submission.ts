/**
 * The shared pipeline of every public POST (leads, orders): media type and size, origin, partner,
 * a replay of a stored Idempotency-Key answer, the per-IP rate limit, bots, validation, the
 * per-partner rate limit and the idempotent store — in that order, each with its own 4xx. A replay
 * costs no rate-limit points, and only submissions that would be stored count against their
 * partner's budget (junk and bots cannot use up a partner's). Whatever goes wrong later is still
 * answered in the contract's error shape, never Payload's. Endpoint modules supply only the schema
 * and what to store.
 */
import { message, type TFieldErrors, type TLocale, type TResult } from "@beian/contract";
import { type Payload, type PayloadRequest, ValidationError } from "payload";
import type { TEnv } from "../env.ts";
import { activePartners, corsHeaders } from "./cors.ts";
import { clientIp, errorResponse, localeOf, readBody } from "./http.ts";
import {
  idempotencyScope,
  isValidKey,
  once,
  storedResponse,
  type TStoredResponse,
} from "./idempotency.ts";
import { consume, limitersFor } from "./rateLimit.ts";

/** Faster than this from form shown to submit is a bot (autofill and a click take longer). */
export const MIN_FILL_MS = 1_500;

export type TPartnerRef = { id: number | string; key: string; name: string };

export type TSubmissionSpec<
  T extends {
    partner?: string | undefined;
    website?: string | undefined;
    elapsedMs?: number | undefined;
  },
> = {
  /** `leads`, `orders`: the idempotency scope and the thank-you wording. */
  kind: string;
  validate: (input: unknown, locale: TLocale) => TResult<T, TFieldErrors>;
  /** Stores the submission with `req` (inside the idempotency transaction); returns the 201 body. */
  store: (args: {
    data: T;
    partner: TPartnerRef;
    req: PayloadRequest;
    payload: Payload;
  }) => Promise<Record<string, unknown>>;
  /** What a bot that trips the honeypot is told (looks like success, stores nothing). */
  decoy: () => Record<string, unknown>;
};

export function submissionHandler<
  T extends {
    partner?: string | undefined;
    website?: string | undefined;
    elapsedMs?: number | undefined;
  },
>(env: TEnv, spec: TSubmissionSpec<T>) {
  const siteOrigin = new URL(env.SITE_URL).origin;
  return async (req: PayloadRequest): Promise<Response> => {
    let cors: Record<string, string> = { Vary: "Origin" };
    const fail: TFail = (code, headers = {}, fields) =>
      errorResponse(req, code, { ...cors, ...headers }, fields, env.SITE_URL);
    try {
      cors = await corsHeaders(req, siteOrigin);
      return await submit(req, cors, fail);
    } catch (error) {
      // Bad input is the contract's to refuse; what Payload still refuses is told the same way.
      if (error instanceof ValidationError) {
        req.payload.logger.warn({ err: error, msg: `public ${spec.kind}: refused by Payload` });
        return fail("validation_failed", {}, payloadFieldErrors(error, localeOf(req)));
      }
      req.payload.logger.error({ err: error, msg: `public ${spec.kind}: submission failed` });
      return fail("internal_error");
    }
  };

  async function submit(
    req: PayloadRequest,
    cors: Record<string, string>,
    fail: TFail,
  ): Promise<Response> {
    const body = await readBody(req);
    if (!body.ok) return fail(body.code);
    const asForm = body.kind === "form";
    const locale = localeOf(req);

    // Every request counts against its address first; the answer to one over the limit waits
    // only for a replay check (below), and without a key there is nothing to replay.
    const limiters = limitersFor(req.payload, env);
    const ip = clientIp(req);
    const ipLimit = await consume(limiters.ip, ip);
    const key = req.headers.get("idempotency-key");
    const limited = (result: { retryAfterS: number }) =>
      fail("rate_limited", { "Retry-After": String(result.retryAfterS) });
    if (!ipLimit.ok && key === null) return limited(ipLimit);

    const raw = (typeof body.data === "object" && body.data !== null ? body.data : {}) as Record<
      string,
      unknown
    >;
    const returnTo = typeof raw.returnUrl === "string" ? raw.returnUrl : undefined;
    const { returnUrl: _ignored, ...payloadFields } = raw;
    if (raw.partner !== undefined && typeof raw.partner !== "string") {
      const invalid = spec.validate(raw, locale);
      if (!invalid.ok) return fail("validation_failed", {}, invalid.error);
    }
    const partnerKey =
      typeof raw.partner === "string" && raw.partner !== "" ? raw.partner : "direct";
    const partners = await activePartners(req.payload);
    const partner = partners.get(partnerKey);

    const origin = req.headers.get("origin");
    // No Origin: not a browser's cross-site request (curl, a server): nothing to forge.
    if (origin && origin !== siteOrigin && !(partner?.origins.includes(origin) ?? false)) {
      return fail("origin_not_allowed");
    }
    if (!partner) return fail("unknown_partner");
    const thanks = thanksUrl(env, partner, returnTo);

    if (key !== null && !isValidKey(key)) {
      return fail(
        "validation_failed",
        {},
        {
          "Idempotency-Key":
            locale === "en" ? "1–128 visible ASCII characters" : "须为 1–128 个可见 ASCII 字符",
        },
      );
    }
    const scope = key ? idempotencyScope(spec.kind, partner.key, key) : undefined;
    // A repeat of an answered request is answered again, even over the limit, and costs nothing:
    // a client whose first answer was lost must not be refused its own submission.
    const previous = scope ? await storedResponse(req.payload, scope) : undefined;
    if (previous) {
      if (ipLimit.ok) await limiters.ip.reward(ip, 1);
      return created(asForm, thanks, previous, cors, true);
    }
    if (!ipLimit.ok) return limited(ipLimit);

    if (
      (typeof raw.website === "string" && raw.website !== "") ||
      (typeof raw.elapsedMs === "number" && raw.elapsedMs < MIN_FILL_MS)
    ) {
      req.payload.logger.info(`public ${spec.kind}: bot submission ignored (${ip})`);
      return created(asForm, thanks, { status: 201, body: spec.decoy() }, cors, false);
    }

    const validated = spec.validate({ ...payloadFields, partner: partnerKey }, locale);
    if (!validated.ok) return fail("validation_failed", {}, validated.error);

    // Only what will be stored counts against the partner's budget.
    const partnerLimit = await consume(limiters.partner, partner.key);
    if (!partnerLimit.ok) return limited(partnerLimit);

    const result = await once(req.payload, scope, async (txReq) => ({
      status: 201,
      body: await spec.store({ data: validated.data, partner, req: txReq, payload: req.payload }),
    }));
    return created(asForm, thanks, result, cors, result.replayed);
  }
}

/** An error answer in the contract's shape (or the form's page), with the CORS headers. */
type TFail = (
  code: Parameters<typeof errorResponse>[1],
  headers?: Record<string, string>,
  fields?: TFieldErrors,
) => Response;

/**
 * A Payload ValidationError as the contract's field errors: the same paths as the payload
 * (`email`, `contact.email`), with the contract's message in the visitor's language.
 */
function payloadFieldErrors(error: ValidationError, locale: TLocale): TFieldErrors | undefined {
  const fields: TFieldErrors = {};
  for (const { path } of error.data.errors) {
    if (!path) continue;
    fields[path] ??= message(/(^|\.)email$/.test(path) ? "email_invalid" : "invalid", locale);
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function created(
  asForm: boolean,
  thanks: string,
  result: TStoredResponse,
  cors: Record<string, string>,
  replayed: boolean,
): Response {
  if (asForm) {
    return new Response(null, {
      status: 303,
      headers: { Location: thanks, "Cache-Control": "no-store" },
    });
  }
  return Response.json(result.body, {
    status: result.status,
    headers: {
      ...cors,
      "Cache-Control": "no-store",
      ...(replayed ? { "Idempotency-Replayed": "true" } : {}),
    },
  });
}

/**
 * After a plain-form post: the form's `returnUrl` when it is on one of the partner's allowed
 * origins (never an open redirect), else the site's thank-you page.
 */
export function thanksUrl(
  env: TEnv,
  partner: { origins: string[] },
  returnUrl: string | undefined,
): string {
  if (returnUrl) {
    try {
      const url = new URL(returnUrl);
      if (partner.origins.includes(url.origin)) return url.toString();
    } catch {
      // not a URL: fall through
    }
  }
  return new URL("/thanks/", env.SITE_URL).toString();
}
