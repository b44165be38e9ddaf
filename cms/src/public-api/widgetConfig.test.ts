/**
 * `GET /api/public/widget-config` over real HTTP: readable from any origin (CORS `*`), and a page
 * on an origin the partner has not allowed is told so with a 403 `origin_not_allowed`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

const SITE = "http://site.test";
const PARTNER_ORIGIN = "https://yunfan.example.com";
let server: TTestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ server, close } = await startSeededServer({ SITE_URL: SITE }));
});

afterAll(() => close?.());

const config = (partner: string, origin?: string) =>
  fetch(`${server.url}/api/public/widget-config?partner=${partner}`, {
    headers: { ...(origin ? { Origin: origin } : {}), "Accept-Language": "zh-CN" },
  });

describe("GET /api/public/widget-config and the page's origin", () => {
  it("answers the partner's allowed origins, the site and requests without Origin, readable by all", async () => {
    for (const origin of [PARTNER_ORIGIN, SITE, undefined]) {
      const response = await config("yunfan", origin);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
      expect(response.headers.get("cache-control")).toMatch(/public/);
    }
  });

  it("tells a page on another origin, readably, which origin to add where (403 origin_not_allowed)", async () => {
    const response = await config("yunfan", "https://shop.example.net");
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("origin_not_allowed");
    expect(body.error.message).toContain("https://shop.example.net");
    expect(body.error.message).toContain("合作伙伴 › ");
    expect(body.error.message).toContain("允许的来源");
  });

  it("does not let one partner's origin use another partner's configuration", async () => {
    expect((await config("direct", PARTNER_ORIGIN)).status).toBe(403);
  });

  it("still answers an unknown partner with 404, whatever the origin", async () => {
    expect((await config("nope", "https://shop.example.net")).status).toBe(404);
  });
});
