/**
 * Accounts over real HTTP on a real SQLite database: the lockout after five failed logins holds
 * until it expires or an admin lifts it; no colleague can lift it for anyone. A login's session
 * cookie works over local http. The seeded logins
 * (DEV_LOGINS) act; each test locks throw-away accounts of its own and deletes them after.
 */
import type { TRole } from "@beian/contract";
import { zh } from "@payloadcms/translations/languages/zh";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import type { User } from "../../payload-types.ts";
import type { TTestPayload } from "../../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../../testing/server.ts";
import { sessionCookieOf } from "./sessionCookie.testing.ts";

let t: TTestPayload;
let server: TTestServer;
let close: () => Promise<void>;
let tokens: Record<TRole, string>;
const throwaway: User["id"][] = [];
let accounts = 0;

// Payload answers in the admin's fallback language (zh) when the request names none.
const WRONG_PASSWORD = { status: 401, message: zh.translations.error.emailOrPasswordIncorrect };
const LOCKED = { status: 401, message: zh.translations.error.userLocked };

async function login(email: string, password: string) {
  const response = await server.postLogin({ email, password });
  const body: { errors?: { message?: string }[] } = await response.json();
  return { status: response.status, message: body.errors?.[0]?.message };
}

function unlock(email: string, role: TRole) {
  return fetch(`${server.url}/api/users/unlock`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens[role]}` },
    body: JSON.stringify({ email }),
  });
}

/** A fresh account for this test alone, deleted after it. */
async function accountOf(role: TRole) {
  accounts += 1;
  const email = `locked-${role}-${accounts}@test.local`;
  const password = `locked-${role}-password-123`;
  const doc = await t.payload.create({ collection: "users", data: { email, password, role } });
  throwaway.push(doc.id);
  return { email, password };
}

/** Five wrong passwords in a row lock the account (auth.maxLoginAttempts). */
async function lockOut(email: string, password: string) {
  for (let i = 0; i < 5; i++) {
    expect(await login(email, "wrong-password-123")).toEqual(WRONG_PASSWORD);
  }
  expect(await login(email, password)).toEqual(LOCKED);
}

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer());
  tokens = await server.staffTokens();
});

afterEach(async () => {
  const ids = throwaway.splice(0);
  await t.payload.delete({ collection: "users", where: { id: { in: ids } } });
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

describe("POST /api/users/unlock", () => {
  it("editors and sales cannot unlock a locked account, an admin's included", async () => {
    const admin = await accountOf("admin");
    await lockOut(admin.email, admin.password);
    for (const role of ["editor", "sales"] as const) {
      expect((await unlock(admin.email, role)).status).toBe(403);
    }
    expect(await login(admin.email, admin.password)).toEqual(LOCKED);
  });

  it("sales cannot unlock a colleague; an admin can", async () => {
    const editor = await accountOf("editor");
    await lockOut(editor.email, editor.password);
    expect((await unlock(editor.email, "sales")).status).toBe(403);
    expect(await login(editor.email, editor.password)).toEqual(LOCKED);
    expect((await unlock(editor.email, "admin")).status).toBe(200);
    expect((await login(editor.email, editor.password)).status).toBe(200);
  });
});
