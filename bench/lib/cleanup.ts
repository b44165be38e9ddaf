/**
 * One registry of "undo" actions (stop a stack, kill Chrome, close a stub server), so that the
 * runner's `finally` and its signal handlers stop exactly what this run started and nothing else.
 * Actions run newest first: a browser pointed at a stack dies before the stack does.
 */

type TCleanup = () => Promise<void> | void;

const actions: { label: string; action: TCleanup }[] = [];

export type TCleanupHandle = {
  /** Runs the action now (at most once) and unregisters it. */
  run: () => Promise<void>;
  /** Unregisters the action without running it (the thing ended by itself). */
  forget: () => void;
};

export function onCleanup(label: string, action: TCleanup): TCleanupHandle {
  const entry = { label, action };
  actions.push(entry);
  const take = () => {
    const index = actions.indexOf(entry);
    if (index === -1) return false;
    actions.splice(index, 1);
    return true;
  };
  return {
    run: async () => {
      if (take()) await entry.action();
    },
    forget: () => {
      take();
    },
  };
}

/** Runs every pending action, newest first; a failing one is reported and the rest still run. */
export async function cleanupAll(): Promise<void> {
  while (actions.length > 0) {
    const entry = actions.pop();
    if (!entry) break;
    try {
      await entry.action();
    } catch (error) {
      process.stderr.write(`[bench] cleanup "${entry.label}" failed: ${String(error)}\n`);
    }
  }
}
