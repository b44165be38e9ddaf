/**
 * Starts the whole stack exactly as `pnpm start` does (scripts/start.ts), on free loopback ports
 * with a scratch folder of its own (database, media, site releases), and stops it by process group.
 * The end-to-end tests (tests/fixtures/stack.ts) and the benchmarks (bench/lib/stack.ts) both run
 * on it.
 *
 * "Ready" means more than `[start] ready`: when a previous site release exists (a reused scratch
 * folder), start.ts serves it at once and rebuilds in the background, so this also waits for that
 * build's `release: <id>`. Otherwise the caller would see the previous release, and every timing
 * would share the CPU with a build (2 cores).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inheritedEnv } from "./inheritedEnv.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The CMS build on first start takes minutes on 2 cores; the rest is seconds. */
const READY_TIMEOUT_MS = 20 * 60 * 1000;
const INITIAL_RELEASE_TIMEOUT_MS = 10 * 60 * 1000;
/** start.ts gives its children 10 s to stop. */
const STOP_GRACE_MS = 15_000;

export type TThrowawayStack = {
  label: string;
  cmsUrl: string;
  siteUrl: string;
  /** The environment the stack runs with (URLs, ports, database), for scripts run against it. */
  env: NodeJS.ProcessEnv;
  /** Scratch folder of this stack (database, media, releases); removed on stop unless reused. */
  dataDir: string;
  logFile: string;
  stop: () => Promise<void>;
};

export type TThrowawayStackOptions = {
  /** Short name used in console lines and the scratch folder's name. */
  label: string;
  /** Where the stack's whole output goes; only start.ts's `[start]` lines reach the console. */
  logFile: string;
  /** Extra environment for the stack (e.g. SITE_BUILD_HOOK_URL, RESEND_BASE_URL). */
  env?: Record<string, string>;
  /** An existing scratch folder whose database to reuse (the caller removes it). */
  dataDir?: string;
  /**
   * Lets the caller register the stop before the stack is ready (a signal during a long first
   * build must still stop it); returns the stop to call from then on.
   */
  registerStop?: (stop: () => Promise<void>) => () => Promise<void>;
};

/** A port the OS just handed out on 127.0.0.1 (the port-0 trick), so nothing is hard-coded. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

async function twoFreePorts(): Promise<[number, number]> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return [first, second];
}

/** The stack's whole environment: the machine's basics, then its own ports, data and secret. */
function stackEnv(
  dataDir: string,
  [cmsPort, sitePort]: [number, number],
  extra: Record<string, string>,
) {
  return {
    ...inheritedEnv(),
    HOST: "127.0.0.1",
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    CMS_URL: `http://127.0.0.1:${cmsPort}`,
    SITE_URL: `http://127.0.0.1:${sitePort}`,
    DATABASE_URI: `file:${path.join(dataDir, "stack.db")}`,
    MEDIA_DIR: path.join(dataDir, "media"),
    // Its materials and snapshots (a nightly backup, should it run that long) stay with its data.
    MATERIALS_DIR: path.join(dataDir, "materials"),
    BACKUP_DIR: path.join(dataDir, "backups"),
    // Releases of its own: this stack's builds never go live on another stack of this checkout,
    // and theirs never replace the site this one serves.
    SITE_RELEASES_DIR: path.join(dataDir, "site-releases"),
    // A throwaway secret: sessions of a throwaway database need not survive this run.
    PAYLOAD_SECRET: randomBytes(32).toString("hex"),
    MATERIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // NODE_ENV stays unset: local mode, as `pnpm start` on a developer machine, which seeds the
    // documented development logins.
    ...extra,
  } satisfies NodeJS.ProcessEnv;
}

/**
 * Another process can take a port between `freePort()` and the server binding it. Such a start
 * fails with EADDRINUSE in the log; it is retried on new ports, a bounded number of times.
 */
const PORT_ATTEMPTS = 3;

export async function startThrowawayStack(
  options: TThrowawayStackOptions,
): Promise<TThrowawayStack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= PORT_ATTEMPTS) throw error;
      process.stdout.write(`[${options.label}] a port was taken meanwhile; starting again\n`);
    }
  }
}

class PortTakenError extends Error {}

