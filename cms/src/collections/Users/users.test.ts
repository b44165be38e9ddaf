/**
 * Accounts over real HTTP on a real SQLite database: the lockout after five failed logins holds
 * until it expires or an admin lifts it; no colleague can lift it for anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../seed/index.ts";
import { createTestPayload, type TTestPayload } from "../../testing/payload.ts";
import { startTestServer, type TTestServer } from "../../testing/server.ts";

let t: TTestPayload;
let server: TTestServer;
const tokens: Record<string, string> = {};
const password = (role: string) => `beian-${role}-dev-2026`;

function login(email: string, secret: string) {
  return fetch(`${server.url}/api/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: secret }),
  });
}

function unlock(email: string, role: string) {
  return fetch(`${server.url}/api/users/unlock`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens[role]}` },
    body: JSON.stringify({ email }),
  });
}

/** Five wrong passwords in a row lock the account (auth.maxLoginAttempts). */
async function lockOut(email: string) {
  for (let i = 0; i < 5; i++) await login(email, "wrong-password-123");
  expect((await login(email, password(email.split("@")[0] ?? ""))).status).not.toBe(200);
}

beforeAll(async () => {
  t = await createTestPayload();
  await seed(t.payload, t.env);
  server = await startTestServer(t);
  for (const role of ["admin", "editor", "sales"]) {
    const response = await login(`${role}@example.com`, password(role));
    expect(response.status).toBe(200);
    tokens[role] = (await response.json()).token;
  }
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe("POST /api/users/unlock", () => {
  it("editors and sales cannot unlock a locked account, the admin's included", async () => {
    await lockOut("admin@example.com");
    for (const role of ["editor", "sales"]) {
      expect((await unlock("admin@example.com", role)).status).toBe(403);
    }
    expect((await login("admin@example.com", password("admin"))).status).not.toBe(200);
  });

  it("sales cannot unlock a colleague; an admin can", async () => {
    await lockOut("editor@example.com");
    expect((await unlock("editor@example.com", "sales")).status).toBe(403);
    expect((await login("editor@example.com", password("editor"))).status).not.toBe(200);
    const unlocked = await unlock("editor@example.com", "admin");
    expect(unlocked.status).toBe(200);
    expect((await login("editor@example.com", password("editor"))).status).toBe(200);
  });
});
