/**
 * One at a time, first come first served, within this process: each turn starts when the one
 * before it is released. A turn that is never released must not stop everything after it, so a
 * waiter gives up waiting after `maxWaitMs` (and says so through `onGuardTripped`); the turns after
 * it then wait for it alone, so a lost release costs one guard period, not one per later turn.
 * Used for SQLite's writes (sqliteWrites.ts) and for account session writes (server/sessionWrites.ts).
 */
export type TTurns = {
  /** True when no turn is running or waiting. */
  readonly idle: boolean;
  /** Waits for every earlier turn to end; the caller must call the returned release (once is enough). */
  take: (what: string) => Promise<() => void>;
};

export function turnQueue({
  maxWaitMs,
  onGuardTripped = () => {},
}: {
  maxWaitMs: number;
  onGuardTripped?: (what: string) => void;
}): TTurns {
  let tail: Promise<void> = Promise.resolve();
  let taken = 0;
  return {
    get idle() {
      return taken === 0;
    },
    async take(what) {
      taken++;
      let resolve = () => {};
      const mine = new Promise<void>((done) => {
        resolve = done;
      });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        taken--;
        resolve();
      };
      const inTurn = Promise.race([
        tail.then(() => true),
        new Promise<boolean>((done) => setTimeout(() => done(false), maxWaitMs).unref()),
      ]);
      tail = inTurn.then(() => mine);
      if (!(await inTurn)) onGuardTripped(what);
      return release;
    },
  };
}
