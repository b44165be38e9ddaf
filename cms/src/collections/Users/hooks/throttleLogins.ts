/**
 * Failed staff logins are throttled per client address, and per account at one address — never per
 * account alone: Payload's own lockout (N failures lock the account, switched off in the
 * collection) let any stranger lock any colleague out, admins included. Here a stranger who guesses
 * at an account locks out only themself; the owner still signs in from their own address.
 *
 * Every attempt over HTTP is charged before its password is checked (so a throttled guess learns
 * nothing, and guesses sent in parallel are all counted); a successful one is handed back and clears
 * its account-and-address count. The client address is the public API's (`clientIp`, an IPv6 client
 * counted by its /64). The store follows the database like the public API's limits: in process for
 * the embedded SQLite default, which runs as one CMS process (a restart forgets the counts, giving
 * a guesser one more window at most); MongoDB in production, so every CMS instance shares them.
 */
import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type Payload,
  type PayloadRequest,
} from "payload";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterMongo,
} from "rate-limiter-flexible";
import { databaseKind, type TEnv } from "../../../env.ts";
import { clientIp, rateLimitKey } from "../../../public-api/clientIp.ts";
import { consume, type TOverLimit } from "../../../public-api/rateLimit.ts";

type TLoginLimiters = { account: RateLimiterAbstract; address: RateLimiterAbstract };

const limiters = new WeakMap<Payload, TLoginLimiters>();

function limiter(payload: Payload, env: TEnv, keyPrefix: string, points: number) {
  const options = { keyPrefix, points, duration: env.LOGIN_THROTTLE_WINDOW_S };
  if (databaseKind(env.DATABASE_URI) !== "mongodb") return new RateLimiterMemory(options);
  // The MongoDB adapter's mongoose connection (the database adapter's type does not name it).
  const storeClient = "connection" in payload.db ? payload.db.connection : undefined;
  return new RateLimiterMongo({ storeClient, ...options });
}

function limitersFor(payload: Payload, env: TEnv): TLoginLimiters {
  let found = limiters.get(payload);
  if (!found) {
    found = {
      account: limiter(payload, env, "login_account", env.LOGIN_FAILURES_PER_ACCOUNT),
      address: limiter(payload, env, "login_address", env.LOGIN_FAILURES_PER_ADDRESS),
    };
    limiters.set(payload, found);
  }
  return found;
}

/** What an attempt is counted against: its client's address, and the account at that address. */
function keysOf(req: PayloadRequest, email: unknown) {
  const address = rateLimitKey(clientIp(req));
  const account = typeof email === "string" ? email.trim().toLowerCase() : "";
  return { address, account: `${account}|${address}` };
}

/** The 429 of a throttled login, before its password is checked, saying when to try again. */
function throttled(req: PayloadRequest, { retryAfterS }: TOverLimit): APIError {
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

/** Charges a login over HTTP to its account-and-address and its address, or refuses it. */
export const throttleLogins =
  (env: TEnv): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    // The Local API is the CMS's own code, with no client address to count.
    if (operation !== "login" || req.payloadAPI !== "REST") return args;
    const keys = keysOf(req, (args as { data?: { email?: unknown } }).data?.email);
    const { account, address } = limitersFor(req.payload, env);
    // A throttled account-and-address costs its address nothing more.
    const charged = await consume(account, keys.account);
    if (!charged.ok) throw throttled(req, charged);
    const addressCharged = await consume(address, keys.address);
    if (!addressCharged.ok) throw throttled(req, addressCharged);
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
