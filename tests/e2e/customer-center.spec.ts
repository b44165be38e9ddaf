/**
 * The customer center at phone width, against the running stack: an order sent through the widget
 * on a type page → the customer asks for a code at /my/ → the code arrives at the local dysmsapi server → signed in,
 * /my/ shows the order; sales moves it → a text and an email arrive and /my/ shows the new stage;
 * at SMS verification the instruction stands out; at filed the ICP number appears; signing out
 * ends the session. The API's abuse cases (guessing, limits, enumeration, a replayed cookie,
 * another customer's orders) are in cms/src/customers/endpoints.test.ts.
 */
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { acceptUploaded, TINY_PNG } from "../fixtures/documents.ts";
import { delivered } from "../fixtures/emails.ts";
import { apiToken, cmsUrl, LOGINS, siteUrl } from "../fixtures/logins.ts";
import { textsTo } from "../fixtures/sms.ts";

type TPlaced = { id: number; orderNo: string; phone: string };

const expect = baseExpect.configure({ timeout: 30_000 });

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Moves the order as sales does with the stage actions; each move must be accepted. */
async function move(order: TPlaced, body: Record<string, unknown>) {
  const response = await fetch(cmsUrl(`/api/orders/${order.id}/move`), {
    method: "POST",
    headers: {
      Authorization: `JWT ${await apiToken(LOGINS.sales)}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });
  expect(response.status, JSON.stringify(body)).toBe(200);
}

/**
 * The 进度更新短信 template code, set in 短信模板 unless an admin (or sms.spec) already set one:
 * without it a stage change's text stays in the outbox as 未发送(未设置短信模板).
 */
async function ensureStageChangeTemplate() {
  const headers = {
    Authorization: `JWT ${await apiToken(LOGINS.admin)}`,
    "Content-Type": "application/json",
  };
  const current = await fetch(cmsUrl("/api/globals/sms-templates?depth=0"), { headers });
  const templates = (await current.json()) as { stageChange?: { code?: string | null } };
  if (templates.stageChange?.code) return;
  const saved = await fetch(cmsUrl("/api/globals/sms-templates"), {
    method: "POST",
    headers,
    body: JSON.stringify({ stageChange: { code: "SMS_480001" } }),
  });
  expect(saved.status).toBe(200);
}

/** The emails to the customer's address about this order. */
async function emailsAbout(order: TPlaced, address: string) {
  return (await delivered()).filter(
    (email) => email.to.includes(address) && email.subject.includes(order.orderNo),
  );
}

/** The order a prospect sends through the widget in a type page's order section, on a phone. */
async function orderThroughWidget(page: Page, phone: string, address: string): Promise<TPlaced> {
  await page.goto(siteUrl("/types/personal/"));
  await page.locator("#order").scrollIntoViewIfNeeded();
  const form = page.getByRole("form", { name: "备案下单表单" });
  await expect(form).toBeVisible();
  await form.locator('[name="contact.name"]').fill("测试客户");
  await form.locator('[name="contact.phone"]').fill(phone);
  await form.locator('[name="contact.email"]').fill(address);
  await form.locator('[name="entity.province"]').selectOption("zhejiang");
  await form.getByRole("checkbox", { name: /隐私政策/ }).check();
  await page.waitForTimeout(1_600); // a person takes longer than the bot threshold
  await form.getByRole("button", { name: /提交/ }).click();
  const done = page.getByRole("status").filter({ hasText: "订单已提交" });
  await expect(done).toContainText(/B-[2-9A-Z]{4}-[2-9A-Z]{4}/);
  const orderNo = /B-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec((await done.textContent()) ?? "")?.[0] ?? "";
  const found = await fetch(cmsUrl(`/api/orders?where[orderNo][equals]=${orderNo}&depth=0`), {
    headers: { Authorization: `JWT ${await apiToken(LOGINS.sales)}` },
  });
  const [order] = ((await found.json()) as { docs: { id: number }[] }).docs;
  if (!order) throw new Error(`order ${orderNo} not found`);
  return { id: order.id, orderNo, phone };
}

async function signIn(page: Page, phone: string, texts: number) {
  await page.goto(siteUrl("/my/"));
  const form = page.getByRole("form", { name: "登录" });
  await form.getByLabel("手机号").fill(phone);
  await form.getByRole("button", { name: "获取验证码" }).click();
  await expect(form.getByRole("status")).toHaveText("验证码已发送至您的手机,5 分钟内有效。");
  await expect(form.getByRole("button", { name: /秒后可重新获取/ })).toBeDisabled();
  const login = (await textsTo(phone, texts)).at(-1);
  expect(login?.params.code).toMatch(/^\d{6}$/);
  await form.getByLabel("验证码").fill(login?.params.code ?? "");
  await form.getByRole("button", { name: "登录" }).click();
}

test("a customer signs in with an SMS code and follows their order to its ICP number", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the phone width is set by test.use");
  test.setTimeout(240_000);
  await ensureStageChangeTemplate();
  const address = `customer-${Date.now()}@example.com`;
  const order = await orderThroughWidget(page, `136${String(Date.now()).slice(-8)}`, address);

  // No session yet: the sign-in form. A wrong code is refused in words.
  await page.goto(siteUrl("/my/"));
  const form = page.getByRole("form", { name: "登录" });
  await expect(form).toBeVisible();
  await form.getByLabel("手机号").fill(order.phone);
  await form.getByLabel("验证码").fill("12345");
  await form.getByRole("button", { name: "登录" }).click();
  await expect(form.getByRole("alert")).not.toBeEmpty();

  await signIn(page, order.phone, 1);
  const card = page.locator(".my-order").filter({ hasText: order.orderNo });
  await expect(
    page.getByText(`已登录:${order.phone.slice(0, 3)}****${order.phone.slice(7)}`),
  ).toBeVisible();
  await expect(card.locator(".track-summary")).toContainText("提交资料");
  await expect(card.getByRole("heading", { name: "材料清单" })).toBeVisible();
  await expect(card.locator(".my-materials li").first()).toContainText("待上传");

  // Sales starts the review: a text and an email reach the customer; /my/ shows the new stage.
  await move(order, { to: "preliminary_review" });
  const [, stageText] = await textsTo(order.phone, 2);
  expect(stageText?.params).toMatchObject({ orderNo: order.orderNo });
  await expect
    .poll(async () => (await emailsAbout(order, address)).length)
    .toBeGreaterThanOrEqual(2);
  await page.reload();
  await expect(card.locator(".track-summary")).toContainText("初步审核");

  // The customer uploads the ID card's two sides from the phone; sales accepts them; the order
  // may then leave 初步审核 (the review in the admin is materials.spec.ts's).
  for (const side of ["本人身份证(人像面)", "本人身份证(国徽面)"]) {
    const slot = card.locator(`.my-materials li[data-item="${side}"]`);
    await slot.locator('input[type="file"]').setInputFiles({
      name: "id.png",
      mimeType: "image/png",
      buffer: TINY_PNG,
    });
    await expect(card.locator(`.my-materials li[data-item="${side}"]`)).toContainText(
      "已上传,待审核",
    );
  }
  await acceptUploaded(order);
  await page.reload();
  await expect(card.locator('.my-materials li[data-status="accepted"]')).toHaveCount(2);

  // SMS verification: the 24-hour instruction, in the amber that stands out.
  await move(order, { to: "platform_review" });
  await move(order, { to: "sms_verification" });
  await page.reload();
  await expect(card.locator(".track-summary.tone-urgent")).toContainText("beian.miit.gov.cn");

  // Filed: the ICP number and how it shows in the mini program.
  await move(order, { to: "bureau_review" });
  await move(order, { to: "filed", icpNumber: "浙ICP备2026012345号-1X" });
  await page.reload();
  await expect(card.locator(".track-summary")).toContainText("浙ICP备2026012345号-1X");
  await expect(card.locator(".my-icp-hint")).toContainText("更多资料");

  // Emails may be turned off (texts about the filing always go); the choice is kept.
  const emails = page.getByRole("checkbox", { name: /邮件通知/ });
  await expect(emails).toBeChecked();
  const saved = page.waitForResponse(
    (response) => response.url().endsWith("/customer/preferences") && response.status() === 200,
  );
  await emails.uncheck();
  await saved;
  await page.reload();
  await expect(emails).not.toBeChecked();

  // Signing out ends the session: a reload shows the sign-in form again.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(form).toBeVisible();
  await page.reload();
  await expect(form).toBeVisible();
  await expect(page.locator(".my-order")).toHaveCount(0);
});
