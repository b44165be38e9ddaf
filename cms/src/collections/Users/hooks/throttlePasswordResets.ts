import type { CollectionBeforeOperationHook } from "payload";
import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * At most one password-reset email per address a minute (and five an hour), so "forgot password"
 * cannot flood a colleague's inbox. Payload's own throttle (`minRequestInterval`) writes outside
 * the operation's transaction, which SQLite's write lock refuses (the request failed with
 * SQLITE_BUSY), so it is off and this one is used instead. A throttled request looks the same from
 * outside — Payload answers as usual — but sends nothing.
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
    return { ...args, disableEmail: true };
  }
};
