/**
 * One account, several logins at once (two tabs, two devices, a shared sales login): every one of
 * them stays logged in, and logging out ends only its own session. Real HTTP in front of a real
 * Payload, through the same front as server.ts.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { startTestServer, type TTestServer } from "../testing/server.ts";

let t: TTestPayload;
let server: TTestServer;
const account = { email: "shared-sales@agency.test", password: "shared-password-2026" };

beforeAll(async () => {
  t = await createTestPayload();
  await t.payload.create({
    collection: "users",
    data: { ...account, role: "sales", name: "共用账号" },
  });
  server = await startTestServer(t);
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/users${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });
const me = async (token: string) =>
  (
    (await (await api("/me", { headers: { Authorization: `JWT ${token}` } })).json()) as {
      user: { email: string } | null;
    }
  ).user?.email;

it("simultaneous logins to one account all stay logged in; a logout ends only its own", async () => {
  const logins = await Promise.all(
    Array.from({ length: 6 }, () =>
      api("/login", { method: "POST", body: JSON.stringify(account) }),
    ),
  );
  expect(logins.map((response) => response.status)).toEqual(Array(6).fill(200));
  const tokens = await Promise.all(
    logins.map(async (response) => ((await response.json()) as { token: string }).token),
  );
  expect(await Promise.all(tokens.map(me))).toEqual(Array(6).fill(account.email));

  const [first, ...others] = tokens as [string, ...string[]];
  const logout = await api("/logout", {
    method: "POST",
    headers: { Authorization: `JWT ${first}` },
  });
  expect(logout.status).toBe(200);
  expect(await me(first)).toBeUndefined();
  expect(await Promise.all(others.map(me))).toEqual(Array(5).fill(account.email));
});
