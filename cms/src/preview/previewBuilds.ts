/**
 * Preview builds: the real site, built by its own Astro pages and components (`astro build`), from
 * what the CMS publishes with one document's draft in its place (site/src/lib/previewDraft.ts),
 * into a private folder of the CMS's (SITE_PREVIEW_DIR) — never into the site's releases, so a
 * preview can never go live. The CMS serves it behind a signed link (endpoints.ts).
 *
 * Why a whole build and not only the previewed page: Astro 7 builds every route of a static site
 * (there is no "build these routes" option), and its container API renders a component without
 * the content layer the pages read. A whole build is what visitors will get, measured at a few
 * seconds on two cores (`pnpm bench`), and the page shows 生成预览中… meanwhile.
 *
 * One preview builds at a time (previews and the live build each have their own Astro cache, so
 * they never wait for each other's lock); asking again for the same draft reuses its build.
 *
 * Every preview builds alike — in the same folder (`.build-…`, renamed to the build's id when done),
 * under the same base path (PREVIEW_BASE_SEGMENT, which the server replaces by the link's signed
 * token as it sends each text file: endpoints.ts) and with the same ASTRO_KEY — because all three
 * are part of each page's code in Astro's incremental build (site/src/lib/pageKeys.ts): so a
 * preview renders again only the pages the draft changes, not every page of the site (at 5,000
 * cases, 21–45 s each when every build had its own folder and base).
 */
import { spawn } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PREVIEW_LINK_TTL_S, signPreviewToken } from "./signedLink.ts";

export type TPreviewState = "building" | "ready" | "failed";

export type TPreviewBuild = {
  id: string;
  /** The draft it shows: which document, and that draft's `updatedAt`. */
  draftKey: string;
  state: TPreviewState;
  /** The signed path segment the build is served under (its Astro `base`). */
  token: string;
  expiresAtS: number;
  startedAt: number;
  finishedAt?: number;
  error?: string;
};

export type TPreviewBuilderOptions = {
  siteDir: string;
  previewDir: string;
  /** The path the CMS serves previews under, e.g. `/api/site-preview`. */
  servedUnder: string;
  linkKey: Buffer;
  buildEnv: { CMS_URL: string; SITE_URL: string };
  /** The build command (node arguments); the site's own `astro build` unless a test stands in. */
  command?: string[];
  /** How many preview builds stay on disk. */
  keep?: number;
  /** Where a build's outcome and duration are reported (the CMS's log). */
  log?: (message: string) => void;
};

export type TPreviewBuilder = {
  /** The build of this draft: the running or finished one, or a new one. */
  request: (draftKey: string, draft: { source: string; doc: unknown }) => TPreviewBuild;
  /** Where a build's files are (whether or not this process made it). */
  dirOf: (buildId: string) => string;
  /** Resolves when every build asked for so far has finished (tests). */
  idle: () => Promise<void>;
};

/** The path segment every preview is built under; the served files carry the link's token. */
export const PREVIEW_BASE_SEGMENT = "_preview_";

const LOG_TAIL = 2_000;
/** A build is reused while its link has this long left to live. */
const REUSE_MARGIN_S = 10 * 60;
/**
 * A failed build of the same draft is the answer for this long (the page says why); asking again
 * later builds again, in case what failed was passing (the CMS busy, the machine short of memory).
 */
const FAILED_REUSE_MS = 30_000;

/** A preview folder inside the site's sources could be served or published by the site: refused. */
export function assertPrivatePreviewDir(previewDir: string, siteDir: string): void {
  const relative = path.relative(path.resolve(siteDir), path.resolve(previewDir));
  if (!relative.startsWith("..") && !path.isAbsolute(relative)) {
    throw new Error(
      `SITE_PREVIEW_DIR (${previewDir}) is inside the site (${siteDir}): previews must stay private`,
    );
  }
}

/**
 * Builds whose links have expired, left by this or an earlier process (a restart, a test stack):
 * nobody can open them any more, so they go.
 */
function removeExpired(previewDir: string, now: number): void {
  let names: string[] = [];
  try {
    names = readdirSync(previewDir);
  } catch {
    return;
  }
  for (const name of names) {
    const entry = path.join(previewDir, name);
    const modified = statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? now;
    if (now - modified > (PREVIEW_LINK_TTL_S + REUSE_MARGIN_S) * 1000) {
      rmSync(entry, { recursive: true, force: true });
    }
  }
}

