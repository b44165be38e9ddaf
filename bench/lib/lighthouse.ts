/**
 * One Lighthouse run of one URL in Debian's Chromium (no browser download is possible here), with
 * Lighthouse's defaults: mobile form factor, simulated throttling. Simulated throttling computes
 * performance from a trace, so a busy 2-core machine disturbs the score less than real throttling.
 */
import { launch } from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { onCleanup } from "./cleanup.ts";

export const CHROMIUM = "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type TCategory = (typeof CATEGORIES)[number];

export type TPageAudit = {
  url: string;
  /** 0–100, or null when Lighthouse could not score the category. */
  scores: Record<TCategory, number | null>;
  /** Bytes transferred for scripts (resourceType "Script"), as the network saw them. */
  jsBytes: number;
  /** Bytes transferred for everything (total-byte-weight audit). */
  totalBytes: number;
  requests: number;
  /** How Lighthouse ran, e.g. "Lighthouse 13.5.0, mobile, simulate throttling, Chromium 156". */
  settings: string;
  /** Lighthouse's run-time warnings (e.g. the page redirected), worth printing beside figures. */
  warnings: string[];
  /**
   * The performance metrics that cost points, e.g. "LCP 2.6 s (0.96)": what to fix when performance
   * is below 100 (empty when every metric scored 1).
   */
  metricLosses: string[];
};

/** The metrics the performance score is made of, by their Lighthouse audit id. */
const METRICS: Record<string, string> = {
  "first-contentful-paint": "FCP",
  "largest-contentful-paint": "LCP",
  "total-blocking-time": "TBT",
  "cumulative-layout-shift": "CLS",
  "speed-index": "SI",
};

type TNetworkItem = { resourceType?: string; transferSize?: number };

export async function auditPage(url: string): Promise<TPageAudit> {
  // A fresh browser per page: no cache, service worker or storage carried from the previous page.
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROME_FLAGS,
    // The bench's own signal handlers stop Chrome (through the cleanup registry), in order.
    handleSIGINT: false,
    logLevel: "silent",
  });
  const stopChrome = onCleanup("chromium", () => chrome.kill()).run;
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return summarise(url, result.lhr);
  } finally {
    await stopChrome();
  }
}

function summarise(url: string, lhr: Result): TPageAudit {
  if (lhr.runtimeError) {
    throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  }
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => {
      const score = lhr.categories[id]?.score;
      return [id, typeof score === "number" ? Math.round(score * 100) : null];
    }),
  ) as Record<TCategory, number | null>;

  const details = lhr.audits["network-requests"]?.details as { items?: TNetworkItem[] } | undefined;
  const items = details?.items ?? [];
  const jsBytes = items
    .filter((item) => item.resourceType === "Script")
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  const totalBytes =
    lhr.audits["total-byte-weight"]?.numericValue ??
    items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);

  return {
    url,
    scores,
    jsBytes,
    totalBytes: Math.round(totalBytes),
    requests: items.length,
    settings: [
      `Lighthouse ${lhr.lighthouseVersion}`,
      lhr.configSettings.formFactor,
      `${lhr.configSettings.throttlingMethod} throttling`,
      lhr.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? "",
      `benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)}`,
    ]
      .filter(Boolean)
      .join(", "),
    warnings: lhr.runWarnings.map(String),
    metricLosses: Object.entries(METRICS).flatMap(([id, name]) => {
      const audit = lhr.audits[id];
      return audit && typeof audit.score === "number" && audit.score < 1
        ? [`${name} ${audit.displayValue ?? audit.numericValue} (${audit.score})`]
        : [];
    }),
  };
}
