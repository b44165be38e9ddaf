/**
 * The shared pipeline of every public POST (leads now, orders next): media type and size, rate
 * limits, origin, partner, bots, validation, idempotency — in that order, each with its own 4xx.
 * Endpoint modules supply only the schema and what to store.
 */
import { escapeHtml, type TFieldErrors, type TLocale, type TResult } from "@beian/contract";
import type { Payload, PayloadRequest } from "payload";
import type { TEnv } from "../env.ts";
import { activePartners, corsHeaders } from "./cors.ts";
import { clientIp, errorResponse, localeOf, readBody } from "./http.ts";
import { isValidKey, once, type TStoredResponse } from "./idempotency.ts";
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
    const cors = await corsHeaders(req, siteOrigin);
    const fail = (
      code: Parameters<typeof errorResponse>[1],
      headers: Record<string, string> = {},
      fields?: TFieldErrors,
    ) => errorResponse(req, code, { ...cors, ...headers }, fields);

    const body = await readBody(req);
    if (!body.ok) return fail(body.code);
    const asForm = body.kind === "form";
    const locale = localeOf(req);

    const ipLimit = await consume(limitersFor(req.payload, env).ip, clientIp(req));
    if (!ipLimit.ok) return fail("rate_limited", { "Retry-After": String(ipLimit.retryAfterS) });

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

    const partnerLimit = await consume(limitersFor(req.payload, env).partner, partner.key);
    if (!partnerLimit.ok)
      return fail("rate_limited", { "Retry-After": String(partnerLimit.retryAfterS) });

    if (
      (typeof raw.website === "string" && raw.website !== "") ||
      (typeof raw.elapsedMs === "number" && raw.elapsedMs < MIN_FILL_MS)
    ) {
      req.payload.logger.info(`public ${spec.kind}: bot submission ignored (${clientIp(req)})`);
      return created(
        asForm,
        thanksUrl(env, partner, returnTo),
        { status: 201, body: spec.decoy() },
        cors,
        false,
      );
    }

    const validated = spec.validate({ ...payloadFields, partner: partnerKey }, locale);
    if (!validated.ok) {
      return asForm
        ? formErrorPage(locale, validated.error, env)
        : fail("validation_failed", {}, validated.error);
    }

    const key = req.headers.get("idempotency-key");
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
    const scope = key ? `${spec.kind}:${key}` : undefined;
    const result = await once(req.payload, scope, async (txReq) => ({
      status: 201,
      body: await spec.store({ data: validated.data, partner, req: txReq, payload: req.payload }),
    }));
    return created(asForm, thanksUrl(env, partner, returnTo), result, cors, result.replayed);
  };
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

/** The no-JavaScript form's error page: what was wrong, in the visitor's language, and a way back. */
function formErrorPage(locale: TLocale, fields: TFieldErrors, env: TEnv): Response {
  const en = locale === "en";
  const items = Object.entries(fields)
    .map(([field, text]) => `<li><strong>${escapeHtml(field)}</strong>: ${escapeHtml(text)}</li>`)
    .join("");
  const html = `<!doctype html><html lang="${en ? "en" : "zh-CN"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${en ? "Please check your details" : "请检查填写的信息"}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.7"><h1>${en ? "Please check your details" : "请检查填写的信息"}</h1><ul>${items}</ul><p><a href="javascript:history.back()">${en ? "Go back and correct" : "返回修改"}</a> · <a href="${escapeHtml(env.SITE_URL)}">${en ? "Home" : "返回首页"}</a></p></body></html>`;
  return new Response(html, {
    status: 400,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
