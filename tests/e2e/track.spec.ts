/**
 * /track/ on a phone (390 px) says what happened and what to do next: a rejected order reads
 * 已驳回 at the stage that rejected it, its reasons and fixes first; an order at SMS verification
 * says to verify on beian.miit.gov.cn with the time left; a filed order shows its ICP number.
 * Orders are placed through the public API and moved by the staff move endpoint, as sales does.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { provideDocuments } from "../fixtures/documents.ts";
import { apiToken, cmsUrl, LOGINS, siteUrl } from "../fixtures/logins.ts";

test.use({ viewport: { width: 390, height: 844 } });

type TPlaced = { id: number; orderNo: string; phone: string };

async function placeOrder(name: string): Promise<TPlaced> {
  const phone = `139${String(Date.now()).slice(-8)}`;
  const response = await fetch(cmsUrl("/api/public/orders"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: new URL(siteUrl()).origin },
    body: JSON.stringify({
      filingType: "personal",
      contact: { name, phone },
      entity: { name, province: "guangdong" },
      miniProgram: { name: `${name}小程序` },
      consent: { privacy: true },
      elapsedMs: 9_000,
    }),
  });
  expect(response.status).toBe(201);
  const { orderNo } = (await response.json()) as { orderNo: string };
  const found = await fetch(cmsUrl(`/api/orders?where[orderNo][equals]=${orderNo}&depth=0`), {
    headers: { Authorization: `JWT ${await apiToken(LOGINS.admin)}` },
  });
  const [order] = ((await found.json()) as { docs: { id: number }[] }).docs;
  if (!order) throw new Error(`order ${orderNo} not found`);
  return { id: order.id, orderNo, phone };
}

/** Moves the order as sales does with the stage actions; each move must be accepted. */
async function move(order: TPlaced, ...moves: Record<string, unknown>[]) {
  const token = await apiToken(LOGINS.sales);
  for (const body of moves) {
    // The customer's documents are uploaded and accepted before the order leaves 初步审核.
    if (body.to === "platform_review") await provideDocuments(order);
    const response = await fetch(cmsUrl(`/api/orders/${order.id}/move`), {
      method: "POST",
      headers: { Authorization: `JWT ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status, JSON.stringify(body)).toBe(200);
  }
}

/** The phone width is set above for every project: one project's run is enough. */
function once(testInfo: TestInfo) {
  test.skip(testInfo.project.name !== "desktop", "the phone width is set by test.use");
}

/** Opens the link from the order emails and types the phone, as the customer does. */
async function track(page: Page, order: TPlaced) {
  await page.goto(siteUrl(`/track/?order=${order.orderNo}`));
  await page.getByLabel("下单手机号").fill(order.phone);
  await page.getByRole("button", { name: "查询进度" }).click();
  await expect(page.getByRole("heading", { name: order.orderNo })).toBeFocused();
}

test.describe("tracking an order on a phone", () => {
  test("a rejected order reads 已驳回 at the stage that rejected it, reasons and fixes first", async ({
    page,
  }, testInfo) => {
    once(testInfo);
    const order = await placeOrder("驳回测试");
    await move(
      order,
      { to: "preliminary_review" },
      {
        to: "rejected",
        rejection: [
          {
            field: "principal_documents",
            reason: "documents_invalid",
            note: "请上传身份证原件照片",
          },
          // Without a note: the customer is told the reason's fix all the same.
          { field: "contact_phone", reason: "phone_unreachable" },
        ],
      },
    );
    await track(page, order);

    const summary = page.locator(".track-summary");
    await expect(summary).toContainText("个人");
    await expect(summary).toContainText("已驳回(在「初步审核」阶段被驳回)");
    await expect(summary).toContainText("您现在需要做的");
    // The reasons come before the stages, each with its fix.
    const reasons = page.locator(".track-reasons li");
    await expect(reasons).toHaveCount(2);
    await expect(reasons.first()).toContainText("负责人证件");
    await expect(reasons.first()).toContainText("证件电子版不合格");
    await expect(reasons.first()).toContainText("修改建议:请上传身份证原件照片");
    await expect(reasons.last()).toContainText("联系电话未接通");
    await expect(reasons.last()).toContainText(
      "修改建议:请保持备案信息中的联系电话畅通并注意接听审核来电,然后重新提交",
    );
    const parts = await page
      .locator("#track-result > *")
      .evaluateAll((nodes) => nodes.map((node) => node.className));
    expect(parts.indexOf("track-reasons")).toBeLessThan(parts.indexOf("timeline track-timeline"));

    // The timeline ends at the rejecting stage, in the rejection colour; nothing pending after it.
    const stages = page.locator(".track-timeline > li");
    await expect(stages).toHaveCount(2);
    const rejecting = stages.last();
    await expect(rejecting).toHaveAttribute("data-stage", "preliminary_review");
    await expect(rejecting).toContainText("初步审核");
    await expect(rejecting).toContainText("已驳回");
    await expect(rejecting.locator("h3")).toHaveCSS("color", "rgb(180, 35, 24)");
    await expect(page.locator('.track-timeline [data-state="pending"]')).toHaveCount(0);
    expect(await page.locator("#track-result").textContent()).not.toMatch(
      /rejected|preliminary_review|documents_invalid|principal_documents/,
    );
    // The rejection colour reads at AA (axe checks colour contrast) and nothing overflows the phone.
    const axe = await new AxeBuilder({ page }).include("#track-result").analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });

  test("at SMS verification it says to verify on beian.miit.gov.cn, with the time left", async ({
    page,
  }, testInfo) => {
    once(testInfo);
    const order = await placeOrder("核验测试");
    await move(
      order,
      { to: "preliminary_review" },
      { to: "platform_review" },
      { to: "sms_verification" },
    );
    await track(page, order);
    const summary = page.locator(".track-summary");
    await expect(summary).toContainText("当前阶段短信核验");
    await expect(summary).toContainText(
      "收到工信部短信后 24 小时内登录 beian.miit.gov.cn 完成核验",
    );
    await expect(summary).toContainText(
      /本阶段截止\d{4}-\d{2}-\d{2} \d{2}:\d{2}\(剩余 \d{1,2} 小时 \d{1,2} 分\)/,
    );
    await expect(page.locator('.track-timeline [aria-current="step"]')).toContainText("短信核验");
  });

  test("a filed order shows its ICP number", async ({ page }, testInfo) => {
    once(testInfo);
    const order = await placeOrder("成功测试");
    await move(
      order,
      { to: "preliminary_review" },
      { to: "platform_review" },
      { to: "sms_verification" },
      { to: "bureau_review" },
      { to: "filed", icpNumber: "粤ICP备2026012345号-1X" },
    );
    await track(page, order);
    await expect(page.locator(".track-summary")).toContainText("备案号粤ICP备2026012345号-1X");
  });

  test("a cancelled order reads as cancelled", async ({ page }, testInfo) => {
    once(testInfo);
    const order = await placeOrder("取消测试");
    await move(order, { to: "cancelled" });
    await track(page, order);
    await expect(page.locator(".track-summary")).toContainText("当前阶段已取消");
    await expect(page.locator('.track-timeline [data-state="pending"]')).toHaveCount(0);
    await expect(page.locator(".track-timeline > li").last()).toContainText("已取消");
  });
});

test.describe("what /track/ costs a page view", () => {
  /** The bench's aim for the site's own scripts before any interaction (bench/pages.ts). */
  const SCRIPT_BUDGET_BYTES = 2048;

  test("the page's script stays within 2 KiB; what shows an answer loads when the visitor reaches for the form", async ({
    page,
  }, testInfo) => {
    once(testInfo);
    const scripts: Promise<number>[] = [];
    const requested: string[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      requested.push(new URL(request.url()).pathname);
      // As the bench counts them: compressed body and headers.
      scripts.push(
        request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize),
      );
    });
    await page.goto(siteUrl("/track/"));
    await page.waitForLoadState("networkidle");
    const pageView = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
    expect(pageView).toBeGreaterThan(0);
    expect(pageView).toBeLessThanOrEqual(SCRIPT_BUDGET_BYTES);
    expect(requested.some((pathname) => pathname.includes("showLookup"))).toBe(false);

    await page.getByLabel("订单号").focus();
    await expect
      .poll(() => requested.some((pathname) => pathname.includes("showLookup")))
      .toBe(true);
  });
});
