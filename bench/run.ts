/**
 * `pnpm bench`: starts the stack on free ports with a temporary database and measures
 *   1. Lighthouse mobile scores and page weight of /, /guide/, /faq/, /cases/
 *   2. site build time, largest page and publish-to-live, seeded vs. with 5,000 cases and 300 more FAQs
 *   3. publish-to-live time for an editor's change (3 runs, median)
 *   4. the widget: loader and form bytes (gzip, brotli) beside its peers, tap → interactive form
 *   5. the lead endpoint's throughput and latency under load beside Payload's stock create
 *   6. emails behind a backlog: a customer's confirmation behind 5,000 internal emails, the drain rate
 *   7. the customer center: the sign-in round trip by SMS code, a stage change to the customer's text
 * and prints them as tables beside their aims. Phases 1, 2 (seeded) and 3 share the seeded stack;
 * the large build comes last, on a stack and database of its own, after the seeded one stopped. It asserts nothing about time: figures on a shared
 * 2-core machine vary, and a benchmark that fails on a slow day teaches people to ignore it.
 * The exit code is non-zero only when a measurement could not be taken at all.
 *
 * Phases run one at a time, because each one alone keeps both cores busy. Whatever this run
 * started (stacks, Chromium, builds, the stub hook) is stopped in `finally` and on SIGINT/SIGTERM.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  printBuildTimings,
  type TBuildTiming,
  type TLargeBuild,
  timeLargeBuild,
  timeSeededBuild,
} from "./build.ts";
import { measureCustomer, printCustomer, type TCustomerRun } from "./customer.ts";
import { loadLeads, printLeadLoad, type TLoadRun } from "./leads.ts";
import { cleanupAll } from "./lib/cleanup.ts";
import type { TPageAudit } from "./lib/lighthouse.ts";
import { startStack } from "./lib/stack.ts";
import { measureMail, printMail, type TMailRun } from "./mail.ts";
import { auditPages, printPageAudits } from "./pages.ts";
import { measurePublishToLive, printPublishRuns, type TPublishRun } from "./publish.ts";
import { measureScale, printScale, type TScaleRun } from "./scale.ts";
import { measureWidget, printWidgetSize, type TWidgetSize } from "./widget.ts";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, "results");
const logDir = path.join(resultsDir, "logs");

type TResults = {
  startedAt: string;
  finishedAt?: string;
  machine: { cpus: number; cpuModel: string; node: string };
  siteUrl?: string;
  pages?: TPageAudit[];
  seededBuild?: TBuildTiming;
  largeBuild?: TLargeBuild;
  publish?: TPublishRun[];
  widget?: TWidgetSize;
  leads?: TLoadRun[];
  mail?: TMailRun;
  customer?: TCustomerRun;
  scale?: TScaleRun;
  error?: string;
};

const startedAt = new Date();
// Short and unique per run: marks the documents and texts this run creates.
const runId = startedAt.toISOString().replace(/\D/g, "").slice(2, 14);
const results: TResults = {
  startedAt: startedAt.toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", node: process.version },
};

/** Phases by name: `pnpm bench` runs all; `pnpm --filter @beian/bench bench large-build` (etc.) a subset. */
const PHASES = [
  "widget",
  "pages",
  "seeded-build",
  "publish",
  "leads",
  "mail",
  "customer",
  "scale",
  "large-build",
] as const;
type TPhase = (typeof PHASES)[number];

function selectedPhases(args: string[]): Set<TPhase> {
  const unknown = args.filter((arg) => !(PHASES as readonly string[]).includes(arg));
  if (unknown.length) {
    throw new Error(`unknown phase(s) ${unknown.join(", ")}; known: ${PHASES.join(", ")}`);
  }
  return new Set(args.length ? (args as TPhase[]) : PHASES);
}

async function main(): Promise<void> {
  const phases = selectedPhases(process.argv.slice(2).filter((arg) => arg !== "--"));

  if (phases.has("widget")) results.widget = await measureWidget();
  if (phases.has("pages") || phases.has("seeded-build") || phases.has("publish")) {
    const seeded = await startStack({ label: "seeded", logDir });
    results.siteUrl = seeded.siteUrl;
    // Progress lines only here; the tables come together at the end, after everything stopped.
    if (phases.has("pages")) {
      results.pages = await auditPages(seeded.siteUrl);
    }
    if (phases.has("seeded-build")) {
      results.seededBuild = await timeSeededBuild(seeded);
    }
    if (phases.has("publish")) {
      results.publish = await measurePublishToLive(seeded.cmsUrl, seeded.siteUrl, runId);
    }
    // The seeded stack is done: the large run gets the whole machine and a database of its own.
    await seeded.stop();
  }
  if (phases.has("leads")) {
    // A stack of its own, with rate limits out of the way: the load comes from one address.
    const loaded = await startStack({
      label: "leads",
      logDir,
      env: {
        RATE_LIMIT_POINTS: "100000000",
        SITE_BUILD_HOOK_URL: "http://127.0.0.1:9/no-rebuilds",
      },
    });
    try {
      results.leads = await loadLeads(loaded.cmsUrl, loaded.siteUrl);
    } finally {
      await loaded.stop();
    }
  }
  if (phases.has("mail")) {
    results.mail = await measureMail();
  }
  if (phases.has("customer")) {
    results.customer = await measureCustomer(logDir);
  }
  if (phases.has("scale")) {
    results.scale = await measureScale(logDir);
  }
  if (phases.has("large-build")) {
    results.largeBuild = await timeLargeBuild(logDir, runId);
  }
}

function report(): void {
  process.stdout.write("\n================ bench results ================\n");
  if (results.pages && results.siteUrl) printPageAudits(results.siteUrl, results.pages);
  if (results.seededBuild || results.largeBuild) {
    printBuildTimings(results.seededBuild, results.largeBuild);
  }
  if (results.publish) printPublishRuns(results.publish);
  if (results.widget) printWidgetSize(results.widget);
  if (results.leads) printLeadLoad(results.leads);
  if (results.mail) printMail(results.mail);
  if (results.customer) printCustomer(results.customer);
  if (results.scale) printScale(results.scale);
  if (results.error) process.stdout.write(`\nbench stopped early: ${results.error}\n`);

  results.finishedAt = new Date().toISOString();
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const file = path.join(resultsDir, `bench-${runId}.json`);
  writeFileSync(file, json);
  writeFileSync(path.join(resultsDir, "latest.json"), json);
  process.stdout.write(
    `\nresults: ${path.relative(process.cwd(), file)} (stack logs in ${path.relative(process.cwd(), logDir)}/)\n`,
  );
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n[bench] ${signal}: stopping everything this run started…\n`);
    void cleanupAll().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

try {
  await main();
} catch (error) {
  results.error = error instanceof Error ? error.message : String(error);
  process.exitCode = 1;
} finally {
  // Stop first, report after: the stacks' shutdown lines then do not land inside the tables.
  await cleanupAll();
  if (!interrupted) report();
}
