/**
 * The shared pipeline of every public POST (leads, orders): media type and size, origin, partner,
 * a replay of a stored Idempotency-Key answer (or a 422 for another body under a used key), the
 * per-IP rate limit, validation, signs of a bot, the per-partner rate limit, the per-mailbox cap
 * on confirmations and the idempotent store — in that order. A replay costs no rate-limit points.
 * A suspected bot (the honeypot filled in, a form sent implausibly fast) and a submission past its
 * partner's budget (a flood) are answered like anyone else's and stored marked as suspected spam,
 * which sends no emails and stays out of sales' lists until sales restores it (`quarantine/`): a
 * flood of strangers can neither get a real prospect refused nor fill anyone's inbox. Only genuine
 * submissions count against their partner's budget. Whatever goes wrong later is still answered
 * in the contract's error shape, never Payload's. Endpoint modules supply only the schema, the
 * customer's address and what to store.
 */
import type { TFieldErrors, TLocale, TResult } from "@beian/contract";
import type { Payload, PayloadRequest } from "payload";
import type { TSpamReason } from "../admin/labels.ts";
import { createReturningId } from "../db/createReturningId.ts";
import { readBody } from "../endpoints/body.ts";
import { localeOf, Refusal, requireValid } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { arrives } from "../quarantine/arrival.ts";
import { clientIp, rateLimitKey } from "./clientIp.ts";
import { mayConfirm, withholdConfirmation } from "./confirmations.ts";
import { activePartners, answerWithCors, type TPartnerAccess } from "./cors.ts";
import {
  idempotencyScope,
  isValidKey,
  once,
  requestHash,
  storedDocument,
  storedResponse,
  type TStoredResponse,
} from "./idempotency.ts";
import { consume, limitersFor, rateLimited, type TLimiters } from "./rateLimit.ts";

/** Faster than this from form shown to submit is a bot (autofill and a click take longer). */
export const MIN_FILL_MS = 1_500;

export type TPartnerRef = Pick<TPartnerAccess, "id" | "key" | "name">;

type TSubmittable = {
  partner?: string | undefined;
  website?: string | undefined;
  elapsedMs?: number | undefined;
};

export type TSubmissionSpec<T extends TSubmittable, A extends object> = {
  /** The collection it is stored in, `leads` or `orders`; also the idempotency scope. */
  kind: "leads" | "orders";
  validate: (input: unknown, locale: TLocale) => TResult<T, TFieldErrors>;
  /** Where the customer's confirmation would go (the address they gave), if anywhere. */
  recipient: (data: T) => string | undefined;
  /**
   * Stores the submission with `req` (inside the idempotency transaction), marked with why it is
   * suspected spam if it is; returns the stored document's id and the 201 body.
   */
  store: (args: {
    data: T;
    partner: TPartnerRef;
    suspectedSpam: TSpamReason | undefined;
    req: PayloadRequest;
    payload: Payload;
  }) => Promise<{ id: number | string; answer: A }>;
};

/** What was posted: the payload's fields, and where a plain form returns to. */
type TSubmission = { asForm: boolean; raw: Record<string, unknown>; returnTo: string | undefined };

export function submissionHandler<T extends TSubmittable, A extends object>(
  env: TEnv,
  spec: TSubmissionSpec<T, A>,
) {
  const siteOrigin = new URL(env.SITE_URL).origin;
  return answerWithCors(env, `public ${spec.kind}`, async (req, cors) => {
    const submission = await readSubmission(req);
    const locale = localeOf(req);
    // Every request counts against its address first; the answer to one over the limit waits
    // only for a replay check (below), and without a key there is nothing to replay.
    const limiters = limitersFor(req.payload, env);
    const ip = rateLimitKey(clientIp(req));
    const ipLimit = await consume(limiters.ip, ip);
    const key = req.headers.get("idempotency-key");
    if (!ipLimit.ok && key === null) throw rateLimited(ipLimit);

    const partner = await partnerOf(req, siteOrigin, submission, spec);
    const thanks = thanksUrl(env, partner, submission.returnTo);
    const respond = (result: TStoredResponse, replayed: boolean) =>
      created(submission.asForm, thanks, result, cors, replayed);

    const checked = spec.validate({ ...submission.raw, partner: partner.key }, locale);
    const hash = checked.ok ? requestHash(spec.kind, partner.key, checked.data) : undefined;
    const scope = key === null ? undefined : scopeOf(spec.kind, partner.key, key, locale);
    // A repeat of an answered request is answered again, even over the limit, and costs nothing:
    // a client whose first answer was lost must not be refused its own submission. Another
    // request under the same key is refused (422).
    const previous = scope ? await storedResponse(req.payload, scope, hash) : undefined;
    if (previous) {
      if (ipLimit.ok) await limiters.ip.reward(ip, 1);
      return respond(previous, true);
    }
    if (!ipLimit.ok) throw rateLimited(ipLimit);

    const data = requireValid(checked);
    const { suspectedSpam, confirm } = await screen(spec, limiters, partner.key, data);
    if (suspectedSpam) {
      req.payload.logger.info(`public ${spec.kind}: suspected spam (${suspectedSpam}, ${ip})`);
    }

    const request = scope && hash ? { scope, hash } : undefined;
    const result = await once(req.payload, request, async (txReq) => {
      if (!confirm) withholdConfirmation(txReq);
      const { id, answer } = await spec.store({
        data,
        partner,
        suspectedSpam,
        req: txReq,
        payload: req.payload,
      });
      return { status: 201, body: answer, document: storedDocument(spec.kind, id) };
    });
    return respond(result, result.replayed);
  });
}