export function createPreviewBuilder(options: TPreviewBuilderOptions): TPreviewBuilder {
  assertPrivatePreviewDir(options.previewDir, options.siteDir);
  removeExpired(options.previewDir, Date.now());
  const builds = new Map<string, TPreviewBuild>();
  let queue = Promise.resolve();
  const dirOf = (buildId: string) => path.join(options.previewDir, buildId);

  const prune = () => {
    const stale = [...builds.values()]
      .filter((build) => build.state !== "building")
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(options.keep ?? 5);
    for (const build of stale) {
      builds.delete(build.draftKey);
      rmSync(dirOf(build.id), { recursive: true, force: true });
    }
  };

  // The folder each preview is built in, before it is renamed to its build's id: one per CMS (as
  // its Astro cache), so two stacks sharing the default SITE_PREVIEW_DIR never build in each
  // other's folder.
  const buildFolder = path.join(options.previewDir, `.build-${cmsKey(options.buildEnv.CMS_URL)}`);
  // Astro's key for server islands (the site has none): one per CMS secret, so every preview's
  // pages share it. Derived, not stored: base64 of 32 bytes, as ASTRO_KEY is.
  const astroKey = createHmac("sha256", options.linkKey).update("ASTRO_KEY").digest("base64");

  const start = (draftKey: string, draft: { source: string; doc: unknown }): TPreviewBuild => {
    const now = Date.now();
    const id = `${new Date(now).toISOString().replace(/\D/g, "").slice(0, 14)}-${randomBytes(4).toString("hex")}`;
    const expiresAtS = Math.floor(now / 1000) + PREVIEW_LINK_TTL_S;
    const token = signPreviewToken(options.linkKey, id, expiresAtS);
    const build: TPreviewBuild = {
      id,
      draftKey,
      state: "building",
      token,
      expiresAtS,
      startedAt: now,
    };
    builds.set(draftKey, build);
    queue = queue.then(async () => {
      mkdirSync(options.previewDir, { recursive: true });
      rmSync(buildFolder, { recursive: true, force: true }); // a build a crash left half done
      const draftFile = `${buildFolder}.draft.json`;
      writeFileSync(draftFile, JSON.stringify(draft));
      const built = await runBuild(options, {
        SITE_OUT_DIR: buildFolder,
        SITE_PREVIEW_DRAFT: draftFile,
        SITE_BASE: `${options.servedUnder}/${PREVIEW_BASE_SEGMENT}`,
        ASTRO_KEY: astroKey,
      });
      rmSync(draftFile, { force: true });
      const result = built.ok ? moveInto(buildFolder, dirOf(id)) : built;
      build.finishedAt = Date.now();
      const took = `${build.finishedAt - build.startedAt} ms`;
      options.log?.(
        `site preview ${id} (${draftKey}): ${result.ok ? `built in ${took}` : `failed after ${took}`}`,
      );
      if (result.ok) build.state = "ready";
      else {
        build.state = "failed";
        build.error = result.error;
        rmSync(buildFolder, { recursive: true, force: true });
      }
      prune();
      removeExpired(options.previewDir, Date.now());
    });
    return build;
  };

  return {
    request(draftKey, draft) {
      const existing = builds.get(draftKey);
      if (existing && reusable(existing, Date.now())) return existing;
      return start(draftKey, draft);
    },
    dirOf,
    idle: () => queue,
  };
}

function reusable(build: TPreviewBuild, now: number): boolean {
  if (build.state === "failed") return now - (build.finishedAt ?? now) < FAILED_REUSE_MS;
  return build.expiresAtS - REUSE_MARGIN_S > now / 1000;
}

type TBuildResult = { ok: true } | { ok: false; error: string };

/** The finished build, renamed from the shared build folder to its own. */
function moveInto(buildFolder: string, dir: string): TBuildResult {
  try {
    rmSync(dir, { recursive: true, force: true });
    renameSync(buildFolder, dir);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** A short name for a CMS, by its address. */
const cmsKey = (cmsUrl: string) => createHash("sha256").update(cmsUrl).digest("hex").slice(0, 12);

/** Astro's cache for previews: apart from the live build's (site/scripts/release.ts) and its lock. */
function previewCacheDir(siteDir: string, cmsUrl: string): string {
  return path.join(siteDir, "node_modules", ".astro-cache", `${cmsKey(cmsUrl)}-preview`);
}

function runBuild(options: TPreviewBuilderOptions, env: Record<string, string>) {
  const { siteDir } = options;
  const command = options.command ?? [
    path.join(siteDir, "node_modules", "astro", "bin", "astro.mjs"),
    "build",
    "--silent",
  ];
  return new Promise<TBuildResult>((resolve) => {
    let output = "";
    const child = spawn(process.execPath, command, {
      cwd: siteDir,
      env: {
        ...process.env,
        ...options.buildEnv,
        ...env,
        SITE_CACHE_DIR: previewCacheDir(siteDir, options.buildEnv.CMS_URL),
        SITE_TYPECHECK_ONLY: "",
        ASTRO_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-LOG_TAIL * 4);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => resolve({ ok: false, error: error.message }));
    child.on("exit", (code) =>
      resolve(
        code === 0
          ? { ok: true }
          : { ok: false, error: output.trim().slice(-LOG_TAIL) || `exit ${code}` },
      ),
    );
  });
}
