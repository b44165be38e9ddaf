/**
 * Failed staff logins are throttled per client address, and per account at one address — never per
 * account alone: Payload's own lockout (N failures lock the account, switched off in the
 * collection) let any stranger lock any colleague out, admins included. Here a stranger who guesses
 * at an account locks out only themself; the owner still signs in from their own address.
 *
 * A login over HTTP is refused before its password is checked while its address or its account at
 * that address is over the limit (so a throttled guess learns nothing, and costs and stores
 * nothing more); otherwise it is charged to both before the check, so guesses sent at once are all
 * counted, and a successful one is handed back and clears its account-and-address count. The
 * client address is the public API's (`clientIp`: an IPv6 client counted by its /64). The store
 * follows the database like the public API's limits: in process for the embedded SQLite default,
 * which runs as one CMS process (a restart forgets the counts, giving a guesser one more window at
 * most); MongoDB in production, so every CMS instance shares them.
 */
import { createHash } from "node:crypto";
import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type Payload,
  type PayloadRequest,
} from "payload";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { TEnv } from "../../../env.ts";
import { newLimiter } from "../../../lib/limiter.ts";
import { clientIp, rateLimitKey } from "../../../public-api/clientIp.ts";

type TLoginLimiters = { account: RateLimiterAbstract; address: RateLimiterAbstract };

const limiters = new WeakMap<Payload, TLoginLimiters>();

function limiter(payload: Payload, env: TEnv, keyPrefix: string, points: number) {
  return newLimiter(payload, env, keyPrefix, { points, duration: env.LOGIN_THROTTLE_WINDOW_S });
}

function limitersFor(payload: Payload, env: TEnv): TLoginLimiters {
  let found = limiters.get(payload);
  if (!found) {
    found = {
      account: limiter(payload, env, "rl_login_account", env.LOGIN_FAILURES_PER_ACCOUNT),
      address: limiter(payload, env, "rl_login_address", env.LOGIN_FAILURES_PER_ADDRESS),
    };
    limiters.set(payload, found);
  }
  return found;
}

/**
 * What an attempt is counted against: its client's address, and the account at that address — the
 * email as a digest, so the counters hold no one's address and a long one costs no more memory.
 */
function keysOf(req: PayloadRequest, email: unknown) {
  const address = rateLimitKey(clientIp(req));
  const account = typeof email === "string" ? email.trim().toLowerCase() : "";
  const digest = createHash("sha256").update(account).digest("base64url");
  return { address, account: `${digest}|${address}` };
}

/** Seconds until `key` may try again: 0 while it is within its limit. */
async function secondsUntilAllowed(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const used = await limiter.get(key);
  if (!used || used.consumedPoints < limiter.points || used.msBeforeNext <= 0) return 0;
  return Math.ceil(used.msBeforeNext / 1000);
}

/** The 429 of a throttled login, saying when to try again. */
function throttled(req: PayloadRequest, retryAfterS: number): APIError {
  // Payload sends a request's responseHeaders with its error answer.
  req.responseHeaders ??= new Headers();
  req.responseHeaders.set("Retry-After", String(retryAfterS));
  const minutes = Math.ceil(retryAfterS / 60);
  return new APIError(
    `登录失败次数过多,请 ${minutes} 分钟后再试 / Too many failed logins; try again in ${minutes} min`,
    429,
    null,
    true,
  );
}

/** Refuses a login over HTTP from a throttled address or account-and-address, or charges it. */
export const throttleLogins =
  (env: TEnv): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    // The Local API is the CMS's own code, with no client address to count.
    if (operation !== "login" || req.payloadAPI !== "REST") return args;
    const keys = keysOf(req, (args as { data?: { email?: unknown } }).data?.email);
    const { account, address } = limitersFor(req.payload, env);
    const wait = Math.max(
      await secondsUntilAllowed(address, keys.address),
      await secondsUntilAllowed(account, keys.account),
    );
    if (wait > 0) throw throttled(req, wait);
    await account.penalty(keys.account);
    await address.penalty(keys.address);
    return args;
  };

/**
 * A successful login was no failure: it clears its account-and-address count and hands its address
 * back the point it was charged (an office signing in all morning from one address is not throttled).
 */
export const forgetFailedLogins =
  (env: TEnv): CollectionAfterLoginHook =>
  async ({ req, user }) => {
    if (req.payloadAPI !== "REST") return user;
    // The email as the attempt sent it (what throttleLogins charged), not as the account stores it.
    const keys = keysOf(req, req.data?.email);
    const { account, address } = limitersFor(req.payload, env);
    await account.delete(keys.account);
    await address.reward(keys.address);
    return user;
  };
