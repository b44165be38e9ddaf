/**
 * `Idempotency-Key`: the first answer to a key is stored in the same transaction as the document it
 * created, so a repeat within 24 h gets that answer again and nothing is stored twice — even when
 * the repeat races the original (the key's unique index decides, the loser replays the winner).
 * The answer is bound to its request: another body under the same key is refused (422
 * `idempotency_mismatch`), so a key never hands one submitter's order number to another.
 *
 * A key is scoped to the endpoint and the partner (`leads:yunfan:<key>`): two partners' widgets
 * that happen to send the same key never see each other's answers. An expired answer (older than
 * 24 h) no longer counts: the same key then stores a new submission, replacing the old row.
 */
import { createHash } from "node:crypto";
import { type Payload, type PayloadRequest, ValidationError, type Where } from "payload";
import { errorChain } from "../db/errorChain.ts";
import { inSubmissionTransaction } from "../db/groupCommit.ts";
import { Refusal } from "../endpoints/refusal.ts";
import type { IdempotencyKey } from "../payload-types.ts";

const TTL_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,128}$/;
const COLLECTION = "idempotency-keys";
/** How long a request whose key lost the race waits for the winner's answer to commit. */
const WAIT_ATTEMPTS = 20;
const WAIT_MS = 100;

export type TStoredResponse = { status: number; body: unknown };

/** A valid request sent with a key: the key's scope, and what was asked (`requestHash`). */
export type TIdempotentRequest = { scope: string; hash: string };

/** An answer to store, with the document it created (`storedDocument`). */
export type TAnswerWithDocument = TStoredResponse & { document: string };

export function isValidKey(key: string): boolean {
  return KEY.test(key);
}

/** `<endpoint>:<partner>:<key>`. Partner keys are `[a-z0-9-]`, so the parts never run together. */
export function idempotencyScope(kind: string, partnerKey: string, key: string): string {
  return `${kind}:${partnerKey}:${key}`;
}

/** How a stored answer names the document it created: `leads:12`, `orders:7`. */
export function storedDocument(collection: "leads" | "orders", id: number | string): string {
  return `${collection}:${id}`;
}

/** JSON with every object's keys sorted: the same data gives the same text in whatever order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * The request a key stands for: the endpoint, the partner and the submitted fields as validated
 * (normalised, unknown keys dropped), so a plain form's post and a JSON post of the same data are
 * the same request. `elapsedMs` is left out: it measures the filling in, not what was filled in.
 */
