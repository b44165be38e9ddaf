/**
 * A year of data (issue 15): what a salesperson waits for once the agency holds 100,000 leads,
 * 20,000 orders (each with its emails and stage history) and 5,000 cases. The sales dashboard (the
 * admin home), the leads and orders lists in the admin (first page, filtered, sorted) and the
 * REST list calls behind the same views, each the median of five reads with a salesperson's
 * session, beside the same page on the freshly seeded database (the baseline, same run); and the
 * CSV export of every lead, streamed, with the CMS process's memory sampled meanwhile, beside an
 * export of about 5,000.
 *
 * How: a throwaway stack builds the CMS and prepares its database (then stops); the CMS
 * (`cms/server.ts`, as `pnpm start` runs it) serves that database for the baseline; then the year
 * is written into it by `cms/src/testing/scaleBench/seedYearEntry.ts` (Payload's database adapter,
 * one transaction per 500 leads) and the CMS serves it again.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEntry, stop } from "../cms/src/testing/crash/processes.ts";
import { onCleanup } from "./lib/cleanup.ts";
import { startScaleCms, type TScaleCms } from "./lib/scaleCms.ts";
import {
  browserHeaders,
  loginAs,
  medianGet,
  type TExportRun,
  type TSession,
  type TTiming,
  timeExport,
} from "./lib/scaleMeasure.ts";
import { SALES, type TTarget, targetsFor } from "./lib/scaleTargets.ts";
import { repoRoot, startStack } from "./lib/stack.ts";
import { kB, printTable } from "./lib/table.ts";

export const YEAR = { leads: 100_000, orders: 20_000, cases: 5_000 };
const AIM_MS = 500;
const AIM_EXPORT_SECONDS = 10;

/** Seeded only; a year on the committed migration's schema; the same with the config's indexes. */
type TColumn = "baseline" | "year" | "indexed";
export type TPageTiming = TTarget & { [column in TColumn]?: TTiming };

export type TScaleRun = {
  written: { leads: number; orders: number; cases: number; emails: number; seconds: number };
  databaseBytes: number;
  /** Indexes the config declares that the committed migration lacked, added before `indexed`. */
  indexesAdded: string[];
  pages: TPageTiming[];
  exports: { label: string; run: TExportRun }[];
};

async function measurePages(cms: TScaleCms, pages: TPageTiming[], key: TColumn) {
  const session = await loginAs(cms.url, SALES);
  for (const page of pages) {
    const target = page.target(session);
    page[key] = await medianGet(session, target);
    process.stdout.write(
      `[scale] ${key} ${page.label}: ${Math.round(page[key]?.medianMs ?? 0)} ms (${page[key]?.runs.join(", ")})\n`,
    );
  }
  return session;
}

const scaleBenchDir = path.join(repoRoot, "cms", "src", "testing", "scaleBench");

/** Runs one of scaleBench's scripts on the stack's database, as its own preparation runs. */
function runScript(name: string, stackEnv: NodeJS.ProcessEnv, extra: Record<string, string> = {}) {
  // Local mode, no job runner in this short-lived step.
  const child = startEntry(path.join(scaleBenchDir, name), {
    ...stackEnv,
    NODE_ENV: "development",
    JOBS_AUTORUN: "false",
    ...extra,
  });
  return { child, handle: onCleanup(`scale ${name}`, () => stop(child)) };
}

async function addConfigIndexes(stackEnv: NodeJS.ProcessEnv): Promise<string[]> {
  const { child, handle } = runScript("syncIndexes.ts", stackEnv);
  const code = await child.exited;
  handle.forget();
  const added = /indexes: (\[.*\])/.exec(child.output())?.[1];
  if (code !== 0 || !added)
    throw new Error(`syncIndexes exited ${code}\n${child.output().slice(-3000)}`);
  return JSON.parse(added) as string[];
}

async function writeYear(stackEnv: NodeJS.ProcessEnv) {
  const { child, handle } = runScript("seedYearEntry.ts", stackEnv, {
    YEAR_LEADS: String(YEAR.leads),
    YEAR_ORDERS: String(YEAR.orders),
    YEAR_CASES: String(YEAR.cases),
  });
  let shown = 0;
  const progress = setInterval(() => {
    const lines = child
      .output()
      .split("\n")
      .filter((line) => line.startsWith("year: "));
    for (const line of lines.slice(shown)) process.stdout.write(`[scale] ${line}\n`);
    shown = lines.length;
  }, 2_000);
  const code = await child.exited;
  clearInterval(progress);
  handle.forget();
  if (code !== 0) throw new Error(`seeding exited ${code}\n${child.output().slice(-3000)}`);
  const summary = /year: (\{.*\})/.exec(child.output())?.[1];
  if (!summary) throw new Error(`seeding printed no summary\n${child.output().slice(-3000)}`);
  return JSON.parse(summary) as TScaleRun["written"];
}

