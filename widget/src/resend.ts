/** On page load: send a submission that could not be delivered last time (same Idempotency-Key). */
import { emit, referenceOf } from "./events.ts";
import { readPending, storageOf, submit } from "./pending.ts";

let started = false;

export function resendPending(): void {
  if (started) return;
  started = true;
  const storage = storageOf(window);
  const entry = readPending(storage);
  if (!entry) return;
  void submit(storage, entry, { fetch: (input, init) => fetch(input, init) }).then((outcome) => {
    if (outcome.type === "created") {
      emit("beian:submitted", {
        kind: entry.kind,
        reference: referenceOf(entry.kind, outcome.data),
      });
    }
  });
}
