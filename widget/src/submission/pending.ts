/**
 * Nothing typed is lost: a submission is stored before it is sent, retried with backoff on network
 * failures, 5xx and 429 (after the server's Retry-After), and resent on the next page load in the
 * same tab (with the same Idempotency-Key, so the server stores it once) until it is answered or
 * PENDING_TTL_MS old. The store is a short list keyed by Idempotency-Key, so one failed submission
 * does not replace another.
 *
 * What is kept is personal data on the host page's origin, which the page's own scripts can read:
 * so it is kept only as long as a retry needs it. The whole body stays (a retry must send the same
 * body with the same key, and it is what the person typed), but in sessionStorage, which the
 * browser empties when the tab closes (localStorage would keep it on disk, for every tab, until
 * the widget ran again), for at most 30 minutes, and it is deleted once answered or when the person
 * unticks a consent box.
 */
import type { TApiError, TLeadCreated, TLocale, TOrderCreated } from "@beian/contract";
import type { TFormKind } from "../constants.ts";

export const PENDING_KEY = "beian-widget:pending";
/**
 * How long a kept submission may wait for a retry. The attempts in the page take at most about two
 * minutes; what is kept after them serves a reload or a return to the page once the connection is
 * back: minutes, not the 24 h the server remembers an Idempotency-Key for.
 */
export const PENDING_TTL_MS = 30 * 60 * 1000;
/** At most this many submissions are kept; the oldest give way. */
export const PENDING_MAX = 5;
/** Waits before the 2nd, 3rd, ... attempt; after the last one the submission stays stored. */
export const BACKOFF_MS: readonly number[] = [1000, 2000, 4000, 8000];
/** The longest wait a 429's Retry-After gets; a longer one is cut to this. */
export const RETRY_AFTER_MAX_MS = 30_000;
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
export type TOutcome =
  | { type: "created"; data: TLeadCreated | TOrderCreated }
  | { type: "rejected"; error: TApiError["error"] }
  /** Not answered for good (retry later); `wait`: the last 429's Retry-After, in ms. */
  | { type: "failed"; code: "network_error" | "rate_limited"; wait?: number | undefined };

/** What sending needs of `fetch` (the page's, or a test's). */
export type TFetch = (url: string, init: RequestInit) => Promise<Response>;

export type TDeliverDeps = {
  fetch: TFetch;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry, with the attempt about to be made (2, 3, ...) and the wait. */
  onRetry?: (attempt: number, delayMs: number) => void;
};

/** The tab's sessionStorage, or undefined where it is unavailable (blocked, sandboxed iframe). */
export function storageOf(win: { sessionStorage: Storage }): TStorage | undefined {
  try {
    return win.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Writes the list (or removes the key when it is empty); false where storage is unavailable. */
function write(storage: TStorage | undefined, list: TPending[]): boolean {
  try {
    if (list.length) storage?.setItem(PENDING_KEY, JSON.stringify(list));
    else storage?.removeItem(PENDING_KEY);
    return !!storage;
  } catch {
    return false;
  }
}

/**
 * The stored submissions, oldest first, without the malformed ones and those older than
 * PENDING_TTL_MS (which are dropped from the store). One object rather than a list is read as a
 * list of one.
 */
export function readPending(storage: TStorage | undefined, now = Date.now()): TPending[] {
  let list: Partial<TPending>[] = [];
  try {
    const raw = storage?.getItem(PENDING_KEY);
    if (raw) list = [JSON.parse(raw)].flat();
  } catch {
    list = [{}]; // unreadable JSON: dropped below
  }
  const kept = list.filter(
    (entry): entry is TPending =>
      typeof entry?.createdAt === "number" &&
      now - entry.createdAt < PENDING_TTL_MS &&
      entry.createdAt <= now + 60_000 &&
      (entry.kind === "lead" || entry.kind === "order") &&
      typeof entry.url === "string" &&
      typeof entry.key === "string" &&
      entry.body !== undefined,
  );
  if (kept.length < list.length) write(storage, kept);
  return kept;
}

/**
 * Stores a submission, in place of the one with the same key and of `replaces` (the key of an
 * earlier attempt of the same form that the person has since edited), keeping at most PENDING_MAX.
 */
export function savePending(
  storage: TStorage | undefined,
  entry: TPending,
  replaces?: string,
): boolean {
  const others = readPending(storage).filter((e) => e.key !== entry.key && e.key !== replaces);
  return write(storage, [...others, entry].slice(-PENDING_MAX));
}

/**
 * Keeps only the stored submissions `keep` accepts: all but an answered one (by its key), all but
 * one form's (its consent was withdrawn).
 */
export function keepPending(
  storage: TStorage | undefined,
  keep: (entry: TPending) => boolean,
): void {
  write(storage, readPending(storage).filter(keep));
}

/** An RFC 4122 v4 id; `randomUUID` exists only in secure contexts, so http pages use the fallback. */
export function newKey(
  c: { getRandomValues(bytes: Uint8Array): Uint8Array; randomUUID?: () => string } = crypto,
) {
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 15) | 64;
  b[8] = ((b[8] ?? 0) & 63) | 128;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const NETWORK_ERROR: TOutcome = { type: "failed", code: "network_error" };

async function attempt(entry: TPending, fetchFn: TFetch): Promise<TOutcome> {
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
    return NETWORK_ERROR;
  }
  const { status } = response;
  if (status === 429) {
    // Retry-After in seconds; an HTTP date, 0 or nothing: the usual backoff.
    const seconds = parseFloat(response.headers.get("Retry-After") ?? "");
    return {
      type: "failed",
      code: "rate_limited",
      wait: seconds > 0 ? Math.min(seconds * 1000, RETRY_AFTER_MAX_MS) : undefined,
    };
  }
  if (status >= 500 || status === 408) return NETWORK_ERROR;
  // The contract's answer (CONTRACT §3): the created submission, or `{ error }`; not JSON: `{}`.
  const answer = await response.json().catch(() => ({}));
  if (response.ok) return { type: "created", data: answer as TLeadCreated | TOrderCreated };
  const { error } = answer as Partial<TApiError>;
  return {
    type: "rejected",
    error: typeof error?.code === "string" ? error : { code: "validation_failed", message: "" },
  };
}

/**
 * Sends a stored submission, retrying network failures and 5xx after each of BACKOFF_MS, and 429
 * after its Retry-After (at most RETRY_AFTER_MAX_MS; without one, BACKOFF_MS), with the same key.
 */
export async function deliver(entry: TPending, deps: TDeliverDeps): Promise<TOutcome> {
  const sleep = deps.sleep ?? wait;
  for (let tries = 0; ; tries++) {
    const outcome = await attempt(entry, deps.fetch);
    const backoff = BACKOFF_MS[tries];
    if (outcome.type !== "failed" || backoff === undefined) return outcome;
    const delay = outcome.wait ?? backoff;
    deps.onRetry?.(tries + 2, delay);
    await sleep(delay);
  }
}

/**
 * Sends a stored submission and settles the store: answered (created, or refused with a 4xx other
 * than 429) → removed; still failing → kept for the next page load, and removed when it expires
 * even if the page stays open that long.
 */
export async function submit(
  storage: TStorage | undefined,
  entry: TPending,
  deps: TDeliverDeps,
): Promise<TOutcome> {
  const outcome = await deliver(entry, deps);
  if (outcome.type !== "failed") keepPending(storage, (kept) => kept.key !== entry.key);
  else setTimeout(readPending, entry.createdAt + PENDING_TTL_MS - Date.now(), storage);
  return outcome;
}
