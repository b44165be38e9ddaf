/**
 * Work in a transaction: everything written with the same `req` commits together, or — if the
 * work throws — none of it does. Begun, committed and rolled back here alone.
 */
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from "payload";

/**
 * `work` in the transaction of `req` (an endpoint's request): begun here unless the request
 * already carries one, whose owner then commits it or rolls it back.
 */
export async function inRequestTransaction<T>(
  req: PayloadRequest,
  work: () => Promise<T>,
): Promise<T> {
  const owns = await initTransaction(req);
  try {
    const result = await work();
    if (owns) await commitTransaction(req);
    return result;
  } catch (error) {
    if (owns) await killTransaction(req);
    throw error;
  }
}

/**
 * `work` in a transaction of its own, for writes that belong together but come from no request (a
 * job, Payload's email adapter, the idempotent public endpoints' stored answers).
 */
export async function inTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> {
  const req = await createLocalReq({}, payload);
  return inRequestTransaction(req, () => work(req));
}

/**
 * Why a production database cannot be trusted with submissions, or `undefined` when it can. The
 * public endpoints and every hook rely on transactions (a lead with its emails, an idempotency key
 * with its response); Payload's MongoDB adapter silently runs without them on a server that is
 * not a replica set, and then a race can store a submission twice.
 */
export function missingTransactions(
  db: { name: string; transactionOptions?: unknown },
  nodeEnv: string,
): string | undefined {
  if (nodeEnv !== "production" || db.transactionOptions !== false) return undefined;
  return `the ${db.name} database runs without transactions; MongoDB must be a replica set named in DATABASE_URI (?replicaSet=…; Atlas's mongodb+srv:// names it), and a single server can run as a one-member replica set`;
}
