/**
 * The session cookie of a CMS served over https, over real HTTP: `Secure`, so a browser never sends
 * the session in clear. (users.test.ts checks that a local http CMS's cookie is not Secure, since a
 * browser drops a Secure cookie over http and nobody could log in.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import { startSeededServer, type TSeededServer } from "../../testing/server.ts";
import { sessionCookieOf } from "./sessionCookie.testing.ts";

let seeded: TSeededServer;

beforeAll(async () => {
  seeded = await startSeededServer({ CMS_URL: "https://cms.test" });
});

afterAll(() => seeded?.close());

describe("session cookie with an https CMS_URL", () => {
  it("is Secure", async () => {
    const cookie = await sessionCookieOf(seeded.server, DEV_LOGINS.admin);
    expect(cookie).toMatch(/;\s*Secure\b/i);
  });
});
