/**
 * A lock between processes of one checkout: whoever creates the folder holds it (mkdir is atomic).
 * A lock older than `staleMs` was left by a killed process and is taken over.
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export type TLockOptions = { staleMs: number; timeoutMs: number; pollMs: number };

export async function withDirLock<T>(
  lock: string,
  options: TLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > options.staleMs) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held by another process`);
      else await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
