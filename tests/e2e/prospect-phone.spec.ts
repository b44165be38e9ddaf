/**
 * The prospect's way in, on a phone (390 px): one tap from the landing page's call to action to
 * the lead form and a stored lead; the 拨打热线 + 在线咨询 bar on every page; the FAQ that opens
 * by question without JavaScript; case cards that open the mini program; /track/ in the
 * navigation; and the way in without JavaScript (/contact/, the plain form).
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { apiToken, cmsUrl, LOGINS, siteUrl } from "../fixtures/logins.ts";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

type TSettings = {
  hotline: string;
  navigation: { label: string; href: string }[];
  consult: { openLabel: string; callLabel: string };
};
type TLead = {
  name: string;
  phone: string;
  partner: { key: string };
  source: { pageUrl?: string };
};

async function cms<T>(pathname: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(cmsUrl(pathname), { headers });
  expect(response.status, pathname).toBe(200);
  return (await response.json()) as T;
}

const settings = () => cms<TSettings>("/api/globals/site-settings");

/** The leads sales sees under this name, through the REST API. */
async function leadsNamed(name: string): Promise<TLead[]> {
  const auth = { Authorization: `JWT ${await apiToken(LOGINS.sales)}` };
  const where = `where[name][equals]=${encodeURIComponent(name)}`;
  return (await cms<{ docs: TLead[] }>(`/api/leads?depth=1&${where}`, auth)).docs;
}

/** Opens a page and records the URLs it requests. */
async function open(page: Page, pathname: string): Promise<string[]> {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  const response = await page.goto(siteUrl(pathname));
  expect(response?.status()).toBe(200);
  return requests;
}

const MAIN_PAGES = ["/", "/guide/", "/faq/", "/cases/", "/types/personal/", "/track/", "/privacy/"];

test("one tap on the landing page's call to action opens the lead form; the lead is stored", async ({
  page,
}) => {
  // The CMS marks a form filled in faster than a person could (1.5 s) as spam: the page's clock
  // is moved on while "typing" below, instead of the test waiting.
  await page.clock.install();
  const requests = await open(page, "/");
  await page.waitForLoadState("networkidle");
  // Nothing of the widget is downloaded until the visitor reaches for it.
  expect(requests.filter((url) => url.includes("/widget/"))).toEqual([]);

  await page.locator(".hero [data-beian-open='lead']").tap();
  const form = page.getByRole("form", { name: "免费咨询" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel(/姓名/)).toBeFocused();
  expect(requests.some((url) => url.includes("/widget/v1/widget.js"))).toBe(true);

  const name = `手机访客 ${Date.now()}`;
  await form.getByLabel(/姓名/).fill(name);
  await form.getByLabel(/手机/).fill("139 1234 5678");
  await form.getByRole("checkbox", { name: /隐私政策/ }).check();
  await page.clock.fastForward(5_000);
  await form.getByRole("button", { name: /提交/ }).tap();

  await expect.poll(async () => (await leadsNamed(name)).length).toBe(1);
  const [lead] = await leadsNamed(name);
  expect(lead?.partner.key).toBe("direct");
  expect(lead?.source.pageUrl).toBe(siteUrl("/"));
});

test("the 拨打热线 + 在线咨询 bar stays on screen on every main page, with the CMS's hotline", async ({
  page,
}) => {
  const { hotline, consult } = await settings();
  const tel = `tel:${hotline.replace(/[^\d+]/g, "")}`;
  for (const pathname of MAIN_PAGES) {
    await open(page, pathname);
    const bar = page.locator(".contact-bar");
    await expect(bar, pathname).toBeVisible();
    await expect(bar.getByRole("link", { name: consult.callLabel })).toHaveAttribute("href", tel);
    await expect(bar.getByRole("link", { name: consult.openLabel })).toHaveAttribute(
      "data-beian-open",
      "lead",
    );
    // Always reachable: still in view at the very end of the page.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(bar, pathname).toBeInViewport({ ratio: 1 });
    // …and it covers nothing: below the footer's last line there is room for the whole bar.
    const room = await page.locator(".filing-numbers").evaluate((last) => {
      const end = last.getBoundingClientRect().bottom + window.scrollY;
      return document.documentElement.scrollHeight - end;
    });
    const height = await bar.evaluate((el) => el.getBoundingClientRect().height);
    expect(room, pathname).toBeGreaterThanOrEqual(height);
  }
});

/** Whether the element on top at the middle of `target` is `target` itself (or inside it). */
const onTop = (target: Locator) =>
  target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !!top && element.contains(top);
  });

