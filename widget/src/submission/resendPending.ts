/**
 * On page load: send the submissions that could not be delivered before, one after the other,
 * each with its own Idempotency-Key (each is removed once answered, the rest stay for next time).
 */
import { emit, referenceOf } from "../events.ts";
import { readPending, storageOf, submit } from "./pending.ts";

let started = false;

export function resendPending(): void {
  if (started) return;
  started = true;
  const storage = storageOf(window);
  void (async () => {
    for (const entry of readPending(storage)) {
      const outcome = await submit(storage, entry, { fetch: (input, init) => fetch(input, init) });
      if (outcome.type === "created") {
        emit("beian:submitted", { kind: entry.kind, reference: referenceOf(outcome.data) });
      }
    }
  })();
}
