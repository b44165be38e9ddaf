/**
 * A local stand-in for Resend's send-email API (`POST /emails`, `POST /emails/batch`,
 * `GET /emails/:id`), so tests can
 * deliver real HTTP requests through the real `resend` package without reaching the internet.
 * It answers as Resend documents (https://resend.com/docs/api-reference/errors, …/rate-limit):
 * - a Bearer key is required: 401 without, 403 for a wrong one;
 * - 2 requests a second (Resend's default limit; here for its one key): beyond that, 429
 *   `rate_limit_exceeded`. Every answer to the key carries `ratelimit-limit`,
 *   `ratelimit-remaining` and `ratelimit-reset`; a 429 also `retry-after` (seconds);
 * - 422 for a message without from/to/subject/body or with an address that is not one, 400 for an
 *   idempotency key outside 1–256 characters;
 * - an `Idempotency-Key` makes a retry return the first answer without sending again: 409
 *   `invalid_idempotent_request` if the same key comes with a different message, 409
 *   `concurrent_idempotent_requests` while the first request with it is still being processed.
 * - `POST /emails/batch` (https://resend.com/docs/api-reference/emails/send-batch-emails): a JSON
 *   array of 1–100 messages, one request against the limit, one `Idempotency-Key` for the whole
 *   batch (replayed, or 409, as above). `x-batch-validation: strict` (the default) refuses the
 *   whole batch with 422 for one invalid message; `permissive` sends the valid ones and answers
 *   `{ data: [{ id }…], errors: [{ index, message }…] }`, `data` in the batch's order.
 *
 * Faults for the tests: the next N requests answer 500, are refused as with a revoked key, are
 * processed slowly (their key in flight meanwhile), or never answer ("timeout"; the message may
 * still have been accepted, as when a response is lost on the way back).
 * Controlled in-process, or over HTTP under `/__fake/` when the tests run in another process.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export type TDeliveredEmail = {
  id: string;
  /** The key of the request that delivered it: the email's own, or its batch's. */
  idempotencyKey: string | null;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  replyTo?: string[];
};

export type TFaults = {
  /** The next `status500` requests to /emails answer 500. */
  status500?: number;
  /** Then the next `timeouts` requests never answer (until the server closes). */
  timeouts?: number;
  /** Whether a request that times out was processed (delivered) before the answer was lost. */
  acceptBeforeTimeout?: boolean;
  /** The next `rejectKey` requests answer 403, as for a revoked key. */
  rejectKey?: number;
  /** The next `rateLimited` requests answer 429, as when other senders on the team used the second up. */
  rateLimited?: number;
  /** The next `slow` requests take `slowMs` to process: a retry meanwhile finds their key in flight. */
  slow?: number;
  slowMs?: number;
  /** Only requests whose body contains this text count (and suffer), so parallel tests can share the server. */
  match?: string;
};

export type TFakeResend = {
  url: string;
  apiKey: string;
  /** Every message accepted, once each (what Resend would have sent). */
  delivered: TDeliveredEmail[];
  /** Every request to POST /emails and /emails/batch, including failed and replayed ones. */
  requests: TFakeRequest[];
  setFaults: (faults: TFaults) => void;
  close: () => Promise<void>;
};

export type TFakeRequest = {
  idempotencyKey: string | null;
  /** When it arrived (ISO). */
  at: string;
  answered: number | "timeout";
  /** For POST /emails/batch: how many messages it carried. */
  batch?: number;
};

/** Resend's default rate limit: 2 requests in any second. */
const RESEND_RATE_LIMIT = { requests: 2, windowMs: 1_000 } as const;

type TAnswer = { status: number; body: unknown; headers?: Record<string, string> };
type TRequest = {
  key: string | null;
  /** POST /emails/batch, and its `x-batch-validation`. */
  batch?: "strict" | "permissive";
  raw: string;
  message: unknown;
  authorization: string | undefined;
};

const refusal = (status: number, name: string, message: string): TAnswer => ({
  status,
  body: { statusCode: status, name, message },
});

const asList = (value: unknown): string[] | undefined =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.map(String) : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `address@domain` or `Name <address@domain>`, as Resend accepts them. */
const isAddress = (value: string) => /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(value);

function respond(res: ServerResponse, answer: TAnswer): void {
  if (res.destroyed) return;
  res
    .writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers })
    .end(JSON.stringify(answer.body));
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || "null");
  } catch {
    return undefined;
  }
}

