/**
 * The widget where partners use it: a partner's page on another origin, with hostile global CSS,
 * embeds the one tag; a prospect fills the form; sales sees the lead with the partner and UTM
 * attribution. Also through the iframe page, without JavaScript, from a refused origin, and with
 * the API failing mid-submission (exactly one lead in the end).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { apiToken, cmsUrl, LOGINS, siteUrl } from "../fixtures/logins.ts";
import { registerPartner } from "../fixtures/partners.ts";

declare global {
  interface Window {
    /** The widget's events on the partner's page, as the test records them. */
    beianEvents?: string[];
  }
}

type TLead = {
  reference: string;
  name: string;
  phone: string;
  partner: { key: string };
  source: { pageUrl?: string; utm?: { source?: string; campaign?: string } };
  consent: { privacy: boolean; sharing: boolean };
};

let partnerServer: Server;
let partnerOrigin: string;
let strangerServer: Server;
let strangerOrigin: string;
const PARTNER_KEY = `e2e-${Date.now().toString(36)}`;
let pages: Record<string, string> = {};

function serve(
  getPages: () => Record<string, string>,
): Promise<{ server: Server; origin: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const html = getPages()[new URL(req.url ?? "/", "http://x").pathname];
      if (!html) return void res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
    });
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

const token = (role: keyof typeof LOGINS) => apiToken(LOGINS[role]);

/** What sales sees through the REST API. */
async function leadsNamed(name: string): Promise<TLead[]> {
  const url = cmsUrl(`/api/leads?depth=1&limit=50&where[name][equals]=${encodeURIComponent(name)}`);
  const response = await fetch(url, { headers: { Authorization: `JWT ${await token("sales")}` } });
  expect(response.status).toBe(200);
  return (await response.json()).docs;
}

const HOSTILE_CSS = `<style>
  * { all: unset !important; }
  html, body { display: block !important; font: 40px/1 serif !important; color: red !important; }
  button, input, select, textarea { display: none !important; }
</style>`;

test.beforeAll(async () => {
  const partner = await serve(() => pages);
  partnerServer = partner.server;
  partnerOrigin = partner.origin;
  const stranger = await serve(() => pages);
  strangerServer = stranger.server;
  strangerOrigin = stranger.origin;

  // The partner, as an admin registers it: its page's origin is allowed.
  const snippet = await registerPartner(PARTNER_KEY, "测试云", partnerOrigin);
  pages = {
    "/script.html": `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${HOSTILE_CSS}</head><body><h1>合作伙伴页面</h1>${snippet.script}</body></html>`,
    "/iframe.html": `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${HOSTILE_CSS}</head><body>${snippet.iframe}</body></html>`,
    "/form.html": `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${snippet.html}</body></html>`,
  };
});

test.afterAll(async () => {
  partnerServer?.close();
  strangerServer?.close();
});

/** Fills the widget's lead form inside its shadow root (Playwright pierces open shadow roots). */
async function fillLead(
  page: Page | ReturnType<Page["frameLocator"]>,
  name: string,
  withSharing: boolean,
) {
  const form = page.getByRole("form", { name: /咨询|Contact|lead/i });
  await form.getByLabel(/姓名/).fill(name);
  await form.getByLabel(/手机/).fill("139 1234 5678");
  await form.getByRole("checkbox", { name: /隐私政策/ }).check();
  if (withSharing) await form.getByRole("checkbox", { name: /测试云/ }).check();
  await form.getByRole("button", { name: /提交/ }).click();
}

test.describe("the one-tag embed on a partner's page", () => {
  test("a prospect submits; sales sees the lead with partner and UTM attribution", async ({
    page,
  }) => {
    // Record the widget's events from the first moment of the page.
    await page.addInitScript(() => {
      const seen: string[] = [];
      window.beianEvents = seen;
      for (const type of ["beian:ready", "beian:submitted", "beian:error"]) {
        document.addEventListener(type, () => seen.push(type));
      }
    });
    await page.goto(`${partnerOrigin}/script.html?utm_source=partner-e2e&utm_campaign=launch`);
    await expect.poll(() => page.evaluate(() => window.beianEvents)).toContain("beian:ready");
    const launcher = page.getByRole("button", { name: "在线咨询" });
    await expect(launcher).toBeVisible();
    await launcher.click();
    await expect(page.getByRole("dialog")).toBeVisible();

    const submitted = page.evaluate(
      () =>
        new Promise<{ kind: string; reference: string }>((resolve) =>
          document.addEventListener(
            "beian:submitted",
            (event) => resolve((event as CustomEvent).detail),
            { once: true },
          ),
        ),
    );
    const name = `伙伴访客${Date.now() % 100000}`;
    await page.waitForTimeout(1_600); // a person takes longer than the bot threshold
    await fillLead(page, name, true);
    const detail = await submitted;
    expect(detail.kind).toBe("lead");
    await expect(page.getByRole("status")).toContainText(detail.reference);

    const [lead] = await leadsNamed(name);
    expect(lead).toMatchObject({
      reference: detail.reference,
      phone: "13912345678",
      partner: { key: PARTNER_KEY },
      source: { utm: { source: "partner-e2e", campaign: "launch" } },
      consent: { privacy: true, sharing: true },
    });
    expect(lead?.source.pageUrl).toContain(`${partnerOrigin}/script.html`);
  });

  test("the form cannot be sent without consent, and errors are announced", async ({ page }) => {
    await page.goto(`${partnerOrigin}/script.html`);
    await page.getByRole("button", { name: "在线咨询" }).click();
    const form = page.getByRole("form", { name: /咨询|Contact|lead/i });
    await form.getByLabel(/手机/).fill("123");
    await form.getByLabel(/手机/).blur();
    await expect(form.getByText("请输入有效的中国大陆手机号")).toBeVisible();
    await expect(form.getByLabel(/手机/)).toHaveAttribute("aria-invalid", "true");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page.getByRole("button", { name: "在线咨询" })).toBeFocused();
  });
});

