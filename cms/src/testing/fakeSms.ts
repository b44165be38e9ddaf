/**
 * A local stand-in for Alibaba Cloud SMS (dysmsapi 2017-05-25 `SendSms`), so tests deliver real
 * requests through the official SDK without reaching the internet. It checks what the SDK sends:
 * - `POST /` with `x-acs-action: SendSms` and `x-acs-version: 2017-05-25`;
 * - an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header whose
 *   signature it recomputes from the request with the test secret (the SDK's V3 signature:
 *   canonical request → SHA-256 → HMAC-SHA256): an unknown key answers 404
 *   `InvalidAccessKeyId.NotFound`, a wrong signature 400 `SignatureDoesNotMatch`;
 * - `PhoneNumbers`, `SignName`, `TemplateCode`, `TemplateParam` in the query: missing ones answer
 *   400 `Missing<Name>`; the others as the service does, with HTTP 200 and a `Code`:
 *   `isv.MOBILE_NUMBER_ILLEGAL` (not a mainland mobile), `isv.SMS_SIGNATURE_ILLEGAL` (another
 *   signature than the one approved), `isv.SMS_TEMPLATE_ILLEGAL` (a template code not `SMS_…`),
 *   `isv.INVALID_JSON_PARAM` (TemplateParam not a JSON object of strings), else `OK` with a BizId.
 *
 * Faults for the tests: the next N requests (for one phone, with `match`) answer a given `Code`
 * (flow control `isv.BUSINESS_LIMIT_CONTROL`, or a permanent one), or `Throttling.User` (HTTP 400);
 * and an outage: every request answers 503 `ServiceUnavailable`, or has its connection dropped,
 * until it is switched off. Controlled in-process, or over HTTP under `/__fake/`.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type TDeliveredSms = {
  bizId: string;
  receivedAt: string;
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
};

export type TSmsRequest = {
  at: string;
  phone: string | null;
  /** The answer's `Code` (OK, isv.…), or `dropped` for a connection closed without an answer. */
  answered: string;
  status: number | "dropped";
};

export type TSmsFaults = {
  /** The next `times` requests answer this `Code` with HTTP 200 (default 1). */
  code?: string;
  times?: number;
  /** Every request fails until cleared: 503 answers, or connections dropped without an answer. */
  outage?: "503" | "drop";
  /** Only requests for this phone number count (and suffer), so tests can share the server. */
  match?: string;
};

export type TFakeSms = {
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** The CMS's settings that send its text messages here (CONTRACT §2's SMS_* variables). */
  env: Record<
    "SMS_ACCESS_KEY_ID" | "SMS_ACCESS_KEY_SECRET" | "SMS_ENDPOINT" | "SMS_SIGN_NAME",
    string
  >;
  /** Every message the service accepted (what it would have sent), once each. */
  delivered: TDeliveredSms[];
  /** Every SendSms request, whatever it was answered. */
  requests: TSmsRequest[];
  setFaults: (faults: TSmsFaults) => void;
  close: () => Promise<void>;
};

type TAnswer = { status: number; body: Record<string, unknown> };

const MAINLAND_MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

