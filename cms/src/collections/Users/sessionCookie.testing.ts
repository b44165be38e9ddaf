/** For the tests: the session cookie a login over real HTTP sets. */
import { expect } from "vitest";
import type { TTestServer } from "../../testing/server.ts";

/** Logs in through the test server's `POST /api/users/login`; the `payload-token` Set-Cookie line. */
export async function sessionCookieOf(
  server: Pick<TTestServer, "postLogin">,
  login: { email: string; password: string },
): Promise<string | undefined> {
  const response = await server.postLogin(login);
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().find((line) => line.startsWith("payload-token="));
}