async function measureExports(cms: TScaleCms, session: TSession) {
  // The newest ~5,000 leads: from the creation time of the 5,000th newest.
  const response = await fetch(
    `${cms.url}/api/leads?limit=1&page=5000&sort=-createdAt&depth=0&select[createdAt]=true`,
    { headers: browserHeaders(session) },
  );
  const { docs } = (await response.json()) as { docs: { createdAt: string }[] };
  const since = docs[0]?.createdAt ?? new Date(0).toISOString();
  const runs = [
    {
      label: "about 5,000 leads (the newest)",
      target: `/api/leads/export.csv?where[createdAt][greater_than_equal]=${encodeURIComponent(since)}`,
    },
    { label: "every lead", target: "/api/leads/export.csv" },
  ];
  const exports: TScaleRun["exports"] = [];
  for (const { label, target } of runs) {
    const run = await timeExport(session, target, cms.pid);
    process.stdout.write(
      `[scale] export ${label}: ${run.rows} rows in ${run.seconds.toFixed(1)} s\n`,
    );
    exports.push({ label, run });
  }
  return exports;
}

export async function measureScale(logDir: string): Promise<TScaleRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "beian-bench-scale-"));
  onCleanup("scale scratch folder", () => rmSync(dataDir, { recursive: true, force: true }));
  // Builds the CMS if needed and prepares the database (migrations, seed); the site is not ours.
  const stack = await startStack({ label: "scale", logDir, dataDir });
  await stack.stop();

  const pages: TPageTiming[] = targetsFor();
  let cms = await startScaleCms(stack.env);
  await measurePages(cms, pages, "baseline");
  await cms.stop();

  process.stdout.write(
    `[scale] writing ${YEAR.leads} leads, ${YEAR.orders} orders with their emails, ${YEAR.cases} cases…\n`,
  );
  const written = await writeYear(stack.env);
  const databaseBytes = statSync(path.join(dataDir, "stack.db")).size;

  cms = await startScaleCms(stack.env);
  let session = await measurePages(cms, pages, "year");
  await cms.stop();
  // Until the migration is regenerated, an index added to a collection exists only in the config.
  const indexesAdded = await addConfigIndexes(stack.env);
  process.stdout.write(`[scale] indexes the migration lacked: ${indexesAdded.length}\n`);
  cms = await startScaleCms(stack.env);
  if (indexesAdded.length) session = await measurePages(cms, pages, "indexed");
  const exports = await measureExports(cms, session);
  await cms.stop();
  return { written, databaseBytes, indexesAdded, pages, exports };
}

const ms = (timing: TTiming | undefined) => (timing ? `${Math.round(timing.medianMs)} ms` : "–");
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function printScale(run: TScaleRun): void {
  const { written } = run;
  printTable(
    `A year of data: ${written.leads} leads, ${written.orders} orders (${written.emails} emails), ${written.cases} cases — written in ${written.seconds.toFixed(0)} s, database ${MB(run.databaseBytes)}; as a salesperson, median of 5`,
    ["page or call", "aim", "seeded only", "a year", "+ config's indexes", "HTML/JSON"],
    run.pages.map((page) => [
      page.label,
      `< ${AIM_MS} ms`,
      ms(page.baseline),
      ms(page.year),
      ms(page.indexed),
      page.year ? kB(page.year.bytes) : "–",
    ]),
  );
  if (run.indexesAdded.length) {
    process.stdout.write(
      `\n"+ config's indexes": the collections' indexes the committed migration lacks, added for this run:\n${run.indexesAdded.map((statement) => `  ${statement}`).join("\n")}\n`,
    );
  }
  printTable(
    "CSV export of leads (streamed), the CMS process's memory sampled every 50 ms",
    ["export", "aim", "rows", "time", "RSS before", "peak − before", "1st half / 2nd half"],
    run.exports.map(({ label, run: one }) => [
      label,
      `< ${AIM_EXPORT_SECONDS} s, flat`,
      one.rows,
      `${one.seconds.toFixed(1)} s`,
      MB(one.rssBeforeBytes),
      MB(one.rssPeakBytes - one.rssBeforeBytes),
      one.rssPeakHalvesBytes.map((peak) => `+${MB(peak - one.rssBeforeBytes)}`).join(" / "),
    ]),
  );
}
