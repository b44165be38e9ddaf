/**
 * `pnpm start`: from a fresh clone to a running stack in one command (CONTRACT §1).
 *
 *   1. settle the configuration (local defaults; production requires its secrets)
 *   2. build the CMS when its sources changed since the last build
 *   3. migrate the database and seed the client's content (first run only)
 *   4. serve the CMS + admin
 *   5. build the static site from the CMS's published content, serve it, print the URLs and login
 *      (a release that already exists is served at once and replaced when the new build is live)
 *
 * Local mode (NODE_ENV unset) runs the same production build a server would, with a random
 * PAYLOAD_SECRET generated once per checkout and kept in cms/data/. Production mode
 * (NODE_ENV=production) takes every secret from the environment and refuses the defaults.
 *
 * Runs on Node's own TypeScript support: node built-ins only, no enums, explicit extensions.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_LOGINS } from "../cms/src/devLogins.ts";
import { developmentHostRefusal } from "../cms/src/env.ts";
import { withDirLock } from "./lib/dirLock.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cmsDir = path.join(root, "cms");
const siteDir = path.join(root, "site");
const dataDir = path.join(cmsDir, "data");
const production = process.env.NODE_ENV === "production";

function log(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

function settleEnvironment(): NodeJS.ProcessEnv {
  const host = process.env.HOST || "127.0.0.1";
  // Refused before the minutes of building, not only when the database preparation parses the env.
  const hostRefusal = developmentHostRefusal(process.env.NODE_ENV, host);
  if (hostRefusal) throw new Error(`HOST: ${hostRefusal}`);
  const cmsPort = process.env.CMS_PORT || "3000";
  const sitePort = process.env.SITE_PORT || "4321";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: host,
    CMS_PORT: cmsPort,
    SITE_PORT: sitePort,
    CMS_URL: process.env.CMS_URL || `http://${host}:${cmsPort}`,
    SITE_URL: process.env.SITE_URL || `http://${host}:${sitePort}`,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--no-deprecation"].filter(Boolean).join(" "),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  mkdirSync(dataDir, { recursive: true });
  env.DATABASE_URI ||= `file:${path.join(dataDir, "beian.db")}`;
  env.MEDIA_DIR ||= path.join(cmsDir, "media");
  env.SITE_RELEASES_DIR ||= path.join(siteDir, "releases");
  if (!production) {
    env.PAYLOAD_SECRET ||= localSecret(".payload-secret", "hex");
    // Customers' documents stay readable across restarts: the key is kept like the secret.
    env.MATERIALS_ENCRYPTION_KEY ||= localSecret(".materials-key", "base64");
  }
  return env;
}

/** A random secret per checkout, so local sessions survive restarts without a shared default. */
function localSecret(name: string, encoding: "hex" | "base64"): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString(encoding), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Fingerprint of the files a build depends on; a changed one means rebuild. */
function sourceHash(dirs: string[], files: string[]): string {
  const hash = createHash("sha256");
  const add = (file: string) => {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (statSync(full).isFile()) add(full);
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  for (const file of [...files, "pnpm-lock.yaml"]) add(path.join(root, file));
  return hash.digest("hex");
}

function run(label: string, args: string[], env: NodeJS.ProcessEnv, cwd = cmsDir): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: "inherit" });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

const nextBin = path.join(cmsDir, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(cmsDir, "node_modules", "tsx", "dist", "cli.mjs");
const children = new Set<ChildProcess>();

/**
 * One `next build` at a time per checkout: several stacks (tests, benchmarks, a developer's own)
 * may start together and must not write into the same .next folder at once.
 */
const BUILD_LOCK = { staleMs: 20 * 60_000, timeoutMs: 20 * 60_000, pollMs: 1_000 };

async function buildCms(env: NodeJS.ProcessEnv): Promise<void> {
  await withDirLock(path.join(cmsDir, ".next-build.lock"), BUILD_LOCK, async () => {
    const stamp = path.join(cmsDir, ".next", "beian-source-hash");
    const hash = sourceHash(
      ["cms/src", "contract/src"],
      ["cms/next.config.ts", "cms/package.json"],
    );
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
      log("CMS build is up to date");
      return;
    }
    log("building the CMS (first run or sources changed; a few minutes on 2 cores)…");
    await run("CMS build", [nextBin, "build", "--webpack"], { ...env, NODE_ENV: "production" });
    writeFileSync(stamp, hash);
  });
}

