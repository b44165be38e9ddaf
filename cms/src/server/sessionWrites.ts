/**
 * Payload keeps an account's sessions as one list and rewrites it whole on login, logout and token
 * refresh, from a copy it read before its transaction. Two of those at once for one account (two
 * tabs, two devices, a colleague sharing a login) lose a session, and that person is logged out at
 * their next click. So this process takes those requests one at a time: they are rare and quick
 * (a password hash). Used by server.ts and the test server, in front of Payload.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { turnQueue } from "../lib/turnQueue.ts";

const SESSION_WRITES = /^\/api\/users\/(login|logout|refresh-token)\/?(\?|$)/;
/** A request that never finishes must not hold up every later login. */
const MAX_WAIT_MS = 10_000;

type THandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function takeSessionWritesInTurn(handle: THandler): THandler {
  const turns = turnQueue({ maxWaitMs: MAX_WAIT_MS });
  return async (req, res) => {
    if (req.method !== "POST" || !SESSION_WRITES.test(req.url ?? "")) return handle(req, res);
    // Listening from arrival: a client that gives up while waiting still ends its turn.
    const closed = new Promise<void>((resolve) => res.once("close", () => resolve()));
    const release = await turns.take(req.url ?? "");
    void closed.then(release);
    return handle(req, res);
  };
}