export function requestHash(kind: string, partnerKey: string, fields: object): string {
  const { elapsedMs: _measured, ...submitted } = fields as Record<string, unknown>;
  const canonical = canonicalJson({ kind, partner: partnerKey, fields: submitted });
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * The answer stored for `scope`, unless it has expired; a 422 when the key was first used for
 * another request. `hash` is the request's (`requestHash`), undefined for a body that is no
 * valid submission — never the one an answer was stored for.
 */
export async function storedResponse(
  payload: Payload,
  scope: string,
  hash: string | undefined,
): Promise<TStoredResponse | undefined> {
  // Through the adapter, as the answers are written (`storeAnswer`): nobody edits them, and
  // Payload's read operation around one row cost more than reading it.
  const doc = await payload.db.findOne<IdempotencyKey>({
    collection: COLLECTION,
    where: { scope: { equals: scope }, expiresAt: { greater_than: new Date().toISOString() } },
  });
  if (!doc) return undefined;
  if (doc.requestHash !== hash) throw new Refusal("idempotency_mismatch");
  return { status: doc.status, body: doc.body };
}

/**
 * Another request with the same key got there first. On SQLite that is the unique index on
 * `scope`, which Payload reports as a ValidationError. On MongoDB the two transactions usually
 * collide before either reaches the index: a WriteConflict (112, a TransientTransactionError).
 */
export function isConcurrentDuplicate(error: unknown): boolean {
  if (
    error instanceof ValidationError &&
    error.data.collection === COLLECTION &&
    error.data.errors.some((field) => field.path === "scope")
  ) {
    return true;
  }
  return errorChain(error).some((cause) => {
    const { code, hasErrorLabel } = cause as {
      code?: unknown;
      hasErrorLabel?: (label: string) => boolean;
    };
    if (code === 112 || code === 11000) return true;
    return (
      typeof hasErrorLabel === "function" && hasErrorLabel.call(cause, "TransientTransactionError")
    );
  });
}

const expired = (now: Date): Where => ({ expiresAt: { less_than_equal: now.toISOString() } });

/**
 * Runs `work` once per request. `work` receives a request carrying the transaction; everything it
 * writes with that `req` commits together with the stored answer, or not at all. The caller has
 * already answered a stored replay (`storedResponse`, before the rate limit); one stored since
 * then makes the insert fail on the unique scope, and is answered below (or refused, when it was
 * another request's).
 */
export async function once(
  payload: Payload,
  request: TIdempotentRequest | undefined,
  work: (req: PayloadRequest) => Promise<TAnswerWithDocument>,
): Promise<TStoredResponse & { replayed: boolean }> {
  try {
    // On SQLite with the submissions that arrive meanwhile, each in a savepoint of its own
    // (db/groupCommit.ts); answered once committed either way.
    const result = await inSubmissionTransaction(payload, async (req) => {
      const { document, ...answer } = await work(req);
      if (request) await storeAnswer(payload, req, request, answer, document);
      return answer;
    });
    return { ...result, replayed: false };
  } catch (error) {
    if (!request || !isConcurrentDuplicate(error)) throw error;
    // A concurrent request with the same key won the unique index: answer as it did, once its
    // transaction has committed.
    for (let attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
      const winner = await storedResponse(payload, request.scope, request.hash);
      if (winner) return { ...winner, replayed: true };
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
    throw new Error(
      `idempotency: no answer stored for a duplicate key within ${WAIT_ATTEMPTS * WAIT_MS} ms`,
      {
        cause: error,
      },
    );
  }
}

async function storeAnswer(
  payload: Payload,
  req: PayloadRequest,
  request: TIdempotentRequest,
  answer: TStoredResponse,
  document: string,
): Promise<void> {
  const now = new Date();
  // An expired answer for this scope would hold the unique index: it no longer counts.
  await payload.db.deleteMany({
    collection: COLLECTION,
    where: { and: [{ scope: { equals: request.scope } }, expired(now)] },
    req,
  });
  // Through the adapter: nobody edits these, and nothing reads the stored row back here.
  await payload.db.create({
    collection: COLLECTION,
    data: {
      scope: request.scope,
      requestHash: request.hash,
      status: answer.status,
      body: answer.body as Record<string, unknown>,
      document,
      expiresAt: new Date(now.getTime() + TTL_MS).toISOString(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    },
    returning: false,
    req,
  });
}

/**
 * Deletes the stored answers that created any of `documents` (`storedDocument`): an answer
 * repeats the document's personal data, so it goes when that data is erased. In `req`'s
 * transaction; returns how many answers there were.
 */
export async function forgetStoredAnswers(
  payload: Payload,
  req: PayloadRequest,
  documents: string[],
): Promise<number> {
  if (documents.length === 0) return 0;
  const where: Where = { document: { in: documents } };
  const { totalDocs } = await payload.count({
    collection: COLLECTION,
    where,
    overrideAccess: true,
    req,
  });
  if (totalDocs > 0) await payload.db.deleteMany({ collection: COLLECTION, where, req });
  return totalDocs;
}

/**
 * Deletes every stored answer that has expired (older than 24 h) — for the nightly cleanup job.
 * One statement, whatever the number of rows; returns how many rows had expired at `now`.
 */
export async function expireKeys(payload: Payload, now: Date = new Date()): Promise<number> {
  const where = expired(now);
  const { totalDocs } = await payload.count({
    collection: COLLECTION,
    where,
    overrideAccess: true,
  });
  if (totalDocs > 0) await payload.db.deleteMany({ collection: COLLECTION, where });
  return totalDocs;
}
