/**
 * On page load: send the submissions this tab could not deliver before, one after the other, each
 * with its own Idempotency-Key (each is removed once answered, the rest stay until they expire).
 */
import { emit, referenceOf } from "../events.ts";
import { PENDING_KEY, readPending, storageOf, submit } from "./pending.ts";

let started = false;

export function resendPending(): void {
  if (started) return;
  started = true;
  const storage = storageOf(window);
  try {
    // Earlier versions kept submissions in localStorage, for 24 h and beyond the tab: gone, unsent.
    localStorage.removeItem(PENDING_KEY);
  } catch {
    // localStorage blocked: nothing can have been kept there
  }
  void (async () => {
    for (const entry of readPending(storage)) {
      const outcome = await submit(storage, entry, { fetch: (input, init) => fetch(input, init) });
      if (outcome.type === "created") {
        emit("beian:submitted", { kind: entry.kind, reference: referenceOf(outcome.data) });
      }
    }
  })();
}
