/**
 * `Idempotency-Key`: the first answer to a key is stored in the same transaction as the document it
 * created, so a repeat within 24 h gets that answer again and nothing is stored twice — even when
 * the repeat races the original (the key's unique index decides, the loser replays the winner).
 */
import type { Payload, PayloadRequest } from "payload";
import { inTransaction } from "../transaction.ts";

const TTL_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,128}$/;

export type TStoredResponse = { status: number; body: unknown };

export function isValidKey(key: string): boolean {
  return KEY.test(key);
}

async function stored(payload: Payload, scope: string): Promise<TStoredResponse | undefined> {
  const { docs } = await payload.find({
    collection: "idempotency-keys",
    where: { scope: { equals: scope }, expiresAt: { greater_than: new Date().toISOString() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  });
  const doc = docs[0];
  return doc ? { status: doc.status, body: doc.body } : undefined;
}

/**
 * Runs `work` once per scope. `work` receives a request carrying the transaction; everything it
 * writes with that `req` commits together with the stored answer, or not at all.
 */
export async function once(
  payload: Payload,
  scope: string | undefined,
  work: (req: PayloadRequest) => Promise<TStoredResponse>,
): Promise<TStoredResponse & { replayed: boolean }> {
  if (scope) {
    const previous = await stored(payload, scope);
    if (previous) return { ...previous, replayed: true };
  }
  try {
    const result = await inTransaction(payload, async (req) => {
      const answer = await work(req);
      if (scope) {
        await payload.create({
          collection: "idempotency-keys",
          data: {
            scope,
            status: answer.status,
            body: answer.body as Record<string, unknown>,
            expiresAt: new Date(Date.now() + TTL_MS).toISOString(),
          },
          overrideAccess: true,
          req,
        });
      }
      return answer;
    });
    return { ...result, replayed: false };
  } catch (error) {
    // A concurrent request with the same key won the unique index: answer as it did, once its
    // transaction has committed.
    if (scope) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const winner = await stored(payload, scope);
        if (winner) return { ...winner, replayed: true };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw error;
  }
}

/** Drops answers older than 24 h (run from the periodic cleanup). */
export async function expireKeys(payload: Payload): Promise<void> {
  await payload.delete({
    collection: "idempotency-keys",
    where: { expiresAt: { less_than: new Date().toISOString() } },
    overrideAccess: true,
  });
}