/** The embed script the site ships at /widget/v1/widget.js (seconds to build; skipped when current). */
async function buildWidget(env: NodeJS.ProcessEnv): Promise<void> {
  const widgetDir = path.join(root, "widget");
  const stamp = path.join(widgetDir, "dist", ".source-hash");
  const hash = sourceHash(
    ["widget/src", "widget/scripts", "contract/src"],
    ["widget/package.json"],
  );
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  log("building the widget…");
  await run("widget build", [path.join(widgetDir, "scripts", "build.ts")], env, widgetDir);
  writeFileSync(stamp, hash);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/** A long-running server: if it dies, everything stops (a half-running stack helps nobody). */
function serve(label: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): void {
  const child = spawn(process.execPath, args, { cwd, env, stdio: "inherit" });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (stopping) return;
    log(`${label} stopped (${signal ?? `exit ${code}`})`);
    void stopAll(code || 1);
  });
}

let stopping = false;

/** Stops every child (SIGTERM, then SIGKILL after 10 s) before exiting: no orphaned servers. */
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  const deadline = Date.now() + 10_000;
  while (children.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const child of children) child.kill("SIGKILL");
  process.exit(code);
}

async function main(): Promise<void> {
  const env = settleEnvironment();
  await buildCms(env);
  await buildWidget(env);

  log("migrating and seeding the database…");
  // Local mode seeds with NODE_ENV unset so the documented development login is allowed.
  // Preparation never publishes the site (no hook, no local rebuild): the site is built below.
  const { SITE_BUILD_HOOK_URL: _hook, SITE_DIR: _dir, ...quiet } = env;
  // Jobs (emails) run in the CMS server below, not in this short-lived step.
  const prepareEnv = {
    ...quiet,
    JOBS_AUTORUN: "false",
    ...(production ? {} : { NODE_ENV: "development" }),
  };
  await run("database preparation", [tsxBin, "src/scripts/prepare.ts"], prepareEnv);

  // The CMS rebuilds the site locally on publish unless a deploy hook is configured.
  const cmsEnv = { ...env, NODE_ENV: "production", SITE_DIR: env.SITE_DIR || siteDir };
  // cms/server.ts: Next.js behind a Node server that knows the client's address (rate limits).
  serve("CMS", [path.join(cmsDir, "server.ts")], cmsEnv, cmsDir);
  await waitForHttp(`${env.CMS_URL}/api/health`, 120_000);

  const hasRelease = existsSync(path.join(env.SITE_RELEASES_DIR ?? "", "current"));
  serve("site", [path.join(siteDir, "scripts", "serve.ts")], env, siteDir);
  if (hasRelease) {
    log("serving the previous site release while the new one builds…");
    void run("site build", [path.join(siteDir, "scripts", "release.ts")], env, siteDir).catch(
      (error: Error) => log(`${error.message}: the previous release stays live`),
    );
  } else {
    log("building the site…");
    await run("site build", [path.join(siteDir, "scripts", "release.ts")], env, siteDir);
  }
  await waitForHttp(`${env.SITE_URL}/`, 60_000);

  const login = production
    ? "the admin from CMS_ADMIN_EMAIL / CMS_ADMIN_PASSWORD"
    : `${env.CMS_ADMIN_EMAIL || DEV_LOGINS.admin.email} / ${env.CMS_ADMIN_PASSWORD || DEV_LOGINS.admin.password}`;
  log("ready");
  log(`site:         ${env.SITE_URL}/`);
  log(`CMS + admin:  ${env.CMS_URL}/admin   (login: ${login})`);
  log(`public API:   ${env.CMS_URL}/api`);
  log(
    env.RESEND_API_KEY
      ? `emails:       sent through ${env.RESEND_BASE_URL || "https://api.resend.com"} by the CMS's job runner`
      : "emails:       kept in the admin's outbox as not sent (no RESEND_API_KEY)",
  );
  log("Ctrl-C stops everything.");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping…`);
    void stopAll(0);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`[start] ${error instanceof Error ? error.message : String(error)}\n`);
  void stopAll(1);
});
