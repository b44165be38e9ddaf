/**
 * A marketer's publish, as issue 11 asks, in Chromium with every request to another host refused:
 * change the landing hero's title in a draft, open the 预览 — the real site page with the new
 * title, marked as a draft and not indexed, while the live site still shows the old one — then
 * 发布 and watch the document say 网站更新中… and then 已上线 (用时 N 秒), at which point the live
 * site shows the new title. The publish-status page then says so in words.
 */
import { expect, test } from "@playwright/test";
import { apiToken, cmsUrl, LOGINS, logIn, newColleague, siteUrl } from "../fixtures/logins.ts";
import { offline } from "../fixtures/offline.ts";
import { SCREENSHOT_VIEWPORT, screenshot } from "../fixtures/screenshots.ts";

test.use({ viewport: SCREENSHOT_VIEWPORT });

type TLanding = { hero: { title: string } } & Record<string, unknown>;

async function publishedLanding(): Promise<TLanding> {
  const response = await fetch(cmsUrl("/api/globals/landing?depth=0"));
  expect(response.status).toBe(200);
  return (await response.json()) as TLanding;
}

/** Puts the landing page back as it was, so other tests see the client's copy. */
async function restoreLanding(landing: TLanding): Promise<void> {
  const token = await apiToken(LOGINS.admin);
  const { id: _id, updatedAt: _u, createdAt: _c, globalType: _g, ...data } = landing;
  await fetch(cmsUrl("/api/globals/landing?depth=0"), {
    method: "POST",
    headers: { Authorization: `JWT ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ ...data, _status: "published" }),
  });
}

test("a marketer previews a draft landing hero, publishes it, and sees 已上线 when the site shows it", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the admin is tested on desktop");
  test.setTimeout(240_000);
  const before = await publishedLanding();
  const title = `预览测试标题 ${Date.now()}`;
  const attempted = await offline(context);
  try {
    await logIn(page, await newColleague("editor"));
    await page.goto(cmsUrl("/admin/globals/landing"));
    const heroTitle = page.locator("#field-hero__title");
    await expect(heroTitle).toHaveValue(before.hero.title);
    await heroTitle.fill(title);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("草稿成功保存").first()).toBeVisible();
    await screenshot(page, "marketing-1-draft");

    // 预览: a new tab shows 生成预览中… and then the real landing page built from the draft.
    const opened = page.waitForEvent("popup");
    await page.getByRole("link", { name: "预览", exact: true }).click();
    const preview = await opened;
    await expect(preview.locator("#hero-title")).toHaveText(title, { timeout: 120_000 });
    await expect(preview.locator("[data-preview-banner]")).toContainText("预览(草稿)");
    await screenshot(preview, "marketing-2-preview");
    await expect(preview.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    // Every preview is built under one base path, which the CMS replaces by the link's own signed
    // path as it serves each file: the page's styles, scripts and images stay behind the signature.
    const signedBase = new URL(preview.url()).pathname.split("/").slice(0, 4).join("/");
    const assets = await preview
      .locator("link[href], script[src], img[src]")
      .evaluateAll((found) =>
        found.map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? ""),
      );
    expect(assets.filter((address) => address.includes("_preview_"))).toEqual([]);
    const signed = assets.filter((address) => address.startsWith(`${signedBase}/`));
    expect(signed.length, `assets under ${signedBase}/: ${assets.join(" ")}`).toBeGreaterThan(0);
    for (const asset of signed) {
      const answer = await preview.request.get(new URL(asset, preview.url()).toString());
      expect(answer.status(), asset).toBe(200);
    }
    const previewAnswer = await preview.request.get(preview.url());
    expect(previewAnswer.headers()["x-robots-tag"]).toContain("noindex");
    // Nobody else sees the draft: the live site still shows the published title.
    const liveBefore = await (await page.request.get(siteUrl("/"))).text();
    expect(liveBefore).toContain(before.hero.title);
    expect(liveBefore).not.toContain(title);
    await preview.close();

    // 发布: the document follows the site's update until it is live.
    await page.getByRole("button", { name: "发布修改" }).click();
    const status = page.locator("[data-publish-status]");
    await expect(status).toHaveText("网站更新中…");
    await expect(status).toContainText(/已上线 \(用时 \d+ 秒\)/, { timeout: 120_000 });
    await status.scrollIntoViewIfNeeded();
    await screenshot(page, "marketing-3-live");
    await expect(status.getByRole("link", { name: "查看线上页面" })).toHaveAttribute(
      "href",
      siteUrl("/"),
    );
    // 已上线 means the site shows it now, not eventually.
    const liveAfter = await (await page.request.get(siteUrl("/"))).text();
    expect(liveAfter).toContain(title);

    // The publish-status page reads as a status in words, not a form of greyed-out fields.
    await page.goto(cmsUrl("/admin/globals/site-publish"));
    const summary = page.locator("[data-site-publish-status]");
    await expect(summary).toContainText("已上线");
    await expect(summary).toContainText(/触发原因\s*首页/);
    await expect(summary).toContainText(/完成\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(page.locator("input[name]:not([type=hidden]), textarea[name]")).toHaveCount(0);
    expect(attempted, "requests to hosts other than ours").toEqual([]);
  } finally {
    await restoreLanding(before);
  }
});
