/**
 * Child processes for the crash tests: a TypeScript entry run by Node with tsx's loader, its output
 * kept for the test's failure messages, and a SIGKILL that kills the code itself.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * tsx's loader in this very process (`node --import tsx entry.ts`), not the `tsx` command: the
 * command runs the entry in a second Node process and relays signals to it, and a SIGKILL, which
 * cannot be relayed, would kill only the command and leave the entry running.
 */
const tsxLoader = createRequire(import.meta.url).resolve("tsx");

/**
 * How a process under a crash test sends emails and runs jobs: to the fake Resend at `resend`,
 * every second. A restart takes seconds, so what a killed process left is stalled by the next
 * process's first tick; a send Resend holds is ended by the kill, not by a timeout.
 */
export function crashJobSettings(resend: { apiKey: string; url: string }): Record<string, string> {
  return {
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
    JOBS_CRON: "* * * * * *",
    JOBS_STALLED_AFTER_MS: "1000",
    EMAIL_RETRY_DELAY_MS: "200",
    EMAIL_SEND_TIMEOUT_MS: "60000",
  };
}

export type TChild = {
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves when it has exited, with its exit code or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  process: ChildProcess;
};

/** Runs `entry` with exactly `env` (plus PATH): nothing of the test's own environment leaks in. */
export function startEntry(entry: string, env: NodeJS.ProcessEnv): TChild {
  const child = spawn(process.execPath, ["--import", tsxLoader, entry], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  return { output: () => output, exited, process: child };
}

/**
 * Waits until `check` returns something (not undefined, not false), polling; fails with `what`
 * and the child's output if `child` exits first or the time runs out.
 */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  {
    child,
    timeoutMs = 60_000,
    intervalMs = 50,
  }: { child?: TChild; timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    const gone = child && child.process.exitCode !== null;
    if (gone || Date.now() > until) {
      const why = gone ? `the process exited (${child.process.exitCode})` : "timed out";
      throw new Error(`waiting for ${what}: ${why}\n${child?.output().slice(-4000) ?? ""}`);
    }
    await sleep(intervalMs);
  }
}

/** The URL the entry printed as `<label>: listening on <url>`. */
export function listeningUrl(child: TChild, label: string, timeoutMs?: number): Promise<string> {
  const pattern = new RegExp(`${label}: listening on (http://\\S+)`);
  return waitFor(() => pattern.exec(child.output())?.[1], `${label} to listen`, {
    child,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

/** SIGKILL: no handler runs, nothing is flushed or closed; resolves once it is gone. */
export async function killHard(child: TChild): Promise<void> {
  child.process.kill("SIGKILL");
  await child.exited;
}

/** SIGTERM, as an operator stops it; SIGKILL if it has not stopped within `graceMs`. */
export async function stop(child: TChild, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const stopped = await Promise.race([child.exited.then(() => true), sleep(graceMs, false)]);
  if (!stopped) await killHard(child);
}
