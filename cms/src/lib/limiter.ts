/**
 * A rate limiter (rate-limiter-flexible) in the store the database calls for: MongoDB in
 * production, so that every CMS instance counts against one shared limit; in process for the
 * embedded SQLite default (one CMS process).
 */
import type { Payload } from "payload";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterMongo,
} from "rate-limiter-flexible";
import { databaseKind, type TEnv } from "../env.ts";

export type TLimiterOptions = { points: number; duration: number };

export function newLimiter(
  payload: Payload,
  env: TEnv,
  keyPrefix: string,
  options: TLimiterOptions,
): RateLimiterAbstract {
  if (databaseKind(env.DATABASE_URI) !== "mongodb") {
    return new RateLimiterMemory({ keyPrefix, ...options });
  }
  // The MongoDB adapter's mongoose connection (the database adapter's type does not name it).
  const storeClient = "connection" in payload.db ? payload.db.connection : undefined;
  return new RateLimiterMongo({ storeClient, keyPrefix, ...options });
}
