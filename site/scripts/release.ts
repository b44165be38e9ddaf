/**
 * Builds the site into a fresh release folder and makes it live with an atomic symlink swap, so
 * visitors never see a half-written site; a failed build leaves the live release untouched.
 *
 *   releases/<id>/     one complete build each
 *   releases/current   symlink to the live one (what scripts/serve.ts serves)
 *
 * Prints `release: <id>` on success. The CMS's site publisher runs it on every publish.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withDirLock } from "../../scripts/lib/dirLock.ts";

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Each stack (pnpm start, a test run, a benchmark) may keep its releases apart. */
const releasesDir = process.env.SITE_RELEASES_DIR || path.join(siteDir, "releases");
const currentLink = path.join(releasesDir, "current");
const KEEP = 3;

/** Builds for the same CMS share a cache (faster rebuilds) and take turns; other CMSes never mix in. */
function cacheDirFor(cmsUrl: string): string {
  const key = createHash("sha256").update(cmsUrl).digest("hex").slice(0, 12);
  return path.join(siteDir, "node_modules", ".astro-cache", key);
}

/**
 * Astro's key for server islands, kept with the cache. The site has no server island, but a build
 * without ASTRO_KEY makes a new key, which is part of every page's code: no page would match the
 * last build's, and the incremental build (lib/pageKeys.ts) would render them all again.
 */
function keepAstroKey(cacheDir: string): string {
  const file = path.join(cacheDir, "astro-key");
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function build(outDir: string, cacheDir: string): Promise<void> {
  const astro = path.join(siteDir, "node_modules", "astro", "bin", "astro.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, "build", "--silent"], {
      cwd: siteDir,
      env: {
        ...process.env,
        SITE_OUT_DIR: outDir,
        SITE_CACHE_DIR: cacheDir,
        ASTRO_KEY: keepAstroKey(cacheDir),
        SITE_TYPECHECK_ONLY: "",
        ASTRO_TELEMETRY_DISABLED: "1",
      },
      stdio: "inherit",
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`)),
    );
  });
}

/**
 * The widget ships with the site under /widget/v1/: the loader (widget.js, which carries a
 * placeholder for the API base, pointed here at this deployment's CMS; `data-api` still overrides
 * it per embed) and the scripts it loads from its own directory (form.js, form-en.js).
 */
function addWidget(outDir: string): void {
  const builtDir = path.join(siteDir, "..", "widget", "dist", "v1");
  const loader = path.join(builtDir, "widget.js");
  if (!existsSync(loader)) {
    throw new Error(
      `${loader} is missing: build the widget first (pnpm --filter @beian/widget build)`,
    );
  }
  const cmsUrl = (process.env.CMS_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  if (!readFileSync(loader, "utf8").includes(API_PLACEHOLDER))
    throw new Error(`${loader} has no ${API_PLACEHOLDER} to fill in`);
  mkdirSync(path.join(outDir, "widget", "v1"), { recursive: true });
  for (const file of readdirSync(builtDir).filter((name) => name.endsWith(".js"))) {
    const source = readFileSync(path.join(builtDir, file), "utf8");
    writeFileSync(
      path.join(outDir, "widget", "v1", file),
      source.replaceAll(API_PLACEHOLDER, cmsUrl),
    );
  }
}

const API_PLACEHOLDER = "__BEIAN_API_BASE__";

function prune(live: string): void {
  const releases = readdirSync(releasesDir)
    .filter((name) => /^\d{8}T\d{6}-[0-9a-f]{6}$/.test(name))
    .sort();
  const stale = releases
    .filter((name) => name !== live)
    .slice(0, Math.max(0, releases.length - KEEP));
  for (const name of stale) rmSync(path.join(releasesDir, name), { recursive: true, force: true });
}

async function main(): Promise<void> {
  mkdirSync(releasesDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  const id = `${stamp}-${randomBytes(3).toString("hex")}`;
  const outDir = path.join(releasesDir, id);
  const cacheDir = cacheDirFor(process.env.CMS_URL ?? "http://127.0.0.1:3000");
  // Built under a name that is the same every time (Astro's output folder is part of its pages'
  // code: a new name would make every page new to the incremental build), then renamed to the
  // release's own. Builds for the same CMS take turns (the lock), so the name is theirs alone.
  const buildDir = path.join(releasesDir, `.build-${path.basename(cacheDir)}`);
  try {
    await withDirLock(
      `${cacheDir}.lock`,
      { staleMs: 10 * 60_000, timeoutMs: 10 * 60_000, pollMs: 250 },
      async () => {
        rmSync(buildDir, { recursive: true, force: true });
        await build(buildDir, cacheDir);
        renameSync(buildDir, outDir);
      },
    );
  } catch (error) {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  try {
    addWidget(outDir);
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  if (!existsSync(path.join(outDir, "index.html"))) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error("the build produced no index.html");
  }
  // rename(2) over an existing symlink is atomic: requests see the old release or the new one.
  const staging = path.join(releasesDir, `.current-${id}`);
  symlinkSync(id, staging);
  renameSync(staging, currentLink);
  prune(id);
  process.stdout.write(`release: ${id}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `site release failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