/** The body as the payload's fields (never `returnUrl`, which only says where a form returns to). */
async function readSubmission(req: PayloadRequest): Promise<TSubmission> {
  const body = await readBody(req);
  const posted = typeof body.data === "object" && body.data !== null ? body.data : {};
  const { returnUrl, ...raw } = posted as Record<string, unknown>;
  return {
    asForm: body.kind === "form",
    raw,
    returnTo: typeof returnUrl === "string" ? returnUrl : undefined,
  };
}

/**
 * The active partner the submission names (`direct` when none), posted from the site or one of
 * that partner's origins. A request without `Origin` is not a browser's cross-site request (curl,
 * a server): nothing to forge.
 */
async function partnerOf<T extends TSubmittable>(
  req: PayloadRequest,
  siteOrigin: string,
  { raw }: TSubmission,
  spec: Pick<TSubmissionSpec<T, object>, "validate">,
): Promise<TPartnerAccess> {
  if (raw.partner !== undefined && typeof raw.partner !== "string") {
    requireValid(spec.validate(raw, localeOf(req)));
  }
  const key = typeof raw.partner === "string" && raw.partner !== "" ? raw.partner : "direct";
  const partner = (await activePartners(req.payload)).get(key);
  const origin = req.headers.get("origin");
  if (origin && origin !== siteOrigin && !(partner?.origins.includes(origin) ?? false)) {
    throw new Refusal("origin_not_allowed");
  }
  if (!partner) throw new Refusal("unknown_partner");
  return partner;
}

/** The Idempotency-Key's scope, once the key is a valid one. */
function scopeOf(kind: string, partnerKey: string, key: string, locale: TLocale): string {
  if (!isValidKey(key)) {
    throw new Refusal("validation_failed", {
      fields: {
        "Idempotency-Key":
          locale === "en" ? "1–128 visible ASCII characters" : "须为 1–128 个可见 ASCII 字符",
      },
    });
  }
  return idempotencyScope(kind, partnerKey, key);
}

/**
 * Why a valid submission is suspected spam, if it is — a bot's signs, or (past its partner's
 * budget, which only genuine submissions use up) a flood — and whether its customer may have a
 * confirmation (their mailbox's cap for the day; a suspected one mails nobody anyway).
 */
async function screen<T extends TSubmittable>(
  spec: Pick<TSubmissionSpec<T, object>, "recipient">,
  limiters: TLimiters,
  partnerKey: string,
  data: T,
): Promise<{ suspectedSpam: TSpamReason | undefined; confirm: boolean }> {
  const suspectedSpam =
    botSign(data) ?? ((await consume(limiters.partner, partnerKey)).ok ? undefined : "flood");
  if (suspectedSpam) return { suspectedSpam, confirm: false };
  const recipient = spec.recipient(data);
  const confirm = recipient === undefined || (await mayConfirm(limiters.confirmation, recipient));
  return { suspectedSpam, confirm };
}

/** A bot's signs: the honeypot filled in, or the form sent faster than a person could. */
function botSign(data: TSubmittable): TSpamReason | undefined {
  if (data.website) return "honeypot";
  if (data.elapsedMs !== undefined && data.elapsedMs < MIN_FILL_MS) return "too_fast";
  return undefined;
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

/**
 * A new lead or order written through the database adapter, then its arrival emails queued as the
 * collection's afterChange hook would queue them for a create (none for suspected spam); its id.
 */
export async function createArrived<D extends { suspectedSpam?: TSpamReason | null }>(
  req: PayloadRequest,
  collection: "leads" | "orders",
  doc: D,
  queueArrivalEmails: (req: PayloadRequest, doc: D & { id: number }) => Promise<void>,
): Promise<number> {
  const id = await createReturningId(req, collection, doc);
  if (arrives({ doc, operation: "create" })) await queueArrivalEmails(req, { ...doc, id });
  return id;
}
