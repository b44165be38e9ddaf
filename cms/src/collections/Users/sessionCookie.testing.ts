/** For the tests: the session cookie a login over real HTTP sets. */
import { expect } from "vitest";

/** Logs in through `POST /api/users/login` at `serverUrl`; the `payload-token` Set-Cookie line. */
export async function sessionCookieOf(
  serverUrl: string,
  login: { email: string; password: string },
): Promise<string | undefined> {
  const response = await fetch(`${serverUrl}/api/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(login),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().find((line) => line.startsWith("payload-token="));
}
