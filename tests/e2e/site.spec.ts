/**
 * The static site as prospects see it, checked against what the CMS publishes, at desktop and
 * phone widths (projects in playwright.config.ts): every page and section, SEO, accessibility,
 * keyboard use, zero JavaScript and no third-party requests.
 */

import { crc32, deflateSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { apiToken, cmsUrl, LOGINS, siteUrl } from "../fixtures/logins.ts";

type TDocs<T> = { docs: T[] };
type TFaq = { question: string; anchor: string; category: string };
type TType = {
  slug: string;
  name: string;
  audience: string;
  materials: { item: string }[];
  typicalDuration?: string | null;
};

async function cms<T>(pathname: string): Promise<T> {
  const response = await fetch(cmsUrl(pathname));
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

const PAGES = [
  "/",
  "/guide/",
  "/faq/",
  "/cases/",
  "/types/personal/",
  "/privacy/",
  "/thanks/",
  "/track/",
  "/my/",
  "/contact/",
];

/** Opens a page and records every request it makes. */
async function open(page: Page, pathname: string): Promise<string[]> {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  const response = await page.goto(siteUrl(pathname));
  expect(response?.status()).toBe(200);
  return requests;
}

test.describe("landing page", () => {
  test("shows every section of the client's copy, in order", async ({ page }) => {
    const landing = await cms<{
      hero: { title: string; subtitle: string };
      promises: { items: { title: string }[] };
      process: { heading: string };
      filingTypes: { heading: string; audiencePrefix: string };
      guide: { heading: string; phaseLabels: Record<string, string> };
      advantages: { heading: string; items: { title: string; text: string }[] };
      cases: { customerCountClaim: string; scanLabel: string };
      partners: { heading: string };
    }>("/api/globals/landing");
    await open(page, "/");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(landing.hero.title);
    await expect(page.getByText(landing.hero.subtitle)).toBeVisible();
    await expect(page.locator(".hero a[href^='tel:']")).toHaveAttribute("href", "tel:4009986176");
    // The call to action opens the lead form (prospect-phone.spec.ts); without JavaScript, /contact/.
    await expect(page.locator(".hero [data-beian-open='lead']")).toHaveAttribute(
      "href",
      "/contact/",
    );

    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    const order = [
      ...landing.promises.items.map((item) => item.title),
      landing.process.heading,
      landing.filingTypes.heading,
      landing.guide.heading,
      landing.advantages.heading,
      landing.cases.customerCountClaim,
      landing.partners.heading,
    ];
    expect(headings.map((text) => text.trim())).toEqual(order);

    const steps = page.locator(".steps > li h3");
    await expect(steps).toHaveText(["填写信息", "初步审核", "短信核验", "管局审核", "备案成功"]);

    const types = (await cms<TDocs<TType>>("/api/filing-types?sort=order")).docs;
    for (const type of types) {
      const card = page.locator("#filing-types .card", { hasText: type.name });
      await expect(card).toContainText(`${landing.filingTypes.audiencePrefix}${type.audience}`);
      // What differs between the types: their materials (and typical time, price when set).
      await expect(card.locator("li")).toHaveText(type.materials.map((material) => material.item));
      if (type.typicalDuration) await expect(card).toContainText(type.typicalDuration);
      await expect(card.getByRole("link")).toHaveAttribute("href", `/types/${type.slug}/`);
    }

    for (const item of landing.advantages.items) {
      await expect(page.getByText(item.text)).toBeVisible();
    }
    const featured = (
      await cms<TDocs<{ name: string }>>(
        "/api/cases?where[featured][equals]=true&sort=order&limit=6",
      )
    ).docs;
    await expect(page.locator("#cases-heading + .grid > li h3")).toHaveText(
      featured.map((item) => item.name),
    );
    const partners = (
      await cms<TDocs<{ name: string }>>("/api/partners?where[showInStrip][equals]=true&sort=order")
    ).docs;
    await expect(page.locator(".partner-strip li")).toHaveText(
      partners.map((partner) => partner.name),
    );
  });

  test("the guide tabs switch by click and by keyboard, without JavaScript", async ({ page }) => {
    await open(page, "/");
    const during = page.locator('[data-phase="during"]');
    const before = page.locator('[data-phase="before"]');
    await expect(before).toBeVisible();
    await expect(during).toBeHidden();
    await page.locator('label[for="phase-during"]').click();
    await expect(during).toBeVisible();
    await expect(during).toContainText("微信官方审核驳回常见问题");
    await expect(during).toContainText(/5\.\s*短信核验/);
    await expect(before).toBeHidden();
    // Radio group: arrow keys move between phases.
    await page.locator("#phase-during").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.locator('[data-phase="after"]')).toBeVisible();
  });
});

test.describe("inner pages", () => {
  test("/guide/ has every article, anchored, with the seven steps and stage details", async ({
    page,
  }) => {
    const articles = (
      await cms<TDocs<{ title: string; anchor: string }>>("/api/guide-articles?limit=100")
    ).docs;
    await open(page, "/guide/");
    for (const article of articles) {
      await expect(page.locator(`#${article.anchor} > h3`)).toHaveText(article.title);
    }
    await expect(page.locator("#filing-steps .timeline > li")).toHaveCount(7);
    await expect(page.locator("#review-stages")).toContainText("beian.miit.gov.cn");
    await expect(page.locator("#preparation")).toContainText("个体户营业执照");
  });

  test("/faq/ lists every question under its category, each anchored, with FAQPage data", async ({
    page,
  }) => {
    // The publish test (running alongside) adds and removes its own FAQ: leave it out here.
    const faqs = (await cms<TDocs<TFaq>>("/api/faqs?limit=200")).docs.filter(
      (faq) => !faq.anchor.startsWith("publish-test-"),
    );
    await open(page, "/faq/");
    for (const faq of faqs) {
      await expect(page.locator(`details#${faq.anchor} > summary`)).toHaveText(faq.question);
      await expect(page.locator(`#${faq.category} #${faq.anchor}`)).toHaveCount(1);
    }
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    const faqPage = JSON.parse(jsonLd ?? "[]").find(
      (item: { "@type": string }) => item["@type"] === "FAQPage",
    );
    const questions = faqPage.mainEntity.map((entity: { name: string }) => entity.name);
    expect(questions).toEqual(expect.arrayContaining(faqs.map((faq) => faq.question)));
  });

  test("/cases/ filters by industry and filing type with links of their own", async ({ page }) => {
    const cases = (
      await cms<TDocs<{ name: string; industry: string; filingType: { slug: string } }>>(
        "/api/cases?limit=200&depth=1",
      )
    ).docs;
    await open(page, "/cases/");
    const cards = page.locator(".case-card");
    await expect(cards).toHaveCount(cases.length);
    await expect(cards.first().locator(".case-qr img")).toHaveAttribute("alt", /扫码查看案例/);
    // Logos and QR codes are files drawn at build from the SVGs, at twice their shown size (WebP;
    // a generated QR code a 1-bit PNG): an SVG <img> would be a whole document built on the
    // phone's main thread.
    const sourcesOf = (images: typeof cards) =>
      images.evaluateAll((found) => found.map((image) => image.getAttribute("src") ?? ""));
    const sources = await sourcesOf(page.locator("main img"));
    expect(sources.length).toBeGreaterThanOrEqual(cases.length);
    expect(sources.filter((src) => !/^\/img\/[0-9a-f]{16}-\d+x\d+\.(webp|png)$/.test(src))).toEqual(
      [],
    );
    const qrSources = await sourcesOf(page.locator(".case-qr img"));
    expect(qrSources.length).toBeGreaterThan(0);
    expect(qrSources.filter((src) => !src.endsWith("-96x96.png"))).toEqual([]);
    const logo = cards.first().locator(".case-logo");
    await logo.scrollIntoViewIfNeeded();
    await expect
      .poll(() => logo.evaluate((image: HTMLImageElement) => [image.naturalWidth, image.width]))
      .toEqual([112, 56]);

    // Filters are links to pages of their own (/cases/industry/…/, /cases/type/…/, both), so
    // they work without JavaScript and each view can be shared; the chosen one is aria-current.
    const industryNav = page.getByRole("navigation", { name: "按行业" });
    const typeNav = page.getByRole("navigation", { name: "按备案类型" });
    await expect(industryNav.getByRole("link", { name: "全部" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await industryNav.locator('a[href="/cases/industry/catering/"]').click();
    await expect(page).toHaveURL(siteUrl("/cases/industry/catering/"));
    const catering = cases.filter((item) => item.industry === "catering");
    await expect(cards).toHaveCount(catering.length);
    await expect(industryNav.locator('a[href="/cases/industry/catering/"]')).toHaveAttribute(
      "aria-current",
      "page",
    );

    await industryNav.getByRole("link", { name: "全部" }).click();
    await typeNav.locator('a[href="/cases/type/enterprise/"]').click();
    await expect(page).toHaveURL(siteUrl("/cases/type/enterprise/"));
    const enterprise = cases.filter((item) => item.filingType.slug === "enterprise");
    await expect(cards).toHaveCount(enterprise.length);

    // A combination with no case has its page, which says so.
    const industries = [...new Set(cases.map((item) => item.industry))];
    const empty = industries.find(
      (industry) => !enterprise.some((item) => item.industry === industry),
    );
    if (empty) {
      await industryNav.locator(`a[href="/cases/industry/${empty}/type/enterprise/"]`).click();
      await expect(page).toHaveURL(siteUrl(`/cases/industry/${empty}/type/enterprise/`));
      await expect(cards).toHaveCount(0);
      await expect(page.locator(".no-matches")).toBeVisible();
    }
  });

  test("every filing type has its page with audience, materials, stages and the order section", async ({
    page,
  }) => {
    const types = (await cms<TDocs<TType>>("/api/filing-types")).docs;
    for (const type of types) {
      await open(page, `/types/${type.slug}/`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(type.name);
      await expect(page.locator(".hero")).toContainText(type.audience);
      for (const material of type.materials) {
        await expect(page.locator("#materials-heading + ul")).toContainText(material.item);
      }
      await expect(page.locator(".timeline > li")).toHaveCount(7);
      // The order section loads the widget (an island) once it scrolls into view.
      await page.locator("#order").scrollIntoViewIfNeeded();
      const form = page.getByRole("form", { name: "备案下单表单" });
      await expect(form).toBeVisible();
      await expect(form.locator('[name="filingType"]')).toHaveValue(type.slug);
    }
  });

  test("privacy, thanks, 404, robots.txt and sitemap.xml", async ({ page, request }) => {
    await open(page, "/privacy/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("隐私政策");
    await expect(page.locator("main")).toContainText("个人信息保护法");
    await open(page, "/thanks/");
    await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();

    const missing = await page.goto(siteUrl("/no-such-page/"));
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");

    const robots = await (await request.get(siteUrl("/robots.txt"))).text();
    expect(robots).toContain(`Sitemap: ${siteUrl("/sitemap.xml")}`);
    const sitemap = await (await request.get(siteUrl("/sitemap.xml"))).text();
    for (const pathname of [
      "/",
      "/guide/",
      "/faq/",
      "/cases/",
      "/types/enterprise/",
      "/privacy/",
      "/my/",
      "/contact/",
    ]) {
      expect(sitemap).toContain(`<loc>${siteUrl(pathname)}</loc>`);
    }
  });
});

test.describe("every page", () => {
  for (const pathname of PAGES) {
    test(`${pathname}: SEO, footer, no JavaScript, no third parties, fits the screen, no axe violations`, async ({
      page,
    }) => {
      const requests = await open(page, pathname);
      await page.waitForLoadState("networkidle");

      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      expect((await page.title()).length).toBeGreaterThan(2);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{10,}/);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        "href",
        siteUrl(pathname),
      );
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /.+/);
      const jsonLd = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? "[]",
      );
      expect(jsonLd.some((item: { "@type": string }) => item["@type"] === "Organization")).toBe(
        true,
      );

      const icp = page.locator("footer a[href='https://beian.miit.gov.cn/']");
      await expect(icp).toHaveText("粤ICP备00000000号-1");
      await expect(page.locator("footer")).toContainText("粤公网安备00000000000000号");

      // Every page carries the small script behind 在线咨询 (it loads the widget only when a visitor
      // reaches for it, or into a filing-type page's order section once it is near); /track/ (the
      // order lookup) and /my/ (the customer center) one more.
      const scripts = pathname === "/track/" || pathname === "/my/" ? 2 : 1;
      expect(await page.locator("script:not([type='application/ld+json'])").count()).toBe(scripts);
      const ours = [new URL(siteUrl("/")).origin, new URL(cmsUrl("/")).origin];
      const foreign = requests.filter(
        (url) => !ours.some((origin) => url.startsWith(origin)) && !url.startsWith("data:"),
      );
      expect(foreign).toEqual([]);

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);

      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`),
      ).toEqual([]);
    });
  }

  test("keyboard: the skip link comes first and lands on the content; navigation follows", async ({
    page,
  }) => {
    await open(page, "/faq/");
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await page.goto(siteUrl("/faq/"));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.locator(".brand")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.locator("nav a").first()).toBeFocused();
  });
});

/** A real PNG (gradient), built with zlib: the image pipeline gets something to resize. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      rows.set([31, (x * 255) / width, 191], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test.describe("publish to live", () => {
  test("an FAQ published in the CMS appears on /faq/ without a restart", async ({
    request,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one publish is enough");
    test.setTimeout(120_000);
    const auth = { Authorization: `JWT ${await apiToken(LOGINS.editor)}` };
    const question = `发布测试 ${Date.now()}:备案期间可以更换手机号吗?`;
    const created = await request.post(cmsUrl("/api/faqs"), {
      headers: auth,
      data: {
        category: "general",
        question,
        anchor: `publish-test-${Date.now()}`,
        order: 999,
        _status: "published",
        answer: {
          root: {
            type: "root",
            version: 1,
            direction: "ltr",
            format: "",
            indent: 0,
            children: [
              {
                type: "paragraph",
                version: 1,
                direction: "ltr",
                format: "",
                indent: 0,
                textFormat: 0,
                textStyle: "",
                children: [
                  {
                    type: "text",
                    text: "可以,请联系备案专员。",
                    format: 0,
                    detail: 0,
                    mode: "normal",
                    style: "",
                    version: 1,
                  },
                ],
              },
            ],
          },
        },
      },
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).doc.id;

    await expect
      .poll(async () => (await (await request.get(siteUrl("/faq/"))).text()).includes(question), {
        timeout: 90_000,
        intervals: [500],
      })
      .toBe(true);
    // Other tests may publish meanwhile: wait for the publisher to settle, then it has succeeded.
    await expect
      .poll(
        async () =>
          (await (await request.get(cmsUrl("/api/globals/site-publish"), { headers: auth })).json())
            .state,
        { timeout: 60_000, intervals: [500] },
      )
      .toBe("succeeded");

    // Unpublishing takes it off the site again.
    await request.patch(cmsUrl(`/api/faqs/${id}`), { headers: auth, data: { _status: "draft" } });
    await expect
      .poll(async () => (await (await request.get(siteUrl("/faq/"))).text()).includes(question), {
        timeout: 90_000,
        intervals: [500],
      })
      .toBe(false);
  });

  test("a photo uploaded in the CMS is served by the site resized, as WebP, with its size", async ({
    request,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one publish is enough");
    test.setTimeout(120_000);
    const auth = { Authorization: `JWT ${await apiToken(LOGINS.editor)}` };
    const upload = await request.post(cmsUrl("/api/media"), {
      headers: auth,
      multipart: {
        file: { name: "hero.png", mimeType: "image/png", buffer: png(1600, 900) },
        _payload: JSON.stringify({ alt: "备案专员为客户办理小程序备案" }),
      },
    });
    expect(upload.status()).toBe(201);
    const media = (await upload.json()).doc;

    const landing = await (
      await request.get(cmsUrl("/api/globals/landing?depth=0"), { headers: auth })
    ).json();
    const publish = (image: number | null) =>
      request.post(cmsUrl("/api/globals/landing"), {
        headers: auth,
        data: { ...landing, hero: { ...landing.hero, image }, _status: "published" },
      });
    expect((await publish(media.id)).status()).toBe(200);
    try {
      // The stylesheet names .hero-image too: wait for the <img> itself.
      const heroImg = /<img[^>]*\bhero-image\b[^>]*>/;
      let tag = "";
      await expect
        .poll(
          async () => {
            tag = heroImg.exec(await (await request.get(siteUrl("/"))).text())?.[0] ?? "";
            return tag;
          },
          { timeout: 90_000, intervals: [500] },
        )
        .not.toBe("");
      expect(tag).toMatch(/src="\/_astro\/[^"]+\.webp"/);
      expect(tag).toMatch(/width="720"/);
      expect(tag).toMatch(/height="405"/);
      expect(tag).toContain('alt="备案专员为客户办理小程序备案"');
      const src = /src="([^"]+)"/.exec(tag)?.[1] ?? "";
      const image = await request.get(siteUrl(src));
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/webp");
      expect(image.headers()["cache-control"]).toContain("immutable");
    } finally {
      await publish(null);
    }
  });
});
