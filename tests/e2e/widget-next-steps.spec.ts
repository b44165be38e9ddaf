/**
 * The widget after submit, at phone width (390 px): a prospect picks a province in a type page's
 * checklist, finds it chosen in the order form (and cleared there when the choice is cleared), sends the order, reads what happens next and
 * follows the link to /track/, which has the order number filled in; once sales rejects the order
 * there, the same page reads it as rejected, with the fix. The no-JavaScript form's
 * error page names fields as the form does, in Chinese. The partner's admin page previews the
 * widget and documents the embed.
 */
import { embedSnippets } from "@beian/widget/snippets";
import { expect, test } from "@playwright/test";
import { apiToken, cmsUrl, LOGINS, logIn, siteUrl } from "../fixtures/logins.ts";

/** Sales moves the order into 初步审核 and rejects it there, as the stage actions do. */
async function rejectAtPreliminaryReview(orderNo: string): Promise<void> {
  const token = await apiToken(LOGINS.sales);
  const headers = { Authorization: `JWT ${token}`, "Content-Type": "application/json" };
  const found = await fetch(cmsUrl(`/api/orders?where[orderNo][equals]=${orderNo}&depth=0`), {
    headers,
  });
  const [order] = ((await found.json()) as { docs: { id: number }[] }).docs;
  if (!order) throw new Error(`order ${orderNo} not found`);
  const rejection = [
    { field: "entity_documents", reason: "documents_invalid", note: "请补充营业执照照片" },
  ];
  for (const body of [{ to: "preliminary_review" }, { to: "rejected", rejection }]) {
    const moved = await fetch(cmsUrl(`/api/orders/${order.id}/move`), {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    });
    expect(moved.status, await moved.text()).toBe(200);
  }
}

test.describe("at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the province picked in the checklist is the order's; the success screen leads to /track/", async ({
    page,
    context,
  }) => {
    await page.goto(siteUrl("/types/individual-business/"));
    const picker = page
      .getByRole("region", { name: "材料清单" })
      .getByRole("combobox", { name: "主体所在省份" });
    await picker.selectOption({ label: "浙江" });

    await page.locator("#order").scrollIntoViewIfNeeded();
    const form = page.getByRole("form", { name: "备案下单表单" });
    await expect(form.getByRole("combobox", { name: "主体所在省份" })).toHaveValue("zhejiang");
    await expect(form.getByRole("combobox", { name: "备案类型" })).toHaveValue(
      "individual-business",
    );
    // A province picked once the form is there is taken over too, and so is clearing it: the
    // form does not keep the last one.
    const province = form.getByRole("combobox", { name: "主体所在省份" });
    await picker.selectOption({ label: "江苏" });
    await expect(province).toHaveValue("jiangsu");
    await picker.selectOption({ value: "" });
    await expect(province).toHaveValue("");
    await picker.selectOption({ label: "江苏" });
    await expect(province).toHaveValue("jiangsu");

    // The button does not look disabled before the form is valid; pressing it says what is missing.
    const submit = form.getByRole("button", { name: "提交订单" });
    await expect(submit).toHaveCSS("opacity", "1");
    await submit.click();
    await expect(form.locator(".notice")).toHaveText("有 3 项需要修改,请检查后再提交");

    await form.getByLabel("联系人").fill("周女士");
    await form.getByLabel("手机号").fill("13812340000");
    await form.getByRole("checkbox", { name: /隐私政策/ }).check();
    await submit.click();

    const done = page.getByRole("status").filter({ hasText: "订单已提交" });
    await expect(done).toContainText(/订单号: B-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    const orderNo = /B-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await done.textContent()) ?? "")?.[0] ?? "";
    await expect(done).toContainText("1 个工作日内回复,急事请致电");
    await expect(done.locator('a[href^="tel:"]')).toHaveCount(1);
    const track = done.getByRole("link", { name: /查看订单进度/ });
    await expect(track).toHaveAttribute("href", siteUrl(`/track/?order=${orderNo}`));

    const [tracking] = await Promise.all([context.waitForEvent("page"), track.click()]);
    await expect(tracking.getByLabel("订单号")).toHaveValue(orderNo);
    await expect(tracking.getByLabel("下单手机号")).toBeFocused();

    // Sales rejects it at the first review; the customer, back on that page, reads it as rejected.
    await rejectAtPreliminaryReview(orderNo);
    await tracking.getByLabel("下单手机号").fill("13812340000");
    await tracking.getByRole("button", { name: "查询进度" }).click();
    const summary = tracking.locator(".track-summary");
    await expect(summary).toContainText("已驳回(在「初步审核」阶段被驳回)");
    const reason = tracking.locator(".track-reasons li");
    await expect(reason).toContainText("主体证件");
    await expect(reason).toContainText("修改建议:请补充营业执照照片");
  });

  test("the no-JavaScript form's error page names the fields in Chinese and leads back", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: "zh-CN",
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    // The plain-HTML snippet, on a page of the site's own origin (the origin `direct` allows).
    const { html } = embedSnippets({ siteUrl: siteUrl(), cmsUrl: cmsUrl(), partner: "direct" });
    await page.route(siteUrl("/plain-form/"), (route) =>
      route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${html}</body></html>`,
      }),
    );
    await page.goto(siteUrl("/plain-form/"));
    await page.getByLabel(/姓名/).fill("吴先生");
    // A number the browser's own checks let through (the snippet marks fields required only).
    await page.getByLabel(/手机/).fill("12345");
    await page.getByRole("checkbox", { name: /隐私政策/ }).check();
    await page.getByRole("button", { name: /提交/ }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("请检查填写的信息");
    await expect(page.getByRole("listitem")).toHaveText(["手机号:请输入有效的中国大陆手机号"]);
    await expect(page.locator("body")).not.toContainText("phone");
    await expect(page.getByRole("link", { name: "返回修改" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回首页" })).toHaveAttribute("href", siteUrl());
    // The site's look: its font stack and brand colour, from the page itself.
    await expect(page.getByRole("link", { name: "返回修改" })).toHaveCSS(
      "background-color",
      "rgb(31, 95, 191)",
    );
    await context.close();
  });
});

test("the partner's admin page previews the widget and documents the embed", async ({ page }) => {
  await logIn(page, LOGINS.admin);
  await page.goto(cmsUrl("/admin/collections/partners"));
  await page.getByRole("link", { name: "云帆云" }).first().click();

  const preview = page.frameLocator("[data-embed-preview]");
  await expect(page.locator("[data-embed-preview]")).toHaveAttribute(
    "src",
    siteUrl("/embed/?partner=yunfan"),
  );
  await expect(preview.getByRole("form", { name: "免费咨询表单" })).toBeVisible();
  await expect(preview.getByText("由小程序备案中心为 云帆云 用户办理")).toBeVisible();

  const reference = page.getByRole("region", { name: "开发者参考" });
  for (const name of [
    "data-partner",
    "data-mode",
    "data-target",
    "data-lang",
    "data-type",
    "data-api",
    "data-launcher",
  ]) {
    await expect(reference.getByRole("cell", { name, exact: true })).toBeVisible();
  }
  await expect(reference.getByRole("row", { name: /beian:submitted/ })).toContainText(
    "{ kind, reference }",
  );
  await expect(reference.getByRole("row", { name: /^beian:error/ })).toContainText(
    "{ code, message }",
  );
  await expect(reference.getByRole("row", { name: /origin_not_allowed/ })).toContainText(
    "允许的来源",
  );
});
