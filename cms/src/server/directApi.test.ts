/**
 * The direct public API of server.ts (directApi.ts): which requests it takes, the hand-over from
 * the Payload that starts, and what the client gets — over real HTTP, with a handler standing in
 * for Payload's (the real one answers every public request of the end-to-end tests).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  answerDirectly,
  handToFront,
  isPublicApiRequest,
  openDirectApi,
  type TWebHandler,
} from "./directApi.ts";
import { SECURITY_HEADERS } from "./securityHeaders.ts";
import { acceptsGzip } from "./webExchange.ts";

const SLOT = Symbol.for("beian.cms.directApi");
const forgetSlot = () => delete (globalThis as Record<symbol, unknown>)[SLOT];

let server: Server | undefined;
afterEach(async () => {
  forgetSlot();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A server that answers everything through `answerDirectly(handler)`. */
async function serve(handler: TWebHandler): Promise<string> {
  server = createServer((req, res) => void answerDirectly(req, res, handler, "http://cms.test"));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Echoes what the handler was given. */
const echo: TWebHandler = async (request) =>
  Response.json(
    {
      url: request.url,
      method: request.method,
      type: request.headers.get("content-type"),
      body: request.method === "GET" ? null : await request.text(),
    },
    { status: 201, headers: { "X-From": "handler" } },
  );

describe("isPublicApiRequest", () => {
  const of = (url: string, method = "POST") =>
    isPublicApiRequest({ url, method } as IncomingMessage);
  it("takes /api/public/… (but not HEAD, which Next answers from GET) and nothing else", () => {
    expect(of("/api/public/leads")).toBe(true);
    expect(of("/api/public/orders/lookup?x=1")).toBe(true);
    expect(of("/api/public/widget-config?partner=direct", "GET")).toBe(true);
    expect(of("/api/public/widget-config?partner=direct", "HEAD")).toBe(false);
    expect(of("/api/public")).toBe(false);
    expect(of("/api/leads")).toBe(false);
    expect(of("/admin")).toBe(false);
    // Where Payload would route it: a login, left to Next.
    expect(of("/api/public/../users/login")).toBe(false);
    expect(of("http://[")).toBe(false);
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding as a list with weights", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0.0, br")).toBe(false);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
    expect(acceptsGzip("x-gzip-not, identity")).toBe(false);
    expect(acceptsGzip("")).toBe(false);
  });
});

describe("the hand-over", () => {
  it("goes nowhere until a front opens the slot, then reaches it", async () => {
    expect(handToFront(echo)).toBe(false);
    const slot = openDirectApi();
    expect(slot.handler).toBeUndefined();
    expect(handToFront(echo)).toBe(true);
    expect(openDirectApi().handler).toBe(echo);
  });
});

describe("answerDirectly", () => {
  it("gives the handler the request and the client its answer, with the CMS's headers", async () => {
    const url = await serve(echo);
    const response = await fetch(`${url}/api/public/leads?from=widget`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "张三" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-from")).toBe("handler");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(response.headers.get(name)).toBe(value);
    }
    expect(await response.json()).toEqual({
      url: "http://cms.test/api/public/leads?from=widget",
      method: "POST",
      type: "application/json",
      body: JSON.stringify({ name: "张三" }),
    });
  });

  it("streams a large or chunked body to the handler whole", async () => {
    const url = await serve(echo);
    const large = "备".repeat(40_000);
    const declared = await fetch(`${url}/api/public/leads`, { method: "POST", body: large });
    expect(((await declared.json()) as { body: string }).body).toBe(large);
    const chunked = await fetch(`${url}/api/public/leads`, {
      method: "POST",
      body: new Blob([large]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(((await chunked.json()) as { body: string }).body).toBe(large);
  });

  it("lets the handler's own header win over the CMS's default of that name", async () => {
    const url = await serve(
      async () => new Response("x", { headers: { "Referrer-Policy": "no-referrer" } }),
    );
    const response = await fetch(`${url}/api/public/customer/materials/1`);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps every cookie the handler sets", async () => {
    const url = await serve(async () => {
      const headers = new Headers();
      headers.append("Set-Cookie", "a=1; Path=/");
      headers.append("Set-Cookie", "b=2; Path=/");
      return new Response(null, { status: 204, headers });
    });
    const response = await fetch(`${url}/api/public/leads`, { method: "POST", body: "{}" });
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("gzips text answers for clients that accept it, as Next does", async () => {
    const config = {
      partner: { key: "direct", name: "小程序备案中心" },
      texts: "备案".repeat(300),
    };
    const url = await serve(async (request) =>
      request.url.endsWith("/tiny")
        ? Response.json({ ok: true })
        : request.url.endsWith("/image")
          ? new Response("x".repeat(2000), { headers: { "Content-Type": "image/png" } })
          : Response.json(config, { headers: { Vary: "Origin" } }),
    );
    const get = (path: string, encoding = "gzip, deflate, br") =>
      fetch(`${url}/api/public/${path}`, { headers: { "Accept-Encoding": encoding } });
    const json = await get("widget-config");
    expect(json.headers.get("content-encoding")).toBe("gzip");
    expect(json.headers.get("vary")).toBe("Origin, Accept-Encoding");
    expect(Number(json.headers.get("content-length"))).toBeLessThan(JSON.stringify(config).length);
    expect(await json.json()).toEqual(config);
    const plain = await get("widget-config", "identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.json()).toEqual(config);
    expect((await get("tiny")).headers.get("content-encoding")).toBeNull();
    expect((await get("image")).headers.get("content-encoding")).toBeNull();
  });

  it("answers the contract's 500, in the client's language, when the handler throws", async () => {
    const url = await serve(async () => {
      throw new Error("the handler failed");
    });
    const response = await fetch(`${url}/api/public/leads`, {
      method: "POST",
      headers: { "Accept-Language": "en" },
      body: "{}",
    });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("internal_error");
    expect(error.message).toMatch(/[a-z]/i);
    expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