/** Resend's limit over a sliding second; what it says about it goes on every answer. */
function createRateLimit() {
  const { requests, windowMs } = RESEND_RATE_LIMIT;
  let recent: number[] = [];
  const seconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));
  const verdict = (allowed: boolean, now: number) => {
    const headers: Record<string, string> = {
      "ratelimit-limit": String(requests),
      "ratelimit-remaining": String(allowed ? requests - recent.length : 0),
      "ratelimit-reset": seconds((recent.at(-1) ?? now) + windowMs - now),
    };
    // A place frees up when the oldest request in the window leaves it.
    if (!allowed) headers["retry-after"] = seconds((recent[0] ?? now) + windowMs - now);
    return { allowed, headers };
  };
  return {
    take(now = Date.now()) {
      recent = recent.filter((at) => at > now - windowMs);
      const allowed = recent.length < requests;
      if (allowed) recent.push(now);
      return verdict(allowed, now);
    },
    /** The answer when others have used this second's requests up. */
    exhausted: (now = Date.now()) => verdict(false, now),
  };
}

type TChecked = { ok: true; message: Record<string, unknown> } | { ok: false; answer: TAnswer };

const refuse = (status: number, name: string, text: string) => ({
  ok: false as const,
  answer: refusal(status, name, text),
});

/** One message as Resend validates it (422 for what it would not send). */
function checkOne(message: unknown): TChecked {
  if (!isRecord(message)) return refuse(422, "validation_error", "Invalid JSON body.");
  const missing = ["from", "to", "subject"].find((field) => !message[field]);
  if (missing) return refuse(422, "validation_error", `The \`${missing}\` field is missing.`);
  if (!(message.html || message.text)) return refuse(422, "validation_error", "No body.");
  for (const field of ["from", "to", "reply_to"]) {
    const bad = asList(message[field])?.find((address) => !isAddress(address));
    if (bad !== undefined)
      return refuse(422, "validation_error", `Invalid \`${field}\` field: ${bad}`);
  }
  return { ok: true, message };
}

const checkKey = (key: string | null) =>
  key !== null && (key.length < 1 || key.length > 256)
    ? refuse(400, "invalid_idempotency_key", "The key must be between 1-256 chars.")
    : undefined;

/** The message, or what Resend answers instead before it looks at the key or sends anything. */
function checkMessage(request: TRequest): TChecked {
  return checkKey(request.key) ?? checkOne(request.message);
}

/** Up to 100 messages; each one's verdict (strict: the first invalid one refuses them all). */
function checkBatch(
  request: TRequest,
): { ok: true; verdicts: TChecked[] } | { ok: false; answer: TAnswer } {
  const badKey = checkKey(request.key);
  if (badKey) return badKey;
  const { message } = request;
  if (!Array.isArray(message) || message.length < 1 || message.length > 100) {
    return refuse(422, "validation_error", "The batch must be an array of 1 to 100 emails.");
  }
  const verdicts = message.map(checkOne);
  const invalid = verdicts.find((verdict) => !verdict.ok);
  if (request.batch === "strict" && invalid && !invalid.ok) return invalid;
  return { ok: true, verdicts };
}

/** Idempotency keys: the first answer kept for replay, and the keys whose first request is still being processed. */
function createIdempotency() {
  const kept = new Map<string, { message: string; answer: TAnswer }>();
  const inFlight = new Set<string>();
  return {
    /** The answer a request with this key gets without being processed, if any. */
    earlier(key: string, message: string): TAnswer | undefined {
      if (inFlight.has(key)) {
        return refusal(
          409,
          "concurrent_idempotent_requests",
          "Same idempotency key used while original request is still in progress.",
        );
      }
      const first = kept.get(key);
      if (!first) return undefined;
      if (first.message === message) return first.answer;
      return refusal(
        409,
        "invalid_idempotent_request",
        "Same idempotency key used with a different request payload.",
      );
    },
    begin: (key: string) => inFlight.add(key),
    keep(key: string, message: string, answer: TAnswer) {
      inFlight.delete(key);
      kept.set(key, { message, answer });
    },
  };
}

/** The faults set by the test; `take` uses one up if the request is one the faults are for. */
function createFaults() {
  const none: Required<TFaults> = {
    status500: 0,
    timeouts: 0,
    acceptBeforeTimeout: true,
    rejectKey: 0,
    rateLimited: 0,
    slow: 0,
    slowMs: 0,
    match: "",
  };
  let faults = { ...none };
  type TCounted = "status500" | "timeouts" | "rejectKey" | "rateLimited" | "slow";
  return {
    set(next: TFaults) {
      faults = { ...none, ...next };
    },
    get: () => faults,
    take(kind: TCounted, raw: string): boolean {
      if (faults[kind] <= 0 || (faults.match && !raw.includes(faults.match))) return false;
      faults[kind]--;
      return true;
    },
  };
}