test("the bar opens the lead form in one tap on an inner page, and nothing of the widget covers it after", async ({
  page,
}) => {
  const { consult } = await settings();
  await open(page, "/faq/");
  const bar = page.locator(".contact-bar");
  const consultLink = bar.getByRole("link", { name: consult.openLabel });
  await consultLink.tap();
  const form = page.getByRole("form", { name: "免费咨询" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel(/姓名/)).toBeFocused();

  await page.getByRole("dialog").getByRole("button", { name: "关闭" }).tap();
  await expect(form).toBeHidden();
  // The widget draws no launcher of its own (the bar is the way in): none shows, none covers the bar.
  await expect(page.locator("[data-beian-widget]")).toHaveCount(1);
  await expect(page.getByRole("button", { name: consult.openLabel })).toHaveCount(0);
  const barBox = await bar.boundingBox();
  for (const shown of await page.locator("[data-beian-widget] *").all()) {
    const box = (await shown.isVisible()) ? await shown.boundingBox() : null;
    if (!box || !barBox) continue;
    const overlaps =
      box.x < barBox.x + barBox.width &&
      barBox.x < box.x + box.width &&
      box.y < barBox.y + barBox.height &&
      barBox.y < box.y + box.height;
    expect(overlaps, await shown.evaluate((element) => element.outerHTML.slice(0, 80))).toBe(false);
  }
  expect(await onTop(consultLink)).toBe(true);
  expect(await onTop(bar.getByRole("link", { name: consult.callLabel }))).toBe(true);

  // …and the bar opens the form again.
  await consultLink.tap();
  await expect(form).toBeVisible();
});

test("/track/ is in the navigation and in the footer", async ({ page }) => {
  const { navigation } = await settings();
  const track = navigation.find((item) => item.href === "/track/");
  expect(track).toBeDefined();
  await open(page, "/");
  await expect(
    page.locator("header nav").getByRole("link", { name: track?.label }),
  ).toHaveAttribute("href", "/track/");
  await expect(
    page.locator("footer nav").getByRole("link", { name: track?.label }),
  ).toHaveAttribute("href", "/track/");
});

test("hotline numbers in the guide's and the FAQ's text are tappable", async ({ page }) => {
  await open(page, "/guide/");
  await expect(page.locator("#where-to-file a[href='tel:4009986176']")).toHaveText("400-998-6176");
  await open(page, "/faq/#general-sms-timeout");
  await expect(page.locator("#general-sms-timeout a[href='tel:4009986176']")).toBeVisible();
});

test("a case card on a phone opens the mini program's link instead of showing a code", async ({
  page,
}) => {
  const cases = (
    await cms<{ docs: { name: string; miniProgramLink?: string }[] }>("/api/cases?limit=200")
  ).docs.filter((item) => item.miniProgramLink);
  expect(cases.length).toBeGreaterThan(0);
  await open(page, "/cases/");
  for (const item of cases) {
    const card = page.locator(".case-card", { hasText: item.name });
    await expect(card.locator(".case-open a")).toBeVisible();
    await expect(card.locator(".case-open a")).toHaveAttribute("href", item.miniProgramLink ?? "");
    await expect(card.locator(".case-qr")).toBeHidden();
  }
});

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test("a header button replaces the bar; case cards show their code", async ({ page }) => {
    const { consult } = await settings();
    await open(page, "/cases/");
    await expect(page.locator(".contact-bar")).toBeHidden();
    const button = page.locator("header").getByRole("link", { name: consult.openLabel });
    await expect(button).toBeVisible();
    await expect(page.locator(".case-qr").first()).toBeVisible();
    await expect(page.locator(".case-open").first()).toBeHidden();
    await button.click();
    await expect(page.getByRole("form", { name: "免费咨询" })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a question of the FAQ opens with a tap, and /faq/#anchor scrolls to it", async ({
    page,
  }) => {
    await open(page, "/faq/");
    const question = page.locator("details#general-how-long");
    const answer = question.locator(".prose");
    await expect(answer).toBeHidden();
    await question.locator("summary").tap();
    await expect(answer).toBeVisible();
    await expect(answer).toContainText("管局将在1-20个工作日内");

    const linked = await page.context().newPage();
    await open(linked, "/faq/#verification-face-mismatch");
    await expect(linked.locator("#verification-face-mismatch > summary")).toBeInViewport();
  });

  test("在线咨询 leads to the plain form, which stores the lead", async ({ page }) => {
    const { consult } = await settings();
    await open(page, "/");
    await page.locator(".contact-bar").getByRole("link", { name: consult.openLabel }).tap();
    await expect(page).toHaveURL(siteUrl("/contact/"));
    const name = `无脚本访客 ${Date.now()}`;
    const form = page.getByRole("form", { name: "小程序备案免费咨询" });
    await form.getByLabel("姓名").fill(name);
    await form.getByLabel("手机号").fill("13812345678");
    await form.getByRole("checkbox", { name: /隐私政策/ }).check();
    await form.getByRole("button", { name: "提交咨询" }).tap();
    await expect(page).toHaveURL(siteUrl("/thanks/"));
    await expect.poll(async () => (await leadsNamed(name)).length).toBe(1);
  });
});

test("with JavaScript, /faq/#anchor opens that question", async ({ page }) => {
  await open(page, "/faq/#verification-face-mismatch");
  await expect(page.locator("details#verification-face-mismatch")).toHaveAttribute("open", "");
  await expect(page.locator("#verification-face-mismatch .prose")).toBeInViewport();
});
