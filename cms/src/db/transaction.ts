/**
 * `work` in a transaction of its own: everything it writes with the `req` it is given commits
 * together, or — if it throws — none of it does. For writes that belong together but come from no
 * request (a job, Payload's email adapter, the idempotent public endpoints).
 */
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from "payload";

export async function inTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> {
  const req = await createLocalReq({}, payload);
  const owns = await initTransaction(req);
  try {
    const result = await work(req);
    if (owns) await commitTransaction(req);
    return result;
  } catch (error) {
    if (owns) await killTransaction(req);
    throw error;
  }
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
