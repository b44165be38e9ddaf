/**
 * Without TRUST_PROXY (the default) the client's address is the socket's: a client that sends its
 * own X-Forwarded-For changes nothing (the CMS's server, like this test server, replaces it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer, type TTestServer } from "../testing/server.ts";
import { rateLimitKey } from "./clientIp.ts";

let server: TTestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ server, close } = await startSeededServer({
    SITE_URL: "http://site.test",
    TRUST_PROXY: "false",
    RATE_LIMIT_POINTS: "3",
  }));
});

afterAll(() => close?.());

describe("the rate limit's client identity without TRUST_PROXY", () => {
  it("ignores a spoofed X-Forwarded-For, first or last entry", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await server.postPublic(
        "leads",
        {
          name: "周八",
          phone: "13500135000",
          consent: { privacy: true },
          elapsedMs: 8_000,
        },
        { headers: { "X-Forwarded-For": i % 2 ? `198.51.100.${i}` : `10.1.1.1, 198.51.100.${i}` } },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });
});

describe("rateLimitKey", () => {
  it("counts an IPv4 address as itself, also when written IPv4-mapped", () => {
    expect(rateLimitKey("198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    const key = "2001:db8:0:1::/64";
    for (const ip of ["2001:db8:0:1::1", "2001:0db8:0000:0001:ffff:0:0:2", "2001:DB8::1:0:0:0:3"]) {
      expect(rateLimitKey(ip)).toBe(key);
    }
    expect(rateLimitKey("2001:db8:0:2::1")).not.toBe(key);
    expect(rateLimitKey("::1")).toBe("0:0:0:0::/64");
  });
});
