/**
 * Without TRUST_PROXY (the default) the client's address is the socket's: a client that sends its
 * own X-Forwarded-For changes nothing (the CMS's server, like this test server, replaces it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

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
