/**
 * Nothing typed is lost: a submission is stored in localStorage before it is sent, retried with
 * exponential backoff on network failures and 5xx, and resent on the next page load (with the same
 * Idempotency-Key, so the server stores it once) until it is answered or 24 h old.
 */
import type { TLocale } from "@beian/contract";
import type { TFormKind } from "./constants.ts";

export const PENDING_KEY = "beian-widget:pending";
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;
/** Waits before the 2nd, 3rd, ... attempt; after the last one the submission stays stored. */
export const BACKOFF_MS: readonly number[] = [1000, 2000, 4000, 8000];
const REQUEST_TIMEOUT_MS = 20_000;

export type TPending = {
  kind: TFormKind;
  url: string;
  body: unknown;
  key: string;
  createdAt: number;
  lang?: TLocale;
};
export type TStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;
export type TServerError = { code: string; message: string; fields?: Record<string, string> };
export type TOutcome =
  | { type: "created"; status: number; data: Record<string, unknown> }
  | { type: "rejected"; status: number; error: TServerError }
  | { type: "failed" };

export type TDeliverDeps = {
  fetch: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry, with the attempt about to be made (2, 3, ...) and the wait. */
  onRetry?: (attempt: number, delayMs: number) => void;
};

/** The page's localStorage, or undefined where it is unavailable (blocked, sandboxed iframe). */
export function storageOf(win: { localStorage: Storage }): TStorage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

export function savePending(storage: TStorage | undefined, entry: TPending): boolean {
  try {
    storage?.setItem(PENDING_KEY, JSON.stringify(entry));
    return !!storage;
  } catch {
    return false;
  }
}

/** The stored submission, unless there is none, it is malformed or older than 24 h (then dropped). */
export function readPending(storage: TStorage | undefined, now = Date.now()): TPending | undefined {
  try {
    const raw = storage?.getItem(PENDING_KEY);
    if (!raw) return undefined;
    const entry = JSON.parse(raw) as Partial<TPending> | null;
    const fresh =
      typeof entry?.createdAt === "number" &&
      now - entry.createdAt < PENDING_TTL_MS &&
      entry.createdAt <= now + 60_000;
    if (
      fresh &&
      (entry.kind === "lead" || entry.kind === "order") &&
      typeof entry.url === "string" &&
      typeof entry.key === "string" &&
      entry.body !== undefined
    ) {
      return entry as TPending;
    }
    storage?.removeItem(PENDING_KEY);
  } catch {
    // unreadable storage or JSON: nothing to resend
  }
  return undefined;
}

/** Removes the stored submission if it is the one with this key (a newer one is kept). */
export function clearPending(storage: TStorage | undefined, key: string): void {
  try {
    const raw = storage?.getItem(PENDING_KEY);
    if (raw && (JSON.parse(raw) as { key?: unknown } | null)?.key === key) {
      storage?.removeItem(PENDING_KEY);
    }
  } catch {
    storage?.removeItem(PENDING_KEY);
  }
}

/** An RFC 4122 v4 id; `randomUUID` exists only in secure contexts, so http pages use the fallback. */
export function newKey(
  c: Pick<Crypto, "getRandomValues"> & { randomUUID?: () => string } = crypto,
) {
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 15) | 64;
  b[8] = ((b[8] ?? 0) & 63) | 128;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function attempt(entry: TPending, fetchFn: typeof fetch): Promise<TOutcome | undefined> {
  let response: Response;
  try {
    response = await fetchFn(entry.url, {
      method: "POST",
      credentials: "omit",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "Accept-Language": entry.lang ?? "zh-CN",
        "Idempotency-Key": entry.key,
      },
      body: JSON.stringify(entry.body),
      signal: AbortSignal.timeout?.(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return undefined;
  }
  const { status } = response;
  if (status >= 500 || status === 408) return undefined;
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { type: "created", status, data: json };
  const error = json.error as TServerError | undefined;
  return {
    type: "rejected",
    status,
    error:
      typeof error?.code === "string"
        ? error
        : { code: status === 429 ? "rate_limited" : "validation_failed", message: "" },
  };
}

/** Sends a stored submission, retrying network failures and 5xx after each of BACKOFF_MS. */
export async function deliver(entry: TPending, deps: TDeliverDeps): Promise<TOutcome> {
  const sleep = deps.sleep ?? wait;
  for (let tries = 0; ; tries++) {
    const outcome = await attempt(entry, deps.fetch);
    if (outcome) return outcome;
    const delay = BACKOFF_MS[tries];
    if (delay === undefined) return { type: "failed" };
    deps.onRetry?.(tries + 2, delay);
    await sleep(delay);
  }
}

/**
 * Sends a stored submission and settles the store: answered (created or rejected) → removed;
 * still failing → kept for the next page load.
 */
export async function submit(
  storage: TStorage | undefined,
  entry: TPending,
  deps: TDeliverDeps,
): Promise<TOutcome> {
  const outcome = await deliver(entry, deps);
  if (outcome.type !== "failed") clearPending(storage, entry.key);
  return outcome;
}
