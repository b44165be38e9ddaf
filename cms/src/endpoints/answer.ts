/**
 * The one wrapper of every custom endpoint: the handler answers success, and everything that goes
 * wrong — a Refusal from one of its steps, what Payload refuses, a fault of ours — is answered in
 * the contract's error shape (CONTRACT §3) in the caller's language, with the endpoint's headers
 * (the public endpoints' CORS), never in Payload's own format and never with a stack trace. A
 * plain HTML form's post gets the same answer as a page. Faults are logged and answered as a 500.
 */
import type { PayloadHandler, PayloadRequest } from "payload";
import { isFormPost } from "./body.ts";
import { errorPageHtml } from "./errorPage.ts";
import { localeOf, payloadRefusal, Refusal } from "./refusal.ts";

export type TAnswerOptions = {
  /** Names the endpoint in the log. */
  name: string;
  /** Headers every answer carries, error answers included (the public endpoints' CORS). */
  headers?: (req: PayloadRequest) => Promise<Record<string, string>>;
  /** The site's address, linked from a form post's error page. */
  home?: string;
  /** Errors as JSON even to a multipart post: an API whose uploads come from a script, not a page. */
  alwaysJson?: boolean;
};

export type TEndpointHandler = (
  req: PayloadRequest,
  headers: Record<string, string>,
) => Promise<Response>;

export function answer(options: TAnswerOptions, handle: TEndpointHandler): PayloadHandler {
  return async (req) => {
    let headers: Record<string, string> = {};
    try {
      headers = (await options.headers?.(req)) ?? {};
      return await handle(req, headers);
    } catch (error) {
      const refusal = refusalFor(req, error, options.name);
      const asPage = !options.alwaysJson && isFormPost(req);
      return errorResponse(req, refusal, headers, asPage ? options.home : null);
    }
  };
}

/** The error as a Refusal: what Payload refused is logged as a warning, a fault as an error. */
function refusalFor(req: PayloadRequest, error: unknown, name: string): Refusal {
  if (error instanceof Refusal) return error;
  const refusal = payloadRefusal(error, localeOf(req));
  if (refusal) {
    req.payload.logger.warn({ err: error, msg: `${name}: refused by Payload` });
    return refusal;
  }
  req.payload.logger.error({ err: error, msg: `${name}: failed` });
  return new Refusal("internal_error");
}

/**
 * The refusal's answer: the JSON error shape, or — to a plain HTML form's post — the page, with the
 * same status and headers (Retry-After included).
 */
function errorResponse(
  req: PayloadRequest,
  refusal: Refusal,
  headers: Record<string, string> = {},
  /** For a plain HTML form's post (the site's address, if known); null: answer JSON. */
  home: string | undefined | null,
): Response {
  const locale = localeOf(req);
  const merged = new Headers({ ...headers, ...refusal.options.headers });
  merged.set("Cache-Control", "no-store");
  const body = refusal.body(locale);
  if (home === null) return Response.json(body, { status: refusal.status, headers: merged });
  merged.set("Content-Type", "text/html; charset=utf-8");
  const html = errorPageHtml({
    locale,
    invalidFields: refusal.code === "validation_failed",
    fields: refusal.options.fields,
    summary: String(body.error.message),
    home: home ?? undefined,
  });
  return new Response(html, { status: refusal.status, headers: merged });
}
