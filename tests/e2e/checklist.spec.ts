/**
 * The materials checklist by province on the filing-type pages: a native <select> whose chosen
 * province's pre-rendered checklist shows through CSS (`:has(option:checked)`), by mouse, keyboard
 * and without JavaScript, the same list the order endpoint answers with.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { cmsUrl, siteUrl } from "../fixtures/logins.ts";

type TType = { slug: string; materials: { item: string }[] };

const ZHEJIANG_INDIVIDUAL =
  "浙江管局将个体工商户按企业主体备案:请按企业备案准备营业执照及负责人材料。";
const ZHEJIANG_REVIEW = "浙江管局审核最长 30 个工作日。";
const NATION_WIDE_ENTERPRISE = "企业只能在营业执照登记地所在省份备案,不能跨省备案。";
const SHANGHAI_PERSONAL = "上海管局要求非上海户籍的个人提供上海居住证。";

async function filingType(slug: string): Promise<TType> {
  const response = await fetch(cmsUrl(`/api/filing-types?where[slug][equals]=${slug}`));
  expect(response.ok).toBe(true);
  const [type] = ((await response.json()) as { docs: TType[] }).docs;
  if (!type) throw new Error(`the CMS publishes no filing type ${slug}`);
  return type;
}

/** The checklist section, its picker and the visible panel. */
function checklist(page: Page) {
  const section = page.getByRole("region", { name: "材料清单" });
  return {
    section,
    picker: section.getByRole("combobox", { name: "主体所在省份" }),
    visible: section.locator(".province-panel:visible"),
  };
}

test("individual business in Zhejiang: filed as an enterprise, review up to 30 working days", async ({
  page,
}) => {
  const type = await filingType("individual-business");
  await page.goto(siteUrl("/types/individual-business/"));
  const { section, picker, visible } = checklist(page);
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("材料清单");

  // No province yet: the type's materials and the nation-wide notes, nothing of any province.
  await expect(picker).toHaveValue("");
  await expect(visible).toHaveCount(1);
  await expect(visible.locator("li")).toHaveText(type.materials.map((m) => m.item));
  await expect(visible.locator(".review-limit")).toHaveCount(0);

  await picker.selectOption({ label: "浙江" });
  await expect(visible).toHaveCount(1);
  await expect(visible.getByRole("heading")).toHaveText("浙江");
  await expect(visible.locator("li")).toHaveText([
    ...type.materials.map((m) => m.item),
    ZHEJIANG_INDIVIDUAL,
    ZHEJIANG_REVIEW,
  ]);
  await expect(visible).toContainText("审核时限:最长 30 个工作日");

  // Another province without rules of its own: the base list and the default 20 days.
  await picker.selectOption({ label: "北京" });
  await expect(visible.getByRole("heading")).toHaveText("北京");
  await expect(visible.locator("li")).toHaveText(type.materials.map((m) => m.item));
  await expect(visible).toContainText("审核时限:最长 20 个工作日");

  // Back to no province.
  await picker.selectOption({ index: 0 });
  await expect(visible.locator("h3")).toHaveCount(0);

  // The order widget (the page's one island) still loads.
  await page.locator("#order").scrollIntoViewIfNeeded();
  const form = page.getByRole("form", { name: "备案下单表单" });
  await expect(form).toBeVisible();
  await expect(form.locator('[name="filingType"]')).toHaveValue("individual-business");
});

test("enterprise: the nation-wide note always, Zhejiang's for Zhejiang, no axe violations", async ({
  page,
}) => {
  await page.goto(siteUrl("/types/enterprise/"));
  const { picker, visible } = checklist(page);
  await expect(visible).toContainText(NATION_WIDE_ENTERPRISE);
  await picker.selectOption("zhejiang");
  await expect(visible).toContainText(NATION_WIDE_ENTERPRISE);
  await expect(visible).toContainText(ZHEJIANG_REVIEW);
  await expect(visible).not.toContainText(ZHEJIANG_INDIVIDUAL);
  await expect(visible).toContainText("审核时限:最长 30 个工作日");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual(
    [],
  );

  // Fits a phone's width.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("personal in Shanghai: the residence permit, the same list POST /api/public/orders answers", async ({
  page,
}) => {
  await page.goto(siteUrl("/types/personal/"));
  const { picker, visible } = checklist(page);
  await picker.selectOption({ label: "上海" });
  await expect(visible.getByRole("heading")).toHaveText("上海");
  await expect(visible).toContainText(SHANGHAI_PERSONAL);
  await expect(visible).toContainText("审核时限:最长 20 个工作日");
  const shown = await visible.locator("li").allTextContents();

  const response = await fetch(cmsUrl("/api/public/orders"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      filingType: "personal",
      contact: { name: "清单测试", phone: "13600136001" },
      entity: { name: "清单测试", province: "shanghai" },
      miniProgram: { name: "清单测试小程序" },
      consent: { privacy: true },
      elapsedMs: 9_000,
    }),
  });
  expect(response.status).toBe(201);
  expect(((await response.json()) as { materials: string[] }).materials).toEqual(shown);

  // Zhejiang's personal list has no Shanghai note.
  await picker.selectOption({ label: "浙江" });
  await expect(visible).not.toContainText(SHANGHAI_PERSONAL);
});

test("keyboard: the picker is labelled, reachable and changes with the arrow keys", async ({
  page,
}) => {
  await page.goto(siteUrl("/types/personal/"));
  const { picker, visible } = checklist(page);
  await picker.focus();
  await expect(picker).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(picker).toHaveValue("beijing");
  await expect(visible.getByRole("heading")).toHaveText("北京");
  await page.keyboard.press("ArrowDown");
  await expect(picker).toHaveValue("tianjin");
  await expect(visible.getByRole("heading")).toHaveText("天津");
});

test("no JavaScript: the picker works; the page's scripts only load the widget", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(siteUrl("/types/individual-business/"));
  const { picker, visible } = checklist(page);
  await picker.selectOption({ label: "浙江" });
  await expect(visible).toContainText(ZHEJIANG_INDIVIDUAL);
  await expect(visible).toContainText("审核时限:最长 30 个工作日");
  await picker.selectOption({ label: "上海" });
  await expect(visible.getByRole("heading")).toHaveText("上海");
  await expect(visible).not.toContainText(ZHEJIANG_INDIVIDUAL);

  // The one script is the site's, which loads the order widget into its section and, behind
  // 在线咨询, the same widget on a tap; nothing serves the picker.
  const scripts = page.locator("script:not([type='application/ld+json'])");
  await expect(scripts).toHaveCount(1);
  for (const script of await scripts.all()) {
    const src = await script.getAttribute("src");
    const code = src
      ? await (await fetch(new URL(src, siteUrl("/")))).text()
      : ((await script.textContent()) ?? "");
    expect(code).toContain("/widget/v1/widget.js");
    expect(code).not.toMatch(/province-|checklist/);
  }
  await context.close();
});
