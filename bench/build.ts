/**
 * Phase 2: the site at a year of data. How long the site takes to build with the seeded content and
 * with 5,000 published cases (+ 300 FAQs), how heavy its largest page is, and how long an editor's
 * publish takes to be live at that size, each beside its aim and beside the seeded figure measured
 * in the same run. The large run uses stacks of its own on a temporary database, so the seeded
 * stack's content (and its other measurements) stay as seeded.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onCleanup } from "./lib/cleanup.ts";
import { EDITOR, login, publicCount, type TCms, waitForPublisherIdle } from "./lib/cms.ts";
import { caseDoc, faqDoc, filingTypeIds, pool } from "./lib/content.ts";
import { startHookStub } from "./lib/hook.ts";
import { timeRelease } from "./lib/release.ts";
import { startStack, type TStack } from "./lib/stack.ts";
import { kB, median, printTable, seconds } from "./lib/table.ts";
import { measurePublishToLive, AIM_MS as PUBLISH_AIM_MS, type TPublishRun } from "./publish.ts";

/** Published cases of the large run (the year of data): the seed's, topped up to this. */
export const TOTAL_CASES = 5_000;
export const EXTRA_FAQS = 300;
export const BUILD_AIM_MS = 30_000;
export const PAGE_AIM_BYTES = 200_000;
/**
 * Requests in flight while filling the CMS. SQLite has one writer, so more only queue; measured
 * on 2 cores, 4 keeps the CMS busy (its per-request work overlaps the writes).
 */
const CONCURRENCY = 4;

export type TLargestPage = { path: string; bytes: number; pages: number };

export type TBuildTiming = {
  cases: number;
  faqs: number;
  buildMs: number;
  release: string;
  /** Uncompressed HTML of the pages that grow with the content, once the release is live. */
  htmlBytes: { cases: number; faq: number };
  /** The release's heaviest HTML file, and how many HTML pages it has. */
  largestPage: TLargestPage;
};

export type TLargeBuild = {
  /** The large run's database before the bulk insert: the seeded baseline of this run. */
  seeded: TBuildTiming;
  seededPublish: TPublishRun[];
  large: TBuildTiming;
  /** Building again with nothing changed: what a later publish pays (drawn images are kept). */
  rebuildMs: number;
  /** Creating the extra cases and FAQs over REST. */
  createMs: number;
  publish: TPublishRun[];
};

/** Size of a live page's HTML (uncompressed): shows the build really carried the content. */
async function htmlBytes(siteUrl: string, page: string): Promise<number> {
  const response = await fetch(new URL(page, siteUrl));
  if (!response.ok) throw new Error(`GET ${page}: HTTP ${response.status}`);
  return Buffer.byteLength(await response.text());
}

/** Every HTML file of a release folder, the heaviest named by its URL path. */
function largestPage(releaseDir: string): TLargestPage {
  let largest = { path: "", bytes: 0 };
  let pages = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".html")) {
        pages++;
        const bytes = statSync(file).size;
        if (bytes > largest.bytes) {
          const relative = path.relative(releaseDir, file).split(path.sep).join("/");
          largest = { path: `/${relative.replace(/(^|\/)index\.html$/, "$1")}`, bytes };
        }
      }
    }
  };
  walk(releaseDir);
  return { ...largest, pages };
}

async function timeBuild(stack: TStack): Promise<TBuildTiming> {
  const [cases, faqs] = await Promise.all([
    publicCount(stack.cmsUrl, "cases"),
    publicCount(stack.cmsUrl, "faqs"),
  ]);
  process.stdout.write(`[bench] timing a site release (${cases} cases, ${faqs} FAQs)\n`);
  const { ms, release } = await timeRelease(stack.env);
  process.stdout.write(`[bench]   ${seconds(ms)}\n`);
  const [casesHtml, faqHtml] = [
    await htmlBytes(stack.siteUrl, "/cases/"),
    await htmlBytes(stack.siteUrl, "/faq/"),
  ];
  const releasesDir = stack.env.SITE_RELEASES_DIR;
  if (!releasesDir) throw new Error("the stack has no SITE_RELEASES_DIR");
  return {
    cases,
    faqs,
    buildMs: ms,
    release,
    htmlBytes: { cases: casesHtml, faq: faqHtml },
    largestPage: largestPage(path.join(releasesDir, release)),
  };
}