/** The SDK's percent-encoding (RFC 3986, as its `encode`). */
const encode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** The signature the SDK computed for this request, recomputed here from what arrived. */
function expectedSignature(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  signedHeaders: string[],
  secret: string,
): string {
  const query = [...url.searchParams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${encode(value)}`)
    .join("&");
  const headers = signedHeaders
    .map((name) => `${name}:${String(req.headers[name] ?? "").trim()}\n`)
    .join("");
  const canonical = [
    req.method,
    url.pathname,
    query,
    headers,
    signedHeaders.join(";"),
    sha256(body),
  ].join("\n");
  const toSign = `ACS3-HMAC-SHA256\n${sha256(canonical)}`;
  return createHmac("sha256", secret).update(toSign).digest("hex");
}

const refusal = (status: number, code: string, message: string): TAnswer => ({
  status,
  body: { RequestId: randomUUID(), Code: code, Message: message },
});

/** The gate every request passes: the action, the key and the signature. */
function checkCall(
  stand: TStand,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
): TAnswer | undefined {
  if (req.method !== "POST" || url.pathname !== "/") {
    return refusal(404, "InvalidAction.NotFound", "Specified api is not found");
  }
  if (req.headers["x-acs-action"] !== "SendSms" || req.headers["x-acs-version"] !== "2017-05-25") {
    return refusal(404, "InvalidAction.NotFound", "Only SendSms 2017-05-25 is served here");
  }
  if (req.headers["x-acs-content-sha256"] !== sha256(body)) {
    return refusal(400, "InvalidParameter", "x-acs-content-sha256 does not match the body");
  }
  const auth =
    /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(
      String(req.headers.authorization ?? ""),
    );
  if (!auth?.[1] || !auth[2] || !auth[3]) {
    return refusal(400, "MissingAuthorization", "Authorization is mandatory for this action");
  }
  if (auth[1] !== stand.accessKeyId) {
    return refusal(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found");
  }
  const signed = auth[2].split(";");
  if (!signed.includes("host") || !signed.includes("x-acs-date")) {
    return refusal(400, "SignatureDoesNotMatch", "host and x-acs-date must be signed");
  }
  if (expectedSignature(req, url, body, signed, stand.accessKeySecret) !== auth[3]) {
    return refusal(400, "SignatureDoesNotMatch", "Specified signature is not matched");
  }
  return undefined;
}

const ok = (code: string, message: string, extra: Record<string, unknown> = {}): TAnswer => ({
  status: 200,
  body: { RequestId: randomUUID(), Code: code, Message: message, ...extra },
});

function templateParams(raw: string): Record<string, string> | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed);
    return entries.every(([, value]) => typeof value === "string")
      ? (Object.fromEntries(entries) as Record<string, string>)
      : null;
  } catch {
    return null;
  }
}

/** SendSms past the gate and the faults: what the service answers for the message itself. */
function sendSms(stand: TStand, query: URLSearchParams): TAnswer {
  const [phone, signName, templateCode, templateParam] = [
    "PhoneNumbers",
    "SignName",
    "TemplateCode",
    "TemplateParam",
  ].map((name) => query.get(name));
  for (const [name, value] of Object.entries({ PhoneNumbers: phone, SignName: signName })) {
    if (!value) return refusal(400, `Missing${name}`, `${name} is mandatory for this action.`);
  }
  if (!templateCode) {
    return refusal(400, "MissingTemplateCode", "TemplateCode is mandatory for this action.");
  }
  if (!MAINLAND_MOBILE.test(phone ?? "")) return ok("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
  if (signName !== stand.signName) return ok("isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名");
  if (!/^SMS_\w+$/.test(templateCode))
    return ok("isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
  const params = templateParams(templateParam ?? "{}");
  if (!params) return ok("isv.INVALID_JSON_PARAM", "JSON参数不合法,只接受字符串值");
  const bizId = `${Date.now()}${Math.floor(Math.random() * 1e6)}^0`;
  stand.delivered.push({
    bizId,
    receivedAt: new Date().toISOString(),
    phone: phone ?? "",
    signName: signName ?? "",
    templateCode,
    params,
  });
  return ok("OK", "OK", { BizId: bizId });
}

type TStand = Pick<
  TFakeSms,
  "accessKeyId" | "accessKeySecret" | "signName" | "delivered" | "requests"
> & { faults: TSmsFaults };

/** The faults that apply to this request (its phone matches), used up as they apply. */
function faultFor(stand: TStand, phone: string | null): TAnswer | "drop" | undefined {
  const { faults } = stand;
  if (faults.match && faults.match !== phone) return undefined;
  if (faults.outage === "drop") return "drop";
  if (faults.outage === "503") return refusal(503, "ServiceUnavailable", "服务暂不可用");
  if (!faults.code || (faults.times ?? 1) <= 0) return undefined;
  faults.times = (faults.times ?? 1) - 1;
  return faults.code.startsWith("Throttling")
    ? refusal(400, faults.code, "Request was denied due to user flow control.")
    : ok(faults.code, "触发流控或被拒绝");
}

function respond(res: ServerResponse, answer: TAnswer): void {
  res.writeHead(answer.status, { "content-type": "application/json;charset=utf-8" });
  res.end(JSON.stringify(answer.body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(stand: TStand, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://fake");
  const body = await readBody(req);
  if (url.pathname === "/__fake/sms" && req.method === "GET") {
    return respond(res, {
      status: 200,
      body: { delivered: stand.delivered, requests: stand.requests },
    });
  }
  if (url.pathname === "/__fake/faults" && req.method === "POST") {
    stand.faults = JSON.parse(body.toString() || "{}") as TSmsFaults;
    return respond(res, { status: 200, body: { ok: true } });
  }
  const phone = url.searchParams.get("PhoneNumbers");
  const at = new Date().toISOString();
  const refused = checkCall(stand, req, url, body);
  const fault = refused ? undefined : faultFor(stand, phone);
  if (fault === "drop") {
    stand.requests.push({ at, phone, answered: "dropped", status: "dropped" });
    req.socket.destroy();
    return;
  }
  const answer = refused ?? fault ?? sendSms(stand, url.searchParams);
  stand.requests.push({ at, phone, answered: String(answer.body.Code), status: answer.status });
  respond(res, answer);
}

export async function startFakeSms(
  options: { accessKeyId?: string; accessKeySecret?: string; signName?: string } = {},
): Promise<TFakeSms> {
  const stand: TStand = {
    accessKeyId: options.accessKeyId ?? `LTAI${randomUUID().replaceAll("-", "").slice(0, 20)}`,
    accessKeySecret: options.accessKeySecret ?? randomUUID().replaceAll("-", ""),
    signName: options.signName ?? "小程序备案中心",
    delivered: [],
    requests: [],
    faults: {},
  };
  const server = createServer((req, res) => {
    handle(stand, req, res).catch(() =>
      respond(res, refusal(500, "InternalError", "The stand-in failed.")),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    accessKeyId: stand.accessKeyId,
    accessKeySecret: stand.accessKeySecret,
    signName: stand.signName,
    env: {
      SMS_ACCESS_KEY_ID: stand.accessKeyId,
      SMS_ACCESS_KEY_SECRET: stand.accessKeySecret,
      SMS_ENDPOINT: url,
      SMS_SIGN_NAME: stand.signName,
    },
    delivered: stand.delivered,
    requests: stand.requests,
    setFaults: (faults) => {
      stand.faults = { ...faults };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
