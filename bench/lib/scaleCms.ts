/**
 * The scale bench's CMS: `cms/server.ts` (Next.js, the admin and the REST API, as `pnpm start`
 * runs it) started on its own, on a stack's prepared database, so the bench knows its process id
 * and can sample its memory. A stack (`startStack`) builds the CMS and prepares the database
 * first; this serves that database, before and after the year of data is written into it.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listeningUrl, stop, type TChild } from "../../cms/src/testing/crash/processes.ts";
import { onCleanup } from "./cleanup.ts";
import { repoRoot } from "./stack.ts";

export type TScaleCms = { url: string; pid: number; stop: () => Promise<void> };

const cmsDir = path.join(repoRoot, "cms");

/** `node server.ts` in cms/, as start.ts runs it, its output kept for failure messages. */
function serve(env: NodeJS.ProcessEnv): TChild {
  const child = spawn(process.execPath, [path.join(cmsDir, "server.ts")], {
    cwd: cmsDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  return { output: () => output, exited, process: child };
}

/** Serves the stack's database with the built CMS; no site rebuilds (a dead deploy hook). */
export async function startScaleCms(stackEnv: NodeJS.ProcessEnv): Promise<TScaleCms> {
  const child = serve({
    ...stackEnv,
    NODE_ENV: "production",
    NODE_OPTIONS: "--no-deprecation",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_BUILD_HOOK_URL: "http://127.0.0.1:9/no-rebuilds",
  });
  const handle = onCleanup("scale CMS", () => stop(child));
  const url = await listeningUrl(child, "cms", 180_000);
  return {
    url,
    pid: child.process.pid as number,
    stop: async () => {
      handle.forget();
      await stop(child);
    },
  };
}

/** The process's resident memory now, in bytes (Linux: /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kB = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return kB * 1024;
}
