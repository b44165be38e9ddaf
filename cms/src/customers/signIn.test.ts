/**
 * Sign-in codes and sessions on a real SQLite database: a code kept only as a keyed hash, valid 5
 * minutes, good once, void when a newer one is sent or after 5 wrong tries (guesses sent at once
 * included); the send limits; a session found by its cookie until it ends or expires.
 */
import { createLocalReq, type Payload, type PayloadRequest } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEnv } from "../env.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { CODE_TTL_MS, chargeCodeSend, checkCode, issueCode, MAX_WRONG_TRIES } from "./codes.ts";
import {
  endSession,
  openSession,
  SESSION_COOKIE,
  SESSION_MAX_AGE_S,
  sessionCookie,
  sessionCustomer,
} from "./sessions.ts";

let t: TTestPayload;
let payload: Payload;
let env: TEnv;
let req: PayloadRequest;
let serial = 0;
/** A phone of each test's own: the limits are per phone. */
function nextPhone(): string {
  serial += 1;
  return `1390000${String(serial).padStart(4, "0")}`;
}
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

beforeAll(async () => {
  t = await createTestPayload();
  ({ payload, env } = t);
  req = await createLocalReq({}, payload);
});
afterAll(() => t?.close());

describe("codes", () => {
  it("are six digits kept only as a hash, and good once", async () => {
    const phone = nextPhone();
    const code = await issueCode(req, env, phone);
    expect(code).toMatch(/^\d{6}$/);
    const { docs } = await payload.find({
      collection: "customer-codes",
      where: { phone: { equals: phone } },
    });
    expect(docs).toHaveLength(1);
    expect(JSON.stringify(docs)).not.toContain(code);
    expect(await checkCode(req, env, phone, code)).toEqual({ outcome: "ok" });
    expect(await checkCode(req, env, phone, code)).toEqual({ outcome: "wrong" });
  });

  it("expire after 5 minutes", async () => {
    const phone = nextPhone();
    const sent = new Date();
    const code = await issueCode(req, env, phone, sent);
    const late = new Date(sent.getTime() + CODE_TTL_MS + 1000);
    expect(await checkCode(req, env, phone, code, late)).toEqual({ outcome: "wrong" });
    const inTime = new Date(sent.getTime() + CODE_TTL_MS - 1000);
    expect(await checkCode(req, env, phone, code, inTime)).toEqual({ outcome: "ok" });
  });

  it("stop working when a newer one is sent, and belong to their phone alone", async () => {
    const phone = nextPhone();
    const older = await issueCode(req, env, phone);
    const newer = await issueCode(req, env, phone);
    if (older !== newer)
      expect(await checkCode(req, env, phone, older)).toEqual({ outcome: "wrong" });
    expect(await checkCode(req, env, nextPhone(), newer)).toEqual({ outcome: "wrong" });
    expect(await checkCode(req, env, phone, newer)).toEqual({ outcome: "ok" });
  });

  it("are void after 5 wrong tries, the right one included, until a new code is sent", async () => {
    const phone = nextPhone();
    const code = await issueCode(req, env, phone);
    for (let i = 0; i < MAX_WRONG_TRIES; i++) {
      expect(await checkCode(req, env, phone, wrongOf(code))).toEqual({ outcome: "wrong" });
    }
    expect(await checkCode(req, env, phone, code)).toMatchObject({ outcome: "void" });
    const fresh = await issueCode(req, env, phone);
    expect(await checkCode(req, env, phone, fresh)).toEqual({ outcome: "ok" });
  });

  it("count every guess of a burst sent at once", async () => {
    const phone = nextPhone();
    const code = await issueCode(req, env, phone);
    const guesses = Array.from({ length: 40 }, (_, i) => String(i).padStart(6, "0"));
    const answers = await Promise.all(
      guesses.filter((guess) => guess !== code).map((guess) => checkCode(req, env, phone, guess)),
    );
    expect(answers.filter((answer) => answer.outcome === "wrong")).toHaveLength(MAX_WRONG_TRIES);
    expect(await checkCode(req, env, phone, code)).toMatchObject({ outcome: "void" });
  });
});

describe("sending", () => {
  it("allows one code a minute per phone", async () => {
    const phone = nextPhone();
    expect(await chargeCodeSend(req, env, phone)).toEqual({ ok: true });
    const again = await chargeCodeSend(req, env, phone);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.retryAfterS).toBeGreaterThan(50);
    expect(await chargeCodeSend(req, env, nextPhone())).toEqual({ ok: true });
  });
});

describe("sessions", () => {
  const withCookie = (token: string | undefined) =>
    ({
      ...req,
      payload,
      headers: new Headers(
        token === undefined ? {} : { cookie: `a=b; ${SESSION_COOKIE}=${token}` },
      ),
    }) as PayloadRequest;

  it("find their customer by the cookie, create the account once, and end", async () => {
    const phone = nextPhone();
    const first = await openSession(req, phone);
    const second = await openSession(req, phone);
    expect(second.customer.id).toBe(first.customer.id);
    expect((await sessionCustomer(withCookie(first.token)))?.phone).toBe(phone);
    expect(await sessionCustomer(withCookie(`${first.token}x`))).toBeUndefined();
    expect(await sessionCustomer(withCookie(undefined))).toBeUndefined();
    await endSession(withCookie(first.token));
    expect(await sessionCustomer(withCookie(first.token))).toBeUndefined();
    expect((await sessionCustomer(withCookie(second.token)))?.phone).toBe(phone);
    const stored = JSON.stringify(
      (await payload.find({ collection: "customer-sessions", pagination: false })).docs,
    );
    expect(stored).not.toContain(second.token);
  });

  it("expire 7 days after sign-in", async () => {
    const opened = new Date();
    const { token } = await openSession(req, nextPhone(), opened);
    const later = new Date(opened.getTime() + SESSION_MAX_AGE_S * 1000 + 1000);
    expect(await sessionCustomer(withCookie(token), later)).toBeUndefined();
  });

  it("ride in an HttpOnly, SameSite=Lax cookie of the customer API alone, Secure on https", () => {
    expect(sessionCookie("t", false)).toBe(
      `${SESSION_COOKIE}=t; Path=/api/public/customer; Max-Age=${SESSION_MAX_AGE_S}; HttpOnly; SameSite=Lax`,
    );
    expect(sessionCookie("t", true)).toMatch(/; Secure$/);
  });
});
