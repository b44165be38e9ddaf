/**
 * A local stand-in for Resend's send-email API (`POST /emails`, `GET /emails/:id`), so tests can
 * deliver real HTTP requests through the real `resend` package without reaching the internet.
 * It behaves as Resend documents: Bearer key required (401 without, 403 for a wrong one), 422 for
 * a message without from/to/subject/body, and an `Idempotency-Key` makes a retry return the first
 * answer without sending again (409 if the same key comes with a different message, or while the
 * first request with it is still in flight).
 *
 * Faults for the tests: the next N requests answer 500, or never answer ("timeout"; the message
 * may still have been accepted, as when a response is lost on the way back).
 * Controlled in-process, or over HTTP under `/__fake/` when the tests run in another process.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type TDeliveredEmail = {
  id: string;
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
  /** Whether a request that times out was accepted (delivered) before the answer was lost. */
  acceptBeforeTimeout?: boolean;
  /** The next `rejectKey` requests answer 403, as for a revoked key. */
  rejectKey?: number;
  /** Only requests whose body contains this text count (and suffer), so parallel tests can share the server. */
  match?: string;
};

export type TFakeResend = {
  url: string;
  apiKey: string;
  /** Every message accepted, once each (what Resend would have sent). */
  delivered: TDeliveredEmail[];
  /** Every request to POST /emails, including failed and replayed ones. */
  requests: { idempotencyKey: string | null; answered: number | "timeout" }[];
  setFaults: (faults: TFaults) => void;
  close: () => Promise<void>;
};

const asList = (value: unknown): string[] | undefined =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.map(String) : undefined;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

const errorBody = (statusCode: number, name: string, message: string) => ({
  statusCode,
  name,
  message,
});

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || "null");
  } catch {
    return undefined;
  }
}

export async function startFakeResend(
  options: { apiKey?: string; port?: number } = {},
): Promise<TFakeResend> {
  const apiKey = options.apiKey ?? `re_test_${randomUUID().replaceAll("-", "")}`;
  const delivered: TDeliveredEmail[] = [];
  const requests: TFakeResend["requests"] = [];
  const byKey = new Map<string, { body: string; status: number; answer: unknown } | "pending">();
  const hanging = new Set<ServerResponse>();
  const none: Required<TFaults> = {
    status500: 0,
    timeouts: 0,
    acceptBeforeTimeout: true,
    rejectKey: 0,
    match: "",
  };
  let faults = { ...none };

  const setFaults = (next: TFaults) => {
    faults = { ...none, ...next };
  };

  const accept = (message: Record<string, unknown>, key: string | null): TDeliveredEmail => {
    const email: TDeliveredEmail = {
      id: randomUUID(),
      idempotencyKey: key,
      receivedAt: new Date().toISOString(),
      from: String(message.from),
      to: asList(message.to) ?? [],
      subject: String(message.subject),
      ...(typeof message.html === "string" ? { html: message.html } : {}),
      ...(typeof message.text === "string" ? { text: message.text } : {}),
      ...(asList(message.reply_to) ? { replyTo: asList(message.reply_to) } : {}),
    };
    delivered.push(email);
    return email;
  };

  async function postEmail(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const raw = await readText(req);
    const message = parseJson(raw);
    const faulty = !faults.match || raw.includes(faults.match);
    const auth = req.headers.authorization;
    if (!auth?.startsWith("Bearer ")) {
      requests.push({ idempotencyKey: key, answered: 401 });
      return send(res, 401, errorBody(401, "missing_api_key", "Missing API key in the header."));
    }
    const revoked = faulty && faults.rejectKey > 0;
    if (revoked) faults.rejectKey--;
    if (auth.slice("Bearer ".length) !== apiKey || revoked) {
      requests.push({ idempotencyKey: key, answered: 403 });
      return send(res, 403, errorBody(403, "invalid_api_key", "API key is invalid."));
    }
    if (faulty && faults.status500 > 0) {
      faults.status500--;
      requests.push({ idempotencyKey: key, answered: 500 });
      return send(res, 500, errorBody(500, "internal_server_error", "An unexpected error."));
    }
    if (faulty && faults.timeouts > 0) {
      faults.timeouts--;
      requests.push({ idempotencyKey: key, answered: "timeout" });
      if (faults.acceptBeforeTimeout && message && typeof message === "object") {
        const email = accept(message as Record<string, unknown>, key);
        if (key) {
          byKey.set(key, { body: JSON.stringify(message), status: 200, answer: { id: email.id } });
        }
      }
      hanging.add(res);
      res.once("close", () => hanging.delete(res));
      return;
    }
    const record = message as Record<string, unknown> | undefined;
    const missing = ["from", "to", "subject"].filter((field) => !record?.[field]);
    if (!record || missing.length || !(record.html || record.text)) {
      requests.push({ idempotencyKey: key, answered: 422 });
      const what = missing.length ? `The \`${missing[0]}\` field is missing.` : "No body.";
      return send(res, 422, errorBody(422, "validation_error", what));
    }
    if (key) {
      const earlier = byKey.get(key);
      if (earlier === "pending") {
        requests.push({ idempotencyKey: key, answered: 409 });
        return send(
          res,
          409,
          errorBody(409, "concurrent_idempotent_requests", "Same key is being processed."),
        );
      }
      if (earlier) {
        const same = earlier.body === JSON.stringify(record);
        requests.push({ idempotencyKey: key, answered: same ? earlier.status : 409 });
        return same
          ? send(res, earlier.status, earlier.answer)
          : send(
              res,
              409,
              errorBody(409, "invalid_idempotent_request", "Same key, different payload."),
            );
      }
      byKey.set(key, "pending");
    }
    const email = accept(record, key);
    if (key)
      byKey.set(key, { body: JSON.stringify(record), status: 200, answer: { id: email.id } });
    requests.push({ idempotencyKey: key, answered: 200 });
    send(res, 200, { id: email.id });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const handle = async () => {
      if (req.method === "POST" && url.pathname === "/emails") return postEmail(req, res);
      const one = /^\/emails\/([\w-]+)$/.exec(url.pathname);
      if (req.method === "GET" && one) {
        const email = delivered.find((candidate) => candidate.id === one[1]);
        return email
          ? send(res, 200, { object: "email", ...email })
          : send(res, 404, errorBody(404, "not_found", "Email not found."));
      }
      // Test controls, for tests running in another process than this server.
      if (req.method === "GET" && url.pathname === "/__fake/emails") {
        return send(res, 200, { delivered, requests });
      }
      if (req.method === "POST" && url.pathname === "/__fake/faults") {
        setFaults(parseJson(await readText(req)) as TFaults);
        return send(res, 200, { ok: true });
      }
      send(res, 404, errorBody(404, "not_found", "Not found."));
    };
    handle().catch(() => send(res, 500, errorBody(500, "internal_server_error", "fake failed")));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    delivered,
    requests,
    setFaults,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
