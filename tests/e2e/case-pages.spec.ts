/**
 * The case gallery's pages on a phone without JavaScript: a filter is a link to a page of its own,
 * 下一页 leads to the next page, each page has its own URL, title, canonical and sitemap entry.
 *
 * The seed's dozen cases fit on one page of 24, and adding cases to the shared stack would change
 * what the other specs see while they run. So this spec builds a release of its own from the
 * stack's CMS (site/scripts/release.ts) with 5 cases a page (SITE_CASES_PER_PAGE) and serves it
 * (site/scripts/serve.ts) on a port of its own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { inheritedEnv } from "../../scripts/lib/inheritedEnv.ts";
import { freePort } from "../../scripts/lib/throwawayStack.ts";
import { cmsUrl } from "../fixtures/logins.ts";

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../site");
const PER_PAGE = 5;

type TCase = { name: string; industry: string; filingType: { slug: string; name: string } };

let releasesDir: string;
let server: ChildProcess | undefined;
let site: string;

function run(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // Own process group: the teardown stops the server (and a build) with everything it started.
  return spawn(process.execPath, [path.join(siteDir, "scripts", script)], {
    cwd: siteDir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function release(env: NodeJS.ProcessEnv): Promise<void> {
  const child = run("release.ts", { ...env, NODE_ENV: "production" });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`release.ts exited ${code}:\n${output}`)),
    ),
  );
}

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  releasesDir = mkdtempSync(path.join(tmpdir(), "beian-case-pages-"));
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  const env = {
    ...inheritedEnv(),
    CMS_URL: cmsUrl(""),
    SITE_URL: site,
    SITE_RELEASES_DIR: releasesDir,
    SITE_CASES_PER_PAGE: String(PER_PAGE),
  };
  await release(env);
  server = run("serve.ts", { ...env, HOST: "127.0.0.1", SITE_PORT: String(port) });
  await expect
    .poll(
      () =>
        fetch(`${site}/cases/`).then(
          (response) => response.status,
          () => 0,
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe(200);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  if (releasesDir) rmSync(releasesDir, { recursive: true, force: true });
});

test.use({
  viewport: { width: 412, height: 839 },
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
  javaScriptEnabled: false,
});

async function published(): Promise<TCase[]> {
  const response = await fetch(cmsUrl("/api/cases?limit=200&depth=1&sort=order"));
  expect(response.ok).toBe(true);
  return ((await response.json()) as { docs: TCase[] }).docs;
}

async function expectCards(page: Page, cases: TCase[]): Promise<void> {
  await expect(page.locator(".case-card h2")).toHaveText(cases.map((item) => item.name));
}

async function expectFitsTheScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("on a phone without JavaScript, 下一页 and a filter link lead to pages of their own", async ({
  page,
}) => {
  const cases = await published();
  expect(cases.length).toBeGreaterThan(PER_PAGE);

  await page.goto(`${site}/cases/`);
  await expectCards(page, cases.slice(0, PER_PAGE));
  const pager = page.getByRole("navigation", { name: "分页" });
  await expect(pager.getByRole("link", { name: "第 1 页" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(pager.getByRole("link", { name: "上一页" })).toHaveCount(0);
  await expectFitsTheScreen(page);

  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(`${site}/cases/page/2/`);
  await expectCards(page, cases.slice(PER_PAGE, 2 * PER_PAGE));
  await expect(page).toHaveTitle(/^客户案例 · 第 2 页 · /);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${site}/cases/page/2/`,
  );
  await expect(pager.getByRole("link", { name: "第 2 页" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(pager.getByRole("link", { name: "上一页" })).toHaveAttribute("href", "/cases/");
  await expectFitsTheScreen(page);

  // The filing type with the most cases, so that its filter has a second page too.
  const counts = new Map<string, TCase[]>();
  for (const item of cases) {
    counts.set(item.filingType.slug, [...(counts.get(item.filingType.slug) ?? []), item]);
  }
  const [slug, ofType] = [...counts].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!slug || !ofType) throw new Error("no published case has a filing type");
  const typeName = ofType[0]?.filingType.name ?? "";
  const filter = page.getByRole("navigation", { name: "按备案类型" });
  await filter.getByRole("link", { name: typeName }).click();
  await expect(page).toHaveURL(`${site}/cases/type/${slug}/`);
  await expect(filter.getByRole("link", { name: typeName })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page).toHaveTitle(new RegExp(`^客户案例 · ${typeName} · `));
  await expectCards(page, ofType.slice(0, PER_PAGE));
  if (ofType.length > PER_PAGE) {
    await pager.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(`${site}/cases/type/${slug}/page/2/`);
    await expectCards(page, ofType.slice(PER_PAGE, 2 * PER_PAGE));
  }

  const sitemap = await (await fetch(`${site}/sitemap.xml`)).text();
  for (const pathname of ["/cases/", "/cases/page/2/", `/cases/type/${slug}/`]) {
    expect(sitemap).toContain(`<loc>${site}${pathname}</loc>`);
  }
});
