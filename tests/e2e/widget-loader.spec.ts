/**
 * The widget's loader on a partner's page at phone width: a page view downloads the loader alone
 * (v1/widget.js, plus the configuration) until the visitor touches the launcher, then the form
 * script arrives and the form opens. Inline, the space the loader holds keeps the page below
 * from moving when the form arrives, at phone, small-tablet and desktop widths. A page on an origin
 * the partner has not allowed gets `beian:error` with `origin_not_allowed`, and the console says
 * which origin to add where.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { registerPartner } from "../fixtures/partners.ts";

declare global {
  interface Window {
    /** The widget's events on the partner's page, as the test records them. */
    beianLoaderEvents?: { type: string; detail: unknown }[];
  }
}

const PARTNER_KEY = `e2e-loader-${Date.now().toString(36)}`;
let servers: Server[] = [];
let partnerOrigin = "";
let strangerOrigin = "";
let page = "";
/** The partner's page with the tag inline, above a paragraph that must not move. */
let inlinePage = "";

function serve(): Promise<string> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const pathname = new URL(req.url ?? "/", "http://x").pathname;
      const body = pathname === "/" ? page : pathname === "/inline" ? inlinePage : undefined;
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
    });
    servers.push(server);
    server.listen(0, "127.0.0.1", () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

test.beforeAll(async () => {
  partnerOrigin = await serve();
  strangerOrigin = await serve();
  const snippet = await registerPartner(PARTNER_KEY, "加载云", partnerOrigin);
  const head = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>`;
  page = `${head}<body><h1>合作伙伴页面</h1><p>正文</p>${snippet.script}</body></html>`;
  const inlineTag = snippet.script.replace("<script ", '<script data-mode="inline" ');
  expect(inlineTag).toContain('data-mode="inline"');
  inlinePage = `${head}<body><h1>合作伙伴页面</h1><p>正文</p>${inlineTag}<p id="below">下文</p></body></html>`;
});

test.afterAll(() => {
  for (const server of servers) server.close();
  servers = [];
});

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test.beforeEach(async ({ page: tab }) => {
  await tab.addInitScript(() => {
    window.beianLoaderEvents = [];
    for (const type of ["beian:ready", "beian:error", "beian:submitted"]) {
      document.addEventListener(type, (event) =>
        window.beianLoaderEvents?.push({ type, detail: (event as CustomEvent).detail }),
      );
    }
  });
});

test("a page view loads only the loader until the launcher is touched, then the form opens", async ({
  page: tab,
}) => {
  const scripts: string[] = [];
  tab.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await tab.goto(`${partnerOrigin}/`);
  const launcher = tab.getByRole("button", { name: "在线咨询" });
  await expect(launcher).toBeVisible();
  await expect
    .poll(() => tab.evaluate(() => window.beianLoaderEvents?.map((event) => event.type)))
    .toEqual(["beian:ready"]);
  expect(scripts).toEqual(["/widget/v1/widget.js"]);

  await launcher.tap();
  const dialog = tab.getByRole("dialog", { name: "小程序备案" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/姓名/)).toBeFocused();
  await dialog.getByLabel(/姓名/).fill("张三");
  await expect(dialog.getByLabel(/姓名/)).toHaveValue("张三");
  expect(scripts).toEqual(["/widget/v1/widget.js", "/widget/v1/form.js"]);
  // the form took the launcher's place: one launcher on the page
  await expect(tab.getByRole("button", { name: "在线咨询" })).toHaveCount(1);
});

test("a page on an origin the partner has not allowed gets origin_not_allowed and is told what to add", async ({
  page: tab,
}) => {
  const errors: string[] = [];
  tab.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await tab.goto(`${strangerOrigin}/`);
  await expect
    .poll(() => tab.evaluate(() => window.beianLoaderEvents?.map((event) => event.type)))
    .toEqual(["beian:error"]);
  const [error] = (await tab.evaluate(() => window.beianLoaderEvents)) ?? [];
  expect(error?.detail).toMatchObject({ code: "origin_not_allowed" });
  expect(errors.join("\n")).toContain(
    `请在管理后台 › 合作伙伴 › ${PARTNER_KEY} › 允许的来源 中添加 ${strangerOrigin}`,
  );
  await expect(tab.locator("[data-beian-widget]")).toHaveCount(0);
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 640, height: 900 },
  { width: 1280, height: 900 },
]) {
  test(`inline at ${viewport.width} px: the page below does not move when the form arrives`, async ({
    page: tab,
  }) => {
    await tab.setViewportSize(viewport);
    // The form script is held back until the loader has placed the host and reserved the space.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await tab.route("**/widget/v1/form.js", async (route) => {
      await held;
      await route.continue();
    });
    // Not "load": the held form script keeps the page from finishing loading.
    await tab.goto(`${partnerOrigin}/inline`, { waitUntil: "domcontentloaded" });
    await expect(tab.locator("[data-beian-widget='inline']")).toHaveCount(1);
    const below = tab.locator("#below");
    const top = () => below.evaluate((element) => element.getBoundingClientRect().top + scrollY);
    const reserved = await top();

    release();
    const form = tab.getByRole("form", { name: "免费咨询表单" });
    // The whole form is laid out: its last control, the submit button, is there.
    await expect(form.getByRole("button", { name: /提交/ })).toBeVisible();
    expect(await top()).toBe(reserved);
    const formBottom = await form.evaluate((element) => element.getBoundingClientRect().bottom);
    const belowTop = await below.evaluate((element) => element.getBoundingClientRect().top);
    expect(belowTop).toBeGreaterThanOrEqual(formBottom);
  });
}