/** Seeded content, on the already running seeded stack (its publisher is idle: nothing changed). */
export async function timeSeededBuild(stack: TStack): Promise<TBuildTiming> {
  const editor = await login(stack.cmsUrl, EDITOR);
  await waitForPublisherIdle(editor);
  return timeBuild(stack);
}

async function addContent(editor: TCms, cases: number, runId: string): Promise<number> {
  const started = performance.now();
  const ids = await filingTypeIds(editor);
  const progress = (kind: string, total: number) => (done: number) => {
    if (done % 500 === 0 || done === total) {
      const elapsed = seconds(performance.now() - started);
      process.stdout.write(`[bench]   ${kind}: ${done}/${total} (${elapsed})\n`);
    }
  };
  await pool(
    cases,
    CONCURRENCY,
    async (index) => {
      await editor.request("POST", "/cases?depth=0", caseDoc(index, ids));
    },
    progress("cases", cases),
  );
  await pool(
    EXTRA_FAQS,
    CONCURRENCY,
    async (index) => {
      await editor.request("POST", "/faqs?depth=0", faqDoc(index, runId));
    },
    progress("FAQs", EXTRA_FAQS),
  );
  return performance.now() - started;
}

/** Runs `measure` on a stack of the large run's database, stopping the stack afterwards. */
async function onStack<T>(
  options: { label: string; logDir: string; dataDir: string; env?: Record<string, string> },
  measure: (stack: TStack) => Promise<T>,
): Promise<T> {
  const stack = await startStack(options);
  try {
    return await measure(stack);
  } finally {
    await stack.stop();
  }
}

/**
 * The large catalogue, on its own database, with three starts of the stack:
 *   1. the first start seeds it, as `pnpm start` does; the seeded build and publish are timed
 *      there, as this run's baseline;
 *   2. with a stub deploy hook, so that the CMS does not rebuild the site over and over while
 *      5,000 documents arrive: the cases and FAQs are added over REST, then two timed releases
 *      (the first draws every new case's images, the second finds them kept);
 *   3. without the hook again, so that a publish rebuilds the site: publish-to-live at that size.
 * The hook cannot be given to the first start: start.ts hands the same environment to the seed
 * script, whose global updates then wake the publisher mid-seed, and on SQLite its status write
 * collides with the seed's transaction (SQLITE_BUSY).
 */
export async function timeLargeBuild(logDir: string, runId: string): Promise<TLargeBuild> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "beian-bench-large-"));
  const removeData = onCleanup("large database", () =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
  try {
    const [seeded, seededPublish] = await onStack(
      { label: "large-seed", logDir, dataDir },
      async (stack) => {
        const build = await timeSeededBuild(stack);
        const publish = await measurePublishToLive(stack.cmsUrl, stack.siteUrl, `${runId}s`);
        return [build, publish] as const;
      },
    );

    const hook = await startHookStub();
    const grown = await (async () => {
      try {
        return await onStack(
          { label: "large", logDir, dataDir, env: { SITE_BUILD_HOOK_URL: hook.url } },
          async (stack) => {
            const editor = await login(stack.cmsUrl, EDITOR);
            const cases = TOTAL_CASES - (await publicCount(stack.cmsUrl, "cases"));
            process.stdout.write(
              `[bench] adding ${cases} cases and ${EXTRA_FAQS} FAQs through the REST API (${CONCURRENCY} at a time)\n`,
            );
            const createMs = await addContent(editor, cases, runId);
            await waitForPublisherIdle(editor);
            const large = await timeBuild(stack);
            process.stdout.write("[bench] the same release again, nothing changed\n");
            const rebuildMs = (await timeRelease(stack.env)).ms;
            process.stdout.write(`[bench]   ${seconds(rebuildMs)}\n`);
            return { large, rebuildMs, createMs };
          },
        );
      } finally {
        await hook.close();
      }
    })();

    process.stdout.write(`[bench] publish-to-live with ${grown.large.cases} cases\n`);
    const publish = await onStack({ label: "large-publish", logDir, dataDir }, (stack) =>
      measurePublishToLive(stack.cmsUrl, stack.siteUrl, `${runId}l`),
    );
    return { seeded, seededPublish, ...grown, publish };
  } finally {
    await removeData.run();
  }
}