/** What the stand-in holds while it runs: the one key it accepts, what it received, its limits and faults. */
type TStandIn = {
  apiKey: string;
  delivered: TDeliveredEmail[];
  requests: TFakeResend["requests"];
  idempotency: ReturnType<typeof createIdempotency>;
  faults: ReturnType<typeof createFaults>;
  rateLimit: ReturnType<typeof createRateLimit>;
  /** Requests left unanswered ("timeout"), ended when the server closes. */
  hanging: Set<ServerResponse>;
  closing: AbortController;
};

function accept(
  standIn: TStandIn,
  message: Record<string, unknown>,
  key: string | null,
): TDeliveredEmail {
  const replyTo = asList(message.reply_to);
  const email: TDeliveredEmail = {
    id: randomUUID(),
    idempotencyKey: key,
    receivedAt: new Date().toISOString(),
    from: String(message.from),
    to: asList(message.to) ?? [],
    subject: String(message.subject),
    ...(typeof message.html === "string" ? { html: message.html } : {}),
    ...(typeof message.text === "string" ? { text: message.text } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
  standIn.delivered.push(email);
  return email;
}

/** A valid message with its key: replayed, refused as a conflict, or sent (slowly, if told). */
async function processMessage(
  standIn: TStandIn,
  key: string | null,
  message: Record<string, unknown>,
  slow: boolean,
): Promise<TAnswer> {
  const { idempotency } = standIn;
  const text = JSON.stringify(message);
  if (key !== null) {
    const earlier = idempotency.earlier(key, text);
    if (earlier) return earlier;
    idempotency.begin(key);
  }
  if (slow) {
    await sleep(standIn.faults.get().slowMs, undefined, { signal: standIn.closing.signal });
  }
  const answer: TAnswer = { status: 200, body: { id: accept(standIn, message, key).id } };
  if (key !== null) idempotency.keep(key, text, answer);
  return answer;
}

/** The batch's answer: an id per valid message in order, and (permissive) the refused ones by index. */
function acceptBatch(standIn: TStandIn, verdicts: TChecked[], key: string | null, mode: string) {
  const data: { id: string }[] = [];
  const errors: { index: number; message: string }[] = [];
  for (const [index, verdict] of verdicts.entries()) {
    if (verdict.ok) data.push({ id: accept(standIn, verdict.message, key).id });
    else errors.push({ index, message: (verdict.answer.body as { message: string }).message });
  }
  return { status: 200, body: mode === "permissive" ? { data, errors } : { data } };
}

/** A valid batch with its key: replayed, refused as a conflict, or sent (slowly, if told). */
async function processBatch(
  standIn: TStandIn,
  request: TRequest,
  verdicts: TChecked[],
  slow: boolean,
): Promise<TAnswer> {
  const { idempotency } = standIn;
  const { key } = request;
  const text = JSON.stringify([request.batch, request.message]);
  if (key !== null) {
    const earlier = idempotency.earlier(key, text);
    if (earlier) return earlier;
    idempotency.begin(key);
  }
  if (slow) {
    await sleep(standIn.faults.get().slowMs, undefined, { signal: standIn.closing.signal });
  }
  const answer = acceptBatch(standIn, verdicts, key, request.batch ?? "strict");
  if (key !== null) idempotency.keep(key, text, answer);
  return answer;
}

/** Who is asking and whether they may ask now: the refusal if not, and the rate headers. */
function gate(
  standIn: TStandIn,
  request: TRequest,
): { refused?: TAnswer; headers: Record<string, string> } {
  const { authorization } = request;
  const { faults, rateLimit } = standIn;
  if (!authorization?.startsWith("Bearer ")) {
    return {
      refused: refusal(401, "missing_api_key", "Missing API key in the authorization header."),
      headers: {},
    };
  }
  const revoked = faults.take("rejectKey", request.raw);
  if (authorization.slice("Bearer ".length) !== standIn.apiKey || revoked) {
    return { refused: refusal(403, "invalid_api_key", "API key is invalid."), headers: {} };
  }
  const othersUsedItUp = faults.take("rateLimited", request.raw);
  const { allowed, headers } = othersUsedItUp ? rateLimit.exhausted() : rateLimit.take();
  if (allowed) return { headers };
  const message = "Too many requests. Please limit the number of requests per second.";
  return { refused: refusal(429, "rate_limit_exceeded", message), headers };
}

/** What processing a checked request means: one message, or a batch. */
function processorOf(standIn: TStandIn, request: TRequest) {
  if (request.batch) {
    const checked = checkBatch(request);
    if (!checked.ok) return { refused: checked.answer };
    return { run: (slow: boolean) => processBatch(standIn, request, checked.verdicts, slow) };
  }
  const checked = checkMessage(request);
  if (!checked.ok) return { refused: checked.answer };
  return { run: (slow: boolean) => processMessage(standIn, request.key, checked.message, slow) };
}

/** POST /emails or /emails/batch past the gate: the faults first, then what Resend would answer. */
async function answerEmail(standIn: TStandIn, request: TRequest): Promise<TAnswer | "timeout"> {
  const { faults } = standIn;
  const processor = processorOf(standIn, request);
  if (faults.take("status500", request.raw)) {
    return refusal(500, "internal_server_error", "An unexpected error occurred.");
  }
  if (faults.take("timeouts", request.raw)) {
    // The answer is lost; whether Resend got as far as sending depends on where it was lost.
    if (processor.run && faults.get().acceptBeforeTimeout) await processor.run(false);
    return "timeout";
  }
  if (processor.refused) return processor.refused;
  return processor.run(faults.take("slow", request.raw));
}

async function postEmail(
  standIn: TStandIn,
  req: IncomingMessage,
  res: ServerResponse,
  batch: boolean,
): Promise<void> {
  const at = new Date().toISOString();
  const raw = await readText(req);
  const header = req.headers["idempotency-key"];
  const validation = req.headers["x-batch-validation"] === "permissive" ? "permissive" : "strict";
  const request: TRequest = {
    key: typeof header === "string" ? header : null,
    raw,
    message: parseJson(raw),
    authorization: req.headers.authorization,
    ...(batch ? { batch: validation } : {}),
  };
  const { refused, headers } = gate(standIn, request);
  const answer = refused ?? (await answerEmail(standIn, request));
  standIn.requests.push({
    idempotencyKey: request.key,
    at,
    answered: answer === "timeout" ? answer : answer.status,
    ...(batch && Array.isArray(request.message) ? { batch: request.message.length } : {}),
  });
  if (answer !== "timeout") {
    return respond(res, { ...answer, headers: { ...headers, ...answer.headers } });
  }
  standIn.hanging.add(res);
  res.once("close", () => standIn.hanging.delete(res));
}

function getEmail(standIn: TStandIn, req: IncomingMessage, res: ServerResponse, id: string) {
  const { authorization } = req.headers;
  const { refused, headers } = gate(standIn, { key: null, raw: "", message: null, authorization });
  const email = standIn.delivered.find((candidate) => candidate.id === id);
  const answer =
    refused ??
    (email
      ? { status: 200, body: { object: "email", ...email } }
      : refusal(404, "not_found", "Email not found."));
  respond(res, { ...answer, headers });
}

async function handle(standIn: TStandIn, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://fake");
  if (req.method === "POST" && url.pathname === "/emails")
    return postEmail(standIn, req, res, false);
  if (req.method === "POST" && url.pathname === "/emails/batch") {
    return postEmail(standIn, req, res, true);
  }
  const one = /^\/emails\/([\w-]+)$/.exec(url.pathname);
  if (req.method === "GET" && one?.[1]) return getEmail(standIn, req, res, one[1]);
  // Test controls, for tests running in another process than this server.
  if (req.method === "GET" && url.pathname === "/__fake/emails") {
    const { delivered, requests } = standIn;
    return respond(res, { status: 200, body: { delivered, requests } });
  }
  if (req.method === "POST" && url.pathname === "/__fake/faults") {
    standIn.faults.set(parseJson(await readText(req)) as TFaults);
    return respond(res, { status: 200, body: { ok: true } });
  }
  respond(res, refusal(404, "not_found", "The requested endpoint does not exist."));
}

export async function startFakeResend(
  options: { apiKey?: string; port?: number } = {},
): Promise<TFakeResend> {
  const standIn: TStandIn = {
    apiKey: options.apiKey ?? `re_test_${randomUUID().replaceAll("-", "")}`,
    delivered: [],
    requests: [],
    idempotency: createIdempotency(),
    faults: createFaults(),
    rateLimit: createRateLimit(),
    hanging: new Set(),
    closing: new AbortController(),
  };
  const server = createServer((req, res) => {
    handle(standIn, req, res).catch(() =>
      respond(res, refusal(500, "internal_server_error", "The stand-in failed.")),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: standIn.apiKey,
    delivered: standIn.delivered,
    requests: standIn.requests,
    setFaults: standIn.faults.set,
    close: () =>
      new Promise((resolve) => {
        standIn.closing.abort();
        for (const res of standIn.hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
