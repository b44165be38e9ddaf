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