/** The median of the runs that went live, or a note that one gave up. */
function medianLive(runs: TPublishRun[] | undefined): string {
  if (!runs) return "not run";
  const live = runs.flatMap((run) => (run.liveMs === null ? [] : [run.liveMs]));
  if (live.length !== runs.length || live.length === 0) return "n/a (a run gave up)";
  return `${seconds(median(live))} (median of ${live.length})`;
}

/** Each run's preview time, in order: the first fills the preview's build cache, later ones reuse it. */
function previewRuns(runs: TPublishRun[] | undefined): string {
  if (!runs) return "not run";
  return runs
    .map((run) => (run.previewMs === null ? "gave up" : seconds(run.previewMs)))
    .join(" / ");
}

/**
 * `seeded` is the seeded-build phase's figure; the large run brings its own seeded baseline, which
 * is preferred (same run, same database, same conditions).
 */
export function printBuildTimings(seeded?: TBuildTiming, large?: TLargeBuild): void {
  const base = large?.seeded ?? seeded;
  const column = <T>(timing: T | undefined, pick: (t: T) => string | number) =>
    timing ? pick(timing) : "not run";
  const biggest = (t: TBuildTiming) => `${kB(t.largestPage.bytes)} (${t.largestPage.path})`;
  printTable(
    "Site at a year of data: node site/scripts/release.ts against the stack's CMS (as a publish runs it)",
    ["", "seeded content (baseline)", `${TOTAL_CASES.toLocaleString("en")} cases`, "aim"],
    [
      ["published cases", column(base, (t) => t.cases), column(large, (t) => t.large.cases), ""],
      ["published FAQs", column(base, (t) => t.faqs), column(large, (t) => t.large.faqs), ""],
      [
        "build time (images drawn for new cases)",
        column(base, (t) => seconds(t.buildMs)),
        column(large, (t) => seconds(t.large.buildMs)),
        `< ${BUILD_AIM_MS / 1000} s`,
      ],
      [
        "build again, nothing new (images kept)",
        "–",
        column(large, (t) => seconds(t.rebuildMs)),
        `< ${BUILD_AIM_MS / 1000} s`,
      ],
      [
        "HTML pages built",
        column(base, (t) => t.largestPage.pages),
        column(large, (t) => t.large.largestPage.pages),
        "",
      ],
      [
        "largest page's HTML (uncompressed)",
        column(base, biggest),
        column(large, (t) => biggest(t.large)),
        `< ${kB(PAGE_AIM_BYTES)}`,
      ],
      [
        "/cases/ HTML (uncompressed)",
        column(base, (t) => kB(t.htmlBytes.cases)),
        column(large, (t) => kB(t.large.htmlBytes.cases)),
        "",
      ],
      [
        "/faq/ HTML (uncompressed)",
        column(base, (t) => kB(t.htmlBytes.faq)),
        column(large, (t) => kB(t.large.htmlBytes.faq)),
        "",
      ],
      [
        "publish → live (FAQ edit on /faq/)",
        large ? medianLive(large.seededPublish) : "not run",
        large ? medianLive(large.publish) : "not run",
        `< ${PUBLISH_AIM_MS / 1000} s`,
      ],
      [
        "preview of a FAQ draft, runs 1 / 2 / 3",
        large ? previewRuns(large.seededPublish) : "not run",
        large ? previewRuns(large.publish) : "not run",
        "",
      ],
      ["creating the extra docs (REST)", "–", column(large, (t) => seconds(t.createMs)), ""],
    ],
  );
}
