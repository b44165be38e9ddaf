/**
 * Phase 1: Lighthouse (mobile) on the site's main pages, with the bytes each page costs a visitor.
 * Pages are audited one after another: Lighthouse and Chromium together fill both cores.
 */
import { auditPage, CATEGORIES, type TPageAudit } from "./lib/lighthouse.ts";
import { kB, printTable } from "./lib/table.ts";

export const PAGES = ["/", "/guide/", "/faq/", "/cases/", "/types/personal/", "/track/"] as const;

/**
 * Aims: every score 100; at most 2 KiB of JavaScript before any interaction: the site's own small
 * scripts (the one behind 在线咨询, the order lookup's form, the type page's island); the widget
 * itself, and what /track/ shows of an answer, load only when a visitor reaches for them, which
 * Lighthouse does not.
 */
export const SCORE_AIM = 100;
export const JS_AIM_BYTES = 2048;

export async function auditPages(siteUrl: string): Promise<TPageAudit[]> {
  const audits: TPageAudit[] = [];
  for (const page of PAGES) {
    process.stdout.write(`[bench] lighthouse ${page}\n`);
    const audit = await auditPage(new URL(page, siteUrl).href);
    audits.push(audit);
    process.stdout.write(
      `[bench]   ${CATEGORIES.map((id) => `${id} ${audit.scores[id] ?? "n/a"}`).join(", ")}${audit.metricLosses.length ? `; below 1: ${audit.metricLosses.join(", ")}` : ""}\n`,
    );
  }
  return audits;
}

export function printPageAudits(siteUrl: string, audits: TPageAudit[]): void {
  const headers = ["page", ...CATEGORIES, "JS", "transferred", "requests", "misses its aim"];
  const rows = audits.map((audit) => {
    const misses = [
      ...CATEGORIES.filter((id) => audit.scores[id] !== SCORE_AIM).map(
        (id) => `${id} ${audit.scores[id] ?? "n/a"}`,
      ),
      ...(audit.jsBytes > JS_AIM_BYTES ? [`JS ${kB(audit.jsBytes)}`] : []),
      ...(audit.scores.performance !== SCORE_AIM ? audit.metricLosses : []),
    ];
    return [
      new URL(audit.url).pathname,
      ...CATEGORIES.map((id) => audit.scores[id]),
      kB(audit.jsBytes),
      kB(audit.totalBytes),
      audit.requests,
      misses.length ? misses.join(", ") : "none",
    ];
  });
  rows.push(["aim", ...CATEGORIES.map(() => SCORE_AIM), kB(JS_AIM_BYTES), "–", "–", ""]);
  printTable(
    `Lighthouse scores and page weight — ${siteUrl} (${audits[0]?.settings ?? "no run"})`,
    headers,
    rows,
  );
  for (const audit of audits) {
    for (const warning of audit.warnings) {
      process.stdout.write(`  warning (${new URL(audit.url).pathname}): ${warning}\n`);
    }
  }
  process.stdout.write(
    "  JS aim is 2 KiB: the site's own scripts, before the widget loads on a tap (FAQ answers open with <details>).\n" +
      "  Bytes are as transferred (compressed), from Lighthouse's network-requests and total-byte-weight audits.\n",
  );
}
