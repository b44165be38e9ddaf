/**
 * Phase 3: publish-to-live. An editor publishes a changed FAQ question; the clock runs from the
 * PATCH until the live /faq/ page shows the new text. That covers what an editor waits for: the
 * publisher's debounce, the site build, the atomic swap.
 */
import { EDITOR, login, sleep, waitForPublisherIdle } from "./lib/cms.ts";
import { median, printTable, seconds } from "./lib/table.ts";

export const RUNS = 3;
export const AIM_MS = 15_000;
const POLL_MS = 200;
const GIVE_UP_MS = 120_000;

export type TPublishRun = {
  run: number;
  /** Null when the text was not live within GIVE_UP_MS. */
  liveMs: number | null;
  /** The publisher's own build duration for this change (from the site-publish global). */
  publisherBuildMs: number | null;
};

type TFaq = { id: string | number; question: string };

/** Polls the live page until it contains `text`; returns the elapsed time since `started`, or null. */
async function waitUntilLive(
  pageUrl: string,
  text: string,
  started: number,
): Promise<number | null> {
  while (performance.now() - started < GIVE_UP_MS) {
    try {
      const response = await fetch(pageUrl, { signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      if (response.ok && body.includes(text)) return performance.now() - started;
    } catch {
      // a transient failure counts as "not live yet"
    }
    await sleep(POLL_MS);
  }
  return null;
}

export async function measurePublishToLive(
  cmsUrl: string,
  siteUrl: string,
  runId: string,
): Promise<TPublishRun[]> {
  const editor = await login(cmsUrl, EDITOR);
  const faqPage = new URL("/faq/", siteUrl).href;
  const { docs } = await editor.request<{ docs: TFaq[] }>(
    "GET",
    "/faqs?limit=1&depth=0&sort=order&where[_status][equals]=published",
  );
  const faq = docs[0];
  if (!faq) throw new Error("the seeded CMS has no published FAQ to edit");

  const runs: TPublishRun[] = [];
  for (let run = 1; run <= RUNS; run++) {
    // Each run starts from a quiet publisher, so it does not inherit the previous run's build.
    await waitForPublisherIdle(editor);
    // ASCII marker: HTML-escaping cannot change it, so a plain substring test finds it.
    const marker = `bench-${runId}-publish-${run}`;
    process.stdout.write(`[bench] publish-to-live run ${run}/${RUNS}\n`);
    const started = performance.now();
    await editor.request("PATCH", `/faqs/${faq.id}?depth=0`, {
      question: `${faq.question} [${marker}]`,
      _status: "published",
    });
    const liveMs = await waitUntilLive(faqPage, marker, started);
    const status = await waitForPublisherIdle(editor);
    runs.push({ run, liveMs, publisherBuildMs: status.durationMs ?? null });
    process.stdout.write(`[bench]   ${liveMs === null ? "gave up" : seconds(liveMs)}\n`);
  }
  return runs;
}

export function printPublishRuns(runs: TPublishRun[]): void {
  const live = runs.flatMap((run) => (run.liveMs === null ? [] : [run.liveMs]));
  const rows = runs.map((run) => [
    `run ${run.run}`,
    run.liveMs === null ? `> ${GIVE_UP_MS / 1000} s (gave up)` : seconds(run.liveMs),
    run.publisherBuildMs === null ? "–" : seconds(run.publisherBuildMs),
  ]);
  rows.push([
    "median",
    live.length === runs.length && live.length > 0 ? seconds(median(live)) : "n/a (a run gave up)",
    "",
  ]);
  rows.push(["aim", `< ${AIM_MS / 1000} s`, ""]);
  printTable(
    "Publish to live: editor PATCHes a FAQ question (published) → text on GET /faq/ (polled every 200 ms)",
    ["", "publish → live", "of which: publisher's build"],
    rows,
  );
}
