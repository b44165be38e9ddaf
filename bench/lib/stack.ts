/**
 * The bench's stacks: the shared throwaway stack (scripts/lib/throwawayStack.ts), logged into the
 * run's folder and stopped by the runner's cleanup on a signal, even mid-build.
 */
import path from "node:path";
import { startThrowawayStack, type TThrowawayStack } from "../../scripts/lib/throwawayStack.ts";
import { onCleanup } from "./cleanup.ts";

export { repoRoot } from "../../scripts/lib/throwawayStack.ts";

export type TStack = TThrowawayStack;

export type TStartOptions = {
  /** Short name used in console lines, log file names and the scratch folder. */
  label: string;
  /** Folder for the stack's log file. */
  logDir: string;
  /** Extra environment for the stack (e.g. SITE_BUILD_HOOK_URL). */
  env?: Record<string, string>;
  /** An existing scratch folder whose database to reuse (the caller removes it). */
  dataDir?: string;
};

export function startStack({ label, logDir, env, dataDir }: TStartOptions): Promise<TStack> {
  return startThrowawayStack({
    label: `bench-${label}`,
    logFile: path.join(logDir, `stack-${label}.log`),
    env,
    dataDir,
    registerStop: (stop) => onCleanup(`${label} stack`, stop).run,
  });
}
