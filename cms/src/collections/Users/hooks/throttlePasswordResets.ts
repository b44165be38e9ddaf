import { APIError, type CollectionBeforeOperationHook } from "payload";
import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * At most one password-reset email per address a minute (and five an hour), so "forgot password"
 * cannot flood a colleague's inbox. Payload's own throttle (`minRequestInterval`) writes outside
 * the operation's transaction, which SQLite's write lock refuses (the request failed with
 * SQLITE_BUSY), so it is off and this one is used instead. A throttled request is refused with a
 * 429 before anything is written — the link already sent stays valid — and the answer is the same
 * whether the address has an account or not.
 */
const perMinute = new RateLimiterMemory({ keyPrefix: "reset-1m", points: 1, duration: 60 });
const perHour = new RateLimiterMemory({ keyPrefix: "reset-1h", points: 5, duration: 3600 });

export const throttlePasswordResets: CollectionBeforeOperationHook = async ({
  args,
  operation,
}) => {
  if (operation !== "forgotPassword") return args;
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? "")
    .trim()
    .toLowerCase();
  if (!email) return args;
  try {
    await perMinute.consume(email);
    await perHour.consume(email);
    return args;
  } catch {
    throw new APIError(
      "重置密码邮件已发送,请稍后再试 / A reset email was sent; try again later",
      429,
      null,
      true,
    );
  }
};
