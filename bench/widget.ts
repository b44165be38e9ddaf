/// <reference lib="dom" />
/**
 * The widget as partners' visitors meet it:
 * - bytes: the loader every page view downloads (v1/widget.js), the form script a visitor who
 *   reaches for it downloads (v1/form.js) and the English texts (v1/form-en.js), gzip and brotli,
 *   beside the peers named in issue 12 (their published embed sizes: this machine cannot download
 *   them, so the figures are the issue's, not measured here);
 * - time from a tap on the launcher to an interactive form (its first field focused, so typing
 *   lands in it) in Chromium on a throttled phone (CPU 4x slower, Lighthouse's mobile network:
 *   150 ms RTT, 1.6 Mbit/s down), median of RUNS page loads; beside it, in the same run, the tap
 *   on a page where the form script was already there (the old one-file embed's case: the whole
 *   widget downloaded with every page view).
 * The built files are served with a stub configuration from a local server: the figures are the
 * widget's own, not the CMS's.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { repoRoot } from "./lib/stack.ts";
import { printTable } from "./lib/table.ts";

export type TBytes = { raw: number; gzip: number; brotli: number };
export type TWidgetSize = {
  loader: TBytes;
  form: TBytes;
  english: TBytes;
  /** Tap → interactive form, ms, each run. */
  tapToForm?: { lazy: number[]; preloaded: number[] };
};

const LOADER_BUDGET_GZIP = 3 * 1024;
const FORM_AIM_GZIP = 12 * 1024;
const TAP_AIM_MS = 500;
const RUNS = 5;
/** Published figures quoted in issue 12 (gzip bytes); not downloadable from this machine. */
const PEERS = [
  { name: "Typeform embed", gzip: 14_215 },
  { name: "Cal.com embed", gzip: 17_219 },
];

const distDir = path.join(repoRoot, "widget", "dist", "v1");

function bytesOf(file: string): TBytes {
  const source = readFileSync(path.join(distDir, file));
  return {
    raw: source.byteLength,
    gzip: gzipSync(source, { level: 9 }).byteLength,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      .byteLength,
  };
}

const CONFIG = {
  partner: { key: "bench", name: "基准云", theme: { primaryColor: "#0a7d55" } },
  filingTypes: [
    { slug: "personal", name: "个人", audience: "个人开发者", features: [] },
    { slug: "enterprise", name: "企业", audience: "公司与机构", features: [] },
  ],
  contact: { phone: "400-000-0000" },
  consent: { privacyText: "我已阅读并同意《隐私政策》", privacyUrl: "/privacy/" },
};

/** The built scripts under /widget/v1/, a partner page at /, and the stub configuration. */
function serveWidget(): Promise<{ server: Server; origin: string }> {
  return new Promise((resolve) => {
    let origin = "";
    const server = createServer((req, res) => {
      const { pathname } = new URL(req.url ?? "/", "http://x");
      if (pathname === "/api/public/widget-config") {
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(CONFIG));
      } else if (pathname.startsWith("/widget/v1/")) {
        const file = path.basename(pathname);
        const source = readFileSync(path.join(distDir, file), "utf8");
        const gzipped = gzipSync(source.replaceAll("__BEIAN_API_BASE__", origin));
        res
          .writeHead(200, {
            "Content-Type": "text/javascript; charset=utf-8",
            "Content-Encoding": "gzip",
            "Cache-Control": "no-store",
          })
          .end(gzipped);
      } else if (pathname === "/") {
        res
          .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
          .end(
            `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>合作伙伴</title></head><body><h1>合作伙伴页面</h1><script src="/widget/v1/widget.js" data-partner="bench" async></script></body></html>`,
          );
      } else res.writeHead(404).end();
    });
    server.listen(0, "127.0.0.1", () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ server, origin });
    });
  });
}

/**
 * In the page: the time from the launcher's pointerdown to the form's first field having focus,
 * polled each frame (what a visitor sees: they can type).
 */