test.describe("other ways in", () => {
  test("the iframe page on the partner's site", async ({ page }) => {
    await page.goto(`${partnerOrigin}/iframe.html`);
    const frame = page.frameLocator("iframe");
    const name = `框架访客${Date.now() % 100000}`;
    await expect(frame.getByRole("form", { name: /咨询|Contact|lead/i })).toBeVisible();
    await page.waitForTimeout(1_600);
    await fillLead(frame, name, true);
    await expect(frame.getByRole("status")).toContainText(/L-/);
    const [lead] = await leadsNamed(name);
    expect(lead?.partner.key).toBe(PARTNER_KEY);
  });

  test("the plain HTML form, with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${partnerOrigin}/form.html`);
    const name = `无脚本访客${Date.now() % 100000}`;
    await page.getByLabel(/姓名/).fill(name);
    await page.getByLabel(/手机/).fill("13712345678");
    await page.getByLabel(/隐私政策/).check();
    await page.getByLabel(/测试云|共享/).check();
    await page.getByRole("button", { name: /提交/ }).click();
    await expect(page).toHaveURL(siteUrl("/thanks/"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("提交成功");
    const [lead] = await leadsNamed(name);
    expect(lead?.partner.key).toBe(PARTNER_KEY);
    await context.close();
  });

  test("an origin that is not allowed is refused", async ({ page, request }) => {
    await page.goto(`${strangerOrigin}/script.html`);
    const name = `陌生来源${Date.now() % 100000}`;
    const result = await page.evaluate(
      async ({ api, name }) => {
        const send = async (init: RequestInit) => {
          try {
            return `read ${(await fetch(`${api}/api/public/leads`, { method: "POST", ...init })).status}`;
          } catch {
            return "blocked";
          }
        };
        return {
          // JSON needs a CORS preflight, which grants this origin nothing: never sent.
          json: await send({
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ name, phone: "13800138000", consent: { privacy: true } }),
          }),
          // A form post needs no preflight: it reaches the server, which refuses it.
          form: await send({
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ name, phone: "13800138000", "consent.privacy": "true" }),
          }),
        };
      },
      { api: cmsUrl(""), name },
    );
    expect(result).toEqual({ json: "blocked", form: "blocked" });
    // What the server answered that origin (the browser hides it from the page):
    const direct = await request.post(cmsUrl("/api/public/leads"), {
      headers: { Origin: strangerOrigin },
      data: {
        name,
        phone: "13800138000",
        partner: PARTNER_KEY,
        consent: { privacy: true, sharing: true },
      },
    });
    expect(direct.status()).toBe(403);
    expect((await direct.json()).error.code).toBe("origin_not_allowed");
    expect(await leadsNamed(name)).toHaveLength(0);
  });
});

test.describe("nothing typed is lost", () => {
  test("the API fails mid-submission, then recovers: exactly one lead", async ({ page }) => {
    await page.goto(`${partnerOrigin}/script.html`);
    let attempts = 0;
    await page.route("**/api/public/leads", async (route) => {
      attempts += 1;
      if (attempts === 1) return route.abort("internetdisconnected");
      if (attempts === 2) {
        // The server stores it, but the answer is lost on the way back.
        await route.fetch();
        return route.abort("connectionreset");
      }
      return route.continue();
    });
    await page.getByRole("button", { name: "在线咨询" }).click();
    const name = `断网访客${Date.now() % 100000}`;
    // The form script loads on the tap: a person's pace counts from the form being there.
    await expect(page.getByRole("form", { name: /咨询/ })).toBeVisible();
    await page.waitForTimeout(1_600);
    await fillLead(page, name, true);
    await expect(page.getByRole("status")).toContainText(/L-/, { timeout: 30_000 });
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(await leadsNamed(name)).toHaveLength(1);
  });

  test("a submission pending when the page was reloaded is sent again, and kept in that tab only", async ({
    page,
  }) => {
    await page.goto(`${partnerOrigin}/script.html`);
    await page.route("**/api/public/leads", (route) => route.abort("internetdisconnected"));
    await page.getByRole("button", { name: "在线咨询" }).click();
    const name = `离开访客${Date.now() % 100000}`;
    // The form script loads on the tap: a person's pace counts from the form being there.
    await expect(page.getByRole("form", { name: /咨询/ })).toBeVisible();
    await page.waitForTimeout(1_600);
    await fillLead(page, name, true);
    const kept = () =>
      page.evaluate(() => ({
        tab: sessionStorage.getItem("beian-widget:pending") ?? "",
        origin: localStorage.getItem("beian-widget:pending"),
      }));
    await expect.poll(async () => (await kept()).tab).toContain(name);
    expect((await kept()).origin).toBeNull();
    await page.unroute("**/api/public/leads");
    await page.reload();
    await expect.poll(async () => (await leadsNamed(name)).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await kept()).tab).not.toContain(name);
  });
});
