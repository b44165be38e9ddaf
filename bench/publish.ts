/**
 * Phase 3: preview and publish-to-live. An editor saves a changed FAQ question as a draft and opens
 * its preview (the clock runs from asking until the preview page shows the text: the preview
 * build of the real site, cms/src/preview/), then publishes it; the clock runs from the PATCH
 * until the live /faq/ page shows the new text. That covers what an editor waits for: the
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
  /** From asking for the draft's preview to the preview page showing it; null if it gave up. */
  previewMs: number | null;
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

/** Asks for the FAQ's preview as the admin's 预览 button does, until the page shows `text`. */
async function timePreview(
  cms: { url: string; token: string },
  faqId: string | number,
  text: string,
): Promise<number | null> {
  const started = performance.now();
  const headers = { Authorization: `JWT ${cms.token}` };
  while (performance.now() - started < GIVE_UP_MS) {
    const asked = await fetch(`${cms.url}/api/site-preview?doc=faqs:${faqId}`, {
      headers,
      redirect: "manual",
    });
    const location = asked.headers.get("location");
    if (asked.status === 303 && location) {
      const page = await fetch(new URL(location, cms.url));
      return (await page.text()).includes(text) ? performance.now() - started : null;
    }
    if (asked.status !== 200) return null;
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
    await editor.request("PATCH", `/faqs/${faq.id}?depth=0&draft=true`, {
      question: `${faq.question} [${marker}]`,
    });
    const previewMs = await timePreview(editor, faq.id, marker);
    process.stdout.write(
      `[bench]   preview ${previewMs === null ? "gave up" : seconds(previewMs)}\n`,
    );
    const started = performance.now();
    await editor.request("PATCH", `/faqs/${faq.id}?depth=0`, {
      question: `${faq.question} [${marker}]`,
      _status: "published",
    });
    const liveMs = await waitUntilLive(faqPage, marker, started);
    const status = await waitForPublisherIdle(editor);
    runs.push({ run, liveMs, publisherBuildMs: status.durationMs ?? null, previewMs });
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
    run.previewMs === null ? "gave up" : seconds(run.previewMs),
  ]);
  rows.push([
    "median",
    live.length === runs.length && live.length > 0 ? seconds(median(live)) : "n/a (a run gave up)",
    "",
    "",
  ]);
  rows.push(["aim", `< ${AIM_MS / 1000} s`, "", ""]);
  printTable(
    "Publish to live: editor PATCHes a FAQ question (published) → text on GET /faq/ (polled every 200 ms)",
    ["", "publish → live", "of which: publisher's build", "draft → preview shown"],
    rows,
  );
}