function watchTapToForm(): void {
  const win = window as Window & { tapToForm?: Promise<number> };
  win.tapToForm = new Promise((resolve) => {
    document.addEventListener(
      "pointerdown",
      () => {
        const tapped = performance.now();
        const poll = () => {
          const root = document.querySelector("[data-beian-widget]")?.shadowRoot;
          if (root?.activeElement?.getAttribute("name") === "name") {
            resolve(performance.now() - tapped);
          } else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      },
      { capture: true, once: true },
    );
  });
}

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6384 * 1024 * 1024) / 8,
    uploadThroughput: (0.75 * 1024 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

/** One page load and tap; `preload`: the form script is fetched and mounted before the tap. */
async function tapOnce(page: Page, origin: string, preload: boolean): Promise<number> {
  await page.goto(`${origin}/`);
  const launcher = page.locator("[data-beian-widget] .launcher");
  await launcher.waitFor();
  if (preload) {
    await launcher.hover();
    await page.locator("[data-beian-widget] [role=dialog]").waitFor({ state: "attached" });
  }
  await launcher.tap();
  return page.evaluate(() => (window as Window & { tapToForm?: Promise<number> }).tapToForm ?? -1);
}

async function measureTapToForm(origin: string): Promise<{ lazy: number[]; preloaded: number[] }> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript(watchTapToForm);
    const page = await context.newPage();
    await throttle(page);
    const runs = { lazy: [] as number[], preloaded: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      runs.lazy.push(await tapOnce(page, origin, false));
      runs.preloaded.push(await tapOnce(page, origin, true));
    }
    return runs;
  } finally {
    await browser.close();
  }
}

export async function measureWidget(): Promise<TWidgetSize> {
  const size: TWidgetSize = {
    loader: bytesOf("widget.js"),
    form: bytesOf("form.js"),
    english: bytesOf("form-en.js"),
  };
  process.stdout.write("[bench] widget: tap → form on a throttled phone…\n");
  const { server, origin } = await serveWidget();
  try {
    size.tapToForm = await measureTapToForm(origin);
  } finally {
    server.close();
  }
  return size;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const sum = (a: TBytes, b: TBytes): TBytes => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export function printWidgetSize(size: TWidgetSize): void {
  const row = (name: string, bytes: TBytes, aim: string) => [
    name,
    kib(bytes.raw),
    kib(bytes.gzip),
    kib(bytes.brotli),
    aim,
  ];
  printTable(
    "Widget scripts (widget/dist/v1/); peers: figures quoted in issue 12, not downloaded here",
    ["script", "raw", "gzip", "brotli", "aim (gzip)"],
    [
      row("loader widget.js (every page view)", size.loader, `≤ ${kib(LOADER_BUDGET_GZIP)}`),
      row("form form.js (when reached for)", size.form, `≤ ${kib(FORM_AIM_GZIP)}`),
      row("English form-en.js (data-lang=en)", size.english, "–"),
      // what a visitor who opens the form downloads, to set beside the peers' one-file embeds
      row("loader + form (a visitor who opens it)", sum(size.loader, size.form), "–"),
      ...PEERS.map((peer) => [`${peer.name} (quoted)`, "–", `≈ ${kib(peer.gzip)}`, "–", "–"]),
    ],
  );
  if (!size.tapToForm) return;
  const { lazy, preloaded } = size.tapToForm;
  const ms = (values: number[]) => `${Math.round(median(values))} ms`;
  const all = (values: number[]) => values.map((value) => Math.round(value)).join(", ");
  printTable(
    `Tap on the launcher → interactive form, Chromium at 390 px, CPU 4x slower, 150 ms RTT, 1.6 Mbit/s (median of ${RUNS})`,
    ["page", "median", "runs (ms)", "aim"],
    [
      [
        "loader only: the form script fetched on the tap",
        ms(lazy),
        all(lazy),
        `< ${TAP_AIM_MS} ms`,
      ],
      ["baseline: form script already there (one-file embed)", ms(preloaded), all(preloaded), "–"],
    ],
  );
}
