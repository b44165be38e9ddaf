/**
 * Text messages through the running stack: an admin enters the approved template of 进度更新短信
 * in 系统 › 短信模板; sales moves an order with 开始初审; the customer's phone gets the text at the
 * local dysmsapi server (a signed SendSms, as the official SDK sends it); and sales reads it in
 * 发件箱 beside the emails, in Chinese: 短信, 手机号, 模板, 内容 — no internal code.
 */
import { expect as baseExpect, test } from "@playwright/test";
import { cmsUrl, LOGINS, logIn, newColleague } from "../fixtures/logins.ts";
import { textsTo } from "../fixtures/sms.ts";
import { submitOrder } from "../fixtures/submissions.ts";

// The admin reloads documents after an action; a busy two-core machine can take a while.
const expect = baseExpect.configure({ timeout: 60_000 });

const INTERNAL_WORDS =
  /\b(sms_stage_change|sms_login_code|not_sent_no_key|queued|sent|email|sms|preliminary_review|orderNo)\b/;

test("sales moves an order and the customer gets a text, which sales reads in the outbox", async ({
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the admin runs on desktop");
  test.setTimeout(300_000);
  const template = `SMS_48${String(Date.now()).slice(-6)}`;

  // The admin enters the approved template code (admins only).
  const adminPage = await browser.newPage();
  await logIn(adminPage, LOGINS.admin);
  await adminPage.goto(cmsUrl("/admin/globals/sms-templates"));
  await expect(adminPage.getByRole("heading", { name: "短信模板" }).first()).toBeVisible();
  await adminPage.locator("#field-stageChange__code").fill(template);
  await adminPage.getByRole("button", { name: "保存" }).click();
  await expect(adminPage.getByText("更新成功").first()).toBeVisible();
  await adminPage.close();

  const order = await submitOrder();
  const page = await browser.newPage();
  await logIn(page, await newColleague("sales"));
  await page.goto(cmsUrl(`/admin/collections/orders/${order.id}`));
  await page.locator("[data-order-actions]").getByRole("button", { name: "开始初审" }).click();
  await expect(page.locator("#field-status")).toContainText("初步审核");

  // The customer's phone: our signature, the template, our own values.
  const [sms] = await textsTo(order.phone, 1);
  expect(sms).toMatchObject({
    templateCode: template,
    signName: "小程序备案中心",
    params: { orderNo: order.orderNo, stage: "初步审核" },
  });

  // Sales reads it in 发件箱, beside the emails.
  await page.goto(cmsUrl(`/admin/collections/outbox?where[to][equals]=${order.phone}`));
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText("短信");
  await expect(row).toContainText("进度更新短信(客户)");
  await expect(row).toContainText("已发送");
  await row.getByRole("link").first().click();
  await expect(page.getByLabel("手机号")).toHaveValue(order.phone);
  await expect(page.getByLabel("模板", { exact: true })).toHaveValue(template);
  await expect(page.getByLabel("内容")).toHaveValue(
    new RegExp(`您的备案订单${order.orderNo}已进入「初步审核」阶段`),
  );
  await expect(page.getByLabel("内容")).toHaveValue(/\/my\//);
  // biome-ignore lint/performance/useDomNodeTextContent: what staff read on the page
  const shown = await page.locator("form").first().innerText();
  expect(shown).not.toMatch(INTERNAL_WORDS);
  expect(shown).not.toContain("正文(HTML)");
});
