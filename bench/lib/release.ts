/**
 * Times one site release: `node site/scripts/release.ts` against a running CMS, the same script the
 * CMS's publisher runs on every publish (astro build into a new folder, then the atomic swap).
 *
 * The site's releases folder (site/releases/, with its `current` symlink) is shared by every stack
 * on this checkout: release.ts has no per-stack folder. The helpers below let the bench put back the
 * release that was live before it made a large, bench-only one live.
 */
import { spawn } from "node:child_process";
import { existsSync, readlinkSync, renameSync, symlinkSync } from "node:fs";
import path from "node:path";
import { onCleanup } from "./cleanup.ts";
import { repoRoot } from "./stack.ts";

const siteDir = path.join(repoRoot, "site");
const releasesDir = path.join(siteDir, "releases");
const currentLink = path.join(releasesDir, "current");

export type TReleaseTiming = { ms: number; release: string };

export function timeRelease(
  env: NodeJS.ProcessEnv,
  options: { cacheDir: string; timeoutMs?: number },
): Promise<TReleaseTiming> {
  const timeoutMs = options.timeoutMs ?? 15 * 60 * 1000;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(siteDir, "scripts", "release.ts")], {
      cwd: siteDir,
      env: {
        ...env,
        NODE_ENV: "production",
        // Each timed build gets an empty Astro cache of its own: both builds start equally cold,
        // and neither reads a cache another stack on this checkout is writing at the same time.
        SITE_CACHE_DIR: options.cacheDir,
      },
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

/** The release `current` points at, or undefined when there is none. */
export function liveRelease(): string | undefined {
  try {
    return readlinkSync(currentLink);
  } catch {
    return undefined;
  }
}

/**
 * Makes `release` live again, the way release.ts swaps (rename over the symlink is atomic), but only
 * if `current` still points at `expected`: a release someone else made meanwhile is left alone.
 * Returns whether it swapped.
 */
export function restoreLiveRelease(release: string, expected: string): boolean {
  if (liveRelease() !== expected) return false;
  if (!existsSync(path.join(releasesDir, release, "index.html"))) return false;
  const staging = path.join(releasesDir, `.current-bench-${process.pid}`);
  symlinkSync(release, staging);
  renameSync(staging, currentLink);
  return true;
}
