/**
 * Times one site release: `node site/scripts/release.ts` against a running CMS, the same script the
 * CMS's publisher runs on every publish (astro build into a new folder, then the atomic swap). It
 * runs with the stack's environment, so it builds into the stack's own releases folder and uses the
 * Astro cache release.ts keeps per CMS, warmed by the stack's start-up build: the same conditions
 * as an editor's publish.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { onCleanup } from "./cleanup.ts";
import { repoRoot } from "./stack.ts";

const siteDir = path.join(repoRoot, "site");

export type TReleaseTiming = { ms: number; release: string };

export function timeRelease(
  env: NodeJS.ProcessEnv,
  timeoutMs = 15 * 60 * 1000,
): Promise<TReleaseTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(siteDir, "scripts", "release.ts")], {
      cwd: siteDir,
      // As the CMS's publisher runs it.
      env: { ...env, NODE_ENV: "production" },
      // Own process group, so a timeout or Ctrl-C also stops the astro build it spawned.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const cleanup = onCleanup("site release build", kill);
    const timer = setTimeout(kill, timeoutMs);
    child.on("exit", (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      cleanup.forget();
      const release = /^release: (\S+)$/m.exec(output)?.[1];
      if (code === 0 && release) resolve({ ms, release });
      else {
        reject(
          new Error(
            `site release failed (${signal ?? `exit ${code}`}):\n${output.trim().slice(-3_000)}`,
          ),
        );
      }
    });
  });
}
