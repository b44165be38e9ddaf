/**
 * Request bodies are refused over their route's limit at the HTTP front (the test server's, the
 * same as cms/server.ts's) before the CMS reads them: a declared length at once, a chunked body as
 * soon as it passes the limit. Accounts take 16 KiB like the public API, the rest of the API 2 MiB,
 * and an editor's image upload what Media allows.
 */
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../devLogins.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

let server: TTestServer;
let close: () => Promise<void>;

const KiB = 1024;
const MiB = 1024 * KiB;
const TOO_LARGE = {
  "zh-CN": { error: { code: "payload_too_large", message: "提交内容过大" } },
  en: { error: { code: "payload_too_large", message: "The submission is too large" } },
};

beforeAll(async () => {
  ({ server, close } = await startSeededServer());
});

afterAll(() => close?.());

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
}

/** A login with the right password, padded to `size` bytes of JSON. */
function paddedLogin(size: number): string {
  const login = { ...DEV_LOGINS.admin, padding: "" };
  return JSON.stringify({ ...login, padding: "x".repeat(size - JSON.stringify(login).length) });
}

/**
 * Writes `request` over a connection of its own and returns what the server answered within
 * 5 seconds, leaving the connection open (a body never finished, still waiting to be sent).
 */
function exchange(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
    let answer = "";
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, 5000);
    socket.on("data", (data) => {
      answer += data.toString();
    });
    socket.on("end", done);
    socket.on("error", done);
    socket.write(request);
  });
}

function head(path: string, headers: string[]): string {
  return [`POST ${path} HTTP/1.1`, "Host: 127.0.0.1", ...headers, "", ""].join("\r\n");
}

function chunked(size: number, chunkSize = 4 * KiB): string {
  const chunk = `${chunkSize.toString(16)}\r\n${"x".repeat(chunkSize)}\r\n`;
  return chunk.repeat(Math.ceil(size / chunkSize));
}

/** The answer's status line and its JSON body. */
function parse(answer: string) {
  const [top = "", body = ""] = answer.split("\r\n\r\n");
  return { status: Number(top.split(" ")[1]), body: body ? JSON.parse(body) : undefined };
}

describe("accounts: /api/users/*", () => {
  it("a login over 16 KiB is refused 413 in the contract's shape, in the caller's language", async () => {
    const body = paddedLogin(17 * KiB);
    const zh = await post("/api/users/login", body);
    expect(zh.status).toBe(413);
    expect(await zh.json()).toEqual(TOO_LARGE["zh-CN"]);
    const en = await post("/api/users/login", body, { "Accept-Language": "en" });
    expect(en.status).toBe(413);
    expect(await en.json()).toEqual(TOO_LARGE.en);
  });

  it("a login under 16 KiB is read as before", async () => {
    expect((await post("/api/users/login", paddedLogin(15 * KiB))).status).toBe(200);
  });

  it.each(["/api/users/forgot-password", "/api/users/reset-password"])(
    "%s over 16 KiB is refused 413",
    async (path) => {
      const response = await post(path, JSON.stringify({ email: "x".repeat(17 * KiB) }));
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual(TOO_LARGE["zh-CN"]);
    },
  );

  it("a declared length over the limit is refused before any of the body is sent", async () => {
    const answer = await exchange(
      head("/api/users/login", ["Content-Type: application/json", `Content-Length: ${8 * MiB}`]),
    );
    expect(parse(answer)).toEqual({ status: 413, body: TOO_LARGE["zh-CN"] });
  });

  it("a client that asks before sending a body over the limit is refused instead of told to go on", async () => {
    const answer = await exchange(
      head("/api/users/login", [
        "Content-Type: application/json",
        `Content-Length: ${8 * MiB}`,
        "Expect: 100-continue",
      ]),
    );
    expect(parse(answer)).toEqual({ status: 413, body: TOO_LARGE["zh-CN"] });
  });

  it("a client that asks before sending a body within the limit is told to go on", async () => {
    const body = JSON.stringify(DEV_LOGINS.sales);
    const answer = await exchange(
      head("/api/users/login", [
        "Content-Type: application/json",
        `Content-Length: ${body.length}`,
        "Expect: 100-continue",
        "Connection: close",
      ]) + body,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
  });

  it("a chunked body is refused once it passes the limit, without waiting for its end", async () => {
    const request = head("/api/users/login", [
      "Content-Type: application/json",
      "Transfer-Encoding: chunked",
    ]);
    // 20 KiB sent, and the body never finished.
    expect(parse(await exchange(request + chunked(20 * KiB)))).toEqual({
      status: 413,
      body: TOO_LARGE["zh-CN"],
    });
  });

  it("a chunked login under the limit is passed on whole", async () => {
    const body = new TextEncoder().encode(JSON.stringify(DEV_LOGINS.editor));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body.slice(0, 10));
        controller.enqueue(body.slice(10));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/api/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe(
      DEV_LOGINS.editor.email,
    );
  });
});

describe("an address the front cannot read", () => {
  it("gets the strictest limit (and the server stays up)", async () => {
    const request = [
      "POST http://[ HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      `Content-Length: ${17 * KiB}`,
      "",
      "",
    ].join("\r\n");
    expect(parse(await exchange(request))).toEqual({ status: 413, body: TOO_LARGE["zh-CN"] });
    expect((await post("/api/users/login", JSON.stringify(DEV_LOGINS.sales))).status).toBe(200);
  });
});

describe("the rest of the API", () => {
  it("a JSON body over 2 MiB is refused 413, whoever sends it", async () => {
    const response = await post("/api/faqs", JSON.stringify({ question: "x".repeat(3 * MiB) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE["zh-CN"]);
  });

  it("an editor's image upload over 2 MiB is stored", async () => {
    const token = await server.login(DEV_LOGINS.editor.email, DEV_LOGINS.editor.password);
    // Noise does not compress: a 1024×1024 PNG of it is over 3 MiB.
    const png = await sharp(randomBytes(1024 * 1024 * 3), {
      raw: { width: 1024, height: 1024, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.byteLength).toBeGreaterThan(3 * MiB);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "noise.png");
    form.append("_payload", JSON.stringify({ alt: "噪点" }));
    const response = await fetch(`${server.url}/api/media`, {
      method: "POST",
      headers: { Authorization: `JWT ${token}` },
      body: form,
    });
    expect(response.status).toBe(201);
  });

  it("an upload over what Media allows is refused before it is sent", async () => {
    const answer = await exchange(
      head("/api/media", [
        "Content-Type: multipart/form-data; boundary=x",
        `Content-Length: ${12 * MiB}`,
      ]),
    );
    expect(parse(answer)).toEqual({ status: 413, body: TOO_LARGE["zh-CN"] });
  });
});
