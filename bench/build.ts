/**
 * Phase 2: how long the site takes to build, with the seeded content and with a large catalogue
 * (1000 more cases, 300 more FAQs). The large run uses a stack of its own with its own temporary
 * database, so the seeded stack's content (and its other measurements) stay as seeded.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onCleanup } from "./lib/cleanup.ts";
import { EDITOR, login, publicCount, type TCms, waitForPublisherIdle } from "./lib/cms.ts";
import { caseDoc, faqDoc, filingTypeIds, pool } from "./lib/content.ts";
import { startHookStub } from "./lib/hook.ts";
import { timeRelease } from "./lib/release.ts";
import { startStack, type TStack } from "./lib/stack.ts";
import { kB, printTable, seconds } from "./lib/table.ts";

export const EXTRA_CASES = 1000;
export const EXTRA_FAQS = 300;
/** Requests in flight while filling the CMS: SQLite has one writer, more would only queue. */
const CONCURRENCY = 4;

export type TBuildTiming = {
  cases: number;
  faqs: number;
  buildMs: number;
  release: string;
  /** Uncompressed HTML of the pages that grow with the content, once the release is live. */
  htmlBytes: { cases: number; faq: number };
  /** Only for the large run: how long creating the extra documents took. */
  createMs?: number;
};

/** Size of a live page's HTML (uncompressed): shows the build really carried the content. */
async function htmlBytes(siteUrl: string, page: string): Promise<number> {
  const response = await fetch(new URL(page, siteUrl));
  if (!response.ok) throw new Error(`GET ${page}: HTTP ${response.status}`);
  return Buffer.byteLength(await response.text());
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
  return { cases, faqs, buildMs: ms, release, htmlBytes: { cases: casesHtml, faq: faqHtml } };
}

/** Seeded content, on the already running seeded stack (its publisher is idle: nothing changed). */
export async function timeSeededBuild(stack: TStack): Promise<TBuildTiming> {
  const editor = await login(stack.cmsUrl, EDITOR);
  await waitForPublisherIdle(editor);
  return timeBuild(stack);
}

async function addContent(editor: TCms, runId: string): Promise<number> {
  const started = performance.now();
  const ids = await filingTypeIds(editor);
  const progress = (kind: string, total: number) => (done: number) => {
    if (done % 100 === 0 || done === total) {
      process.stdout.write(`[bench]   ${kind}: ${done}/${total}\n`);
    }
  };
  await pool(
    EXTRA_CASES,
    CONCURRENCY,
    async (index) => {
      await editor.request("POST", "/cases?depth=0", caseDoc(index, ids));
    },
    progress("cases", EXTRA_CASES),
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

/**
 * The large catalogue: its own database, filled over REST, then one timed release.
 *
 * The stack is started twice on that database. The first start seeds it, as `pnpm start` does.
 * The second runs with a stub deploy hook, so that the CMS does not rebuild the site over and over
 * while 1300 documents arrive. The hook cannot be given to the first start: start.ts hands the same
 * environment to the seed script, whose global updates then wake the publisher mid-seed, and on
 * SQLite its status write collides with the seed's transaction (SQLITE_BUSY).
 */
export async function timeLargeBuild(logDir: string, runId: string): Promise<TBuildTiming> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "beian-bench-large-"));
  const removeData = onCleanup("large database", () =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
  try {
    const seeding = await startStack({ label: "large-seed", logDir, dataDir });
    await seeding.stop();

    const hook = await startHookStub();
    try {
      const stack = await startStack({
        label: "large",
        logDir,
        dataDir,
        env: { SITE_BUILD_HOOK_URL: hook.url },
      });
      try {
        const editor = await login(stack.cmsUrl, EDITOR);
        process.stdout.write(
          `[bench] adding ${EXTRA_CASES} cases and ${EXTRA_FAQS} FAQs through the REST API (${CONCURRENCY} at a time)\n`,
        );
        const createMs = await addContent(editor, runId);
        await waitForPublisherIdle(editor);
        const timing = await timeBuild(stack);
        return { ...timing, createMs };
      } finally {
        await stack.stop();
      }
    } finally {
      await hook.close();
    }
  } finally {
    await removeData.run();
  }
}

export function printBuildTimings(seeded?: TBuildTiming, large?: TBuildTiming): void {
  const column = (timing: TBuildTiming | undefined, pick: (t: TBuildTiming) => string | number) =>
    timing ? pick(timing) : "not run";
  printTable(
    "Site build time: node site/scripts/release.ts against the stack's CMS (as a publish runs it)",
    ["", "seeded content", `+ ${EXTRA_CASES} cases, + ${EXTRA_FAQS} FAQs`],
    [
      ["published cases", column(seeded, (t) => t.cases), column(large, (t) => t.cases)],
      ["published FAQs", column(seeded, (t) => t.faqs), column(large, (t) => t.faqs)],
      [
        "build time",
        column(seeded, (t) => seconds(t.buildMs)),
        column(large, (t) => seconds(t.buildMs)),
      ],
      [
        "/cases/ HTML (uncompressed)",
        column(seeded, (t) => kB(t.htmlBytes.cases)),
        column(large, (t) => kB(t.htmlBytes.cases)),
      ],
      [
        "/faq/ HTML (uncompressed)",
        column(seeded, (t) => kB(t.htmlBytes.faq)),
        column(large, (t) => kB(t.htmlBytes.faq)),
      ],
      [
        "creating the extra docs (REST)",
        "–",
        column(large, (t) => (t.createMs === undefined ? "–" : seconds(t.createMs))),
      ],
    ],
  );
}