async function startOnce({
  label,
  logFile,
  env: extra = {},
  dataDir: reuse,
  registerStop = (stop) => stop,
}: TThrowawayStackOptions): Promise<TThrowawayStack> {
  const dataDir = reuse ?? mkdtempSync(path.join(tmpdir(), `beian-${label}-`));
  mkdirSync(path.dirname(logFile), { recursive: true });
  const env = stackEnv(dataDir, await twoFreePorts(), extra);

  process.stdout.write(`[${label}] starting the stack (log: ${logFile})\n`);
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts/start.ts")], {
    cwd: repoRoot,
    env,
    // Own process group: one kill reaches start.ts, the CMS, the site server and any build.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The group is detached, so it outlives its caller unless stopped: a caller that exits without
  // stopping it (Playwright past its global timeout, a crash) still takes it along.
  const killOnExit = () => child.pid && killGroup(child.pid, "SIGKILL");
  process.once("exit", killOnExit);
  const stop = registerStop(async () => {
    process.off("exit", killOnExit);
    await stopGroup(child);
    if (!reuse) rmSync(dataDir, { recursive: true, force: true });
    process.stdout.write(`[${label}] stopped the stack\n`);
  });

  const output = watchOutput(child, label, logFile);
  try {
    await waitUntilReady(output, label, logFile);
  } catch (error) {
    await stop();
    if (output.seen(/EADDRINUSE/)) throw new PortTakenError(String(error));
    throw error;
  }
  return { label, cmsUrl: env.CMS_URL, siteUrl: env.SITE_URL, env, dataDir, logFile, stop };
}

/** SIGTERM to the whole group, SIGKILL after the grace period, then one more sweep. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    killGroup(child.pid, "SIGTERM");
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_GRACE_MS)),
    ]);
    if (timedOut) killGroup(child.pid, "SIGKILL");
  }
  // start.ts exits before its grandchildren are necessarily gone: sweep the group once more.
  if (child.pid) killGroup(child.pid, "SIGKILL");
}

/** `[start] ready`, and when a previous release was served at once, the fresh build's release. */
async function waitUntilReady(output: TOutputWatcher, label: string, logFile: string) {
  await output.waitFor(/^\[start\] ready$/m, READY_TIMEOUT_MS, "[start] ready");
  if (!output.seen(/serving the previous site release/)) return;
  const match = await output.waitFor(
    /^release: (\S+)$|the previous release stays live/m,
    INITIAL_RELEASE_TIMEOUT_MS,
    "initial site release",
  );
  if (!match[1]) throw new Error(`${label} stack: the initial site build failed; see ${logFile}`);
}

type TOutputWatcher = {
  /** Whether the output seen so far matches. */
  seen: (pattern: RegExp) => boolean;
  /** Resolves when the accumulated output matches; rejects on timeout or when the stack exits. */
  waitFor: (pattern: RegExp, timeoutMs: number, what: string) => Promise<RegExpExecArray>;
};

/**
 * Keeps reading the stack's output for its whole life (a full pipe would block the servers),
 * writes all of it to the log file and echoes start.ts's own `[start]` lines to the console.
 */
function watchOutput(child: ChildProcess, label: string, logFile: string): TOutputWatcher {
  const log = createWriteStream(logFile);
  let output = "";
  let exited: string | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  let pending = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    log.write(text);
    // Only what is still needed for matching is kept: the last 64 kB is plenty for marker lines.
    output = (output + text).slice(-64_000);
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("[start]")) process.stdout.write(`  [${label}] ${line}\n`);
    }
    notify();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  child.once("exit", (code, signal) => {
    exited = signal ?? `exit ${code}`;
    log.end();
    notify();
  });

  return {
    seen: (pattern) => pattern.test(output),
    waitFor: (pattern, timeoutMs, what) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) return finish(() => resolve(match));
          if (exited) {
            return finish(() =>
              reject(new Error(`${label} stack exited (${exited}) before ${what}; see ${logFile}`)),
            );
          }
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`${label} stack: no ${what} within ${timeoutMs / 1000}s`)),
            ),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
  };
}

/** Signals a whole process group; a group that is already gone is not an error. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left to stop
  }
}
