/**
 * Staff logins over real HTTP on a real SQLite database. Failed logins are throttled per client
 * address and per account at that address, never per account: a stranger who guesses at an
 * account locks out only themself, and the account's owner still signs in from their own address.
 * Each test is a client at addresses of its own (`X-Forwarded-For`, with TRUST_PROXY), and acts on
 * the seeded logins (DEV_LOGINS). A login's session cookie works over local http.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import { startSeededServer, type TTestServer } from "../../testing/server.ts";
import { sessionCookieOf } from "./sessionCookie.testing.ts";

let server: TTestServer;
let close: () => Promise<void>;

/** The default policy (env LOGIN_*): failures per account at one address, per address, window. */
const ACCOUNT_FAILURES = 5;
const ADDRESS_FAILURES = 20;
const WINDOW_S = 15 * 60;
const WRONG_PASSWORD = "wrong-password-123";

let addresses = 0;
/** A client address no other test uses. */
function newAddress(): string {
  addresses += 1;
  return `198.51.100.${addresses}`;
}

type TLogin = { email: string; password: string };

async function login(from: string, { email, password }: TLogin) {
  const response = await server.postLogin(
    { email, password },
    { headers: { "X-Forwarded-For": from } },
  );
  const body: { errors?: { message?: string }[] } = await response.json();
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    message: body.errors?.[0]?.message,
  };
}

/** `times` wrong passwords for `email` from `from`, each refused as a wrong password (401). */
async function failLogins(from: string, email: string, times: number) {
  for (let i = 0; i < times; i++) {
    expect((await login(from, { email, password: WRONG_PASSWORD })).status).toBe(401);
  }
}

/** A refusal for too many failed logins: 429, when to try again, in Chinese and English. */
function expectThrottled(answer: Awaited<ReturnType<typeof login>>) {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(WINDOW_S);
  expect(answer.message).toMatch(/登录失败次数过多/);
  expect(answer.message).toMatch(/Too many failed logins/);
}

beforeAll(async () => {
  ({ server, close } = await startSeededServer({ TRUST_PROXY: "true" }));
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => close?.());

describe("POST /api/users/login", () => {
  // A browser drops a Secure cookie over http: a local http CMS would let nobody log in.
  // (sessionCookie.test.ts: an https CMS_URL makes it Secure.)
  it("sets a session cookie that is not Secure on a local http CMS", async () => {
    const cookie = await sessionCookieOf(server, DEV_LOGINS.sales);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure\b/i);
  });
});

describe("failed logins", () => {
  it("a stranger guessing at the admin's password locks out the stranger, not the admin", async () => {
    const stranger = newAddress();
    await failLogins(stranger, DEV_LOGINS.admin.email, ACCOUNT_FAILURES);
    // Refused before the password is checked: the right one is refused like a wrong one.
    const right = await login(stranger, DEV_LOGINS.admin);
    expectThrottled(right);
    const wrong = await login(stranger, { ...DEV_LOGINS.admin, password: WRONG_PASSWORD });
    expect({ status: wrong.status, message: wrong.message }).toEqual({
      status: right.status,
      message: right.message,
    });
    expect((await login(newAddress(), DEV_LOGINS.admin)).status).toBe(200);
  });

  it("an address that fails on many accounts is refused on every account; others are not", async () => {
    const stranger = newAddress();
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      await failLogins(stranger, `nobody-${i}@test.local`, 1);
    }
    expectThrottled(await login(stranger, DEV_LOGINS.sales));
    expect((await login(newAddress(), DEV_LOGINS.sales)).status).toBe(200);
  });

  it("counts an IPv6 client by its /64, as the public API does", async () => {
    await failLogins("2001:db8:7:1::1", DEV_LOGINS.editor.email, ACCOUNT_FAILURES);
    expectThrottled(await login("2001:db8:7:1::beef", DEV_LOGINS.editor));
    expect((await login("2001:db8:7:2::1", DEV_LOGINS.editor)).status).toBe(200);
  });

  it("a refused attempt costs its address nothing more: retries of one account leave the others", async () => {
    const owner = newAddress();
    await failLogins(owner, DEV_LOGINS.sales.email, ACCOUNT_FAILURES);
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      expectThrottled(await login(owner, DEV_LOGINS.sales));
    }
    expect((await login(owner, DEV_LOGINS.admin)).status).toBe(200);
  });

  it("a successful login forgets that address's failures on the account", async () => {
    const owner = newAddress();
    await failLogins(owner, DEV_LOGINS.editor.email, ACCOUNT_FAILURES - 1);
    expect((await login(owner, DEV_LOGINS.editor)).status).toBe(200);
    await failLogins(owner, DEV_LOGINS.editor.email, ACCOUNT_FAILURES - 1);
    expect((await login(owner, DEV_LOGINS.editor)).status).toBe(200);
  });

  it("a successful login does not count against its address", async () => {
    const office = newAddress();
    for (let i = 0; i < ADDRESS_FAILURES + 1; i++) {
      expect((await login(office, DEV_LOGINS.sales)).status).toBe(200);
    }
  });

  it("lifts when the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    const start = Date.now();
    const stranger = newAddress();
    await failLogins(stranger, DEV_LOGINS.sales.email, ACCOUNT_FAILURES);
    expectThrottled(await login(stranger, DEV_LOGINS.sales));
    vi.setSystemTime(start + (WINDOW_S - 60) * 1000);
    expectThrottled(await login(stranger, DEV_LOGINS.sales));
    vi.setSystemTime(start + (WINDOW_S + 1) * 1000);
    expect((await login(stranger, DEV_LOGINS.sales)).status).toBe(200);
  });
});

describe("POST /api/users/unlock", () => {
  // No account is ever locked, so there is nothing to unlock; Payload's own endpoint would
  // otherwise answer any colleague "unlocked".
  it("is refused to everyone, admins included", async () => {
    const token = await server.login(DEV_LOGINS.admin.email, DEV_LOGINS.admin.password);
    const response = await fetch(`${server.url}/api/users/unlock`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${token}` },
      body: JSON.stringify({ email: DEV_LOGINS.editor.email }),
    });
    expect(response.status).toBe(403);
  });
});
