/**
 * A filing order end to end: ordered through the widget on a filing-type page, seen by sales with
 * its checklist, moved through the stages by the stage actions' endpoint, followed by the customer on /track/,
 * with every email delivered (once) to the local server that speaks Resend's API.
 */
import { expect, test } from "@playwright/test";
import { provideDocuments } from "../fixtures/documents.ts";
import { emailsMatching, salesInbox } from "../fixtures/emails.ts";
import { apiToken, cmsUrl, LOGINS, siteUrl } from "../fixtures/logins.ts";

async function salesApi() {
  const token = await apiToken(LOGINS.sales);
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(cmsUrl(path), {
      method,
      headers: { Authorization: `JWT ${token}`, "Content-Type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json() };
  };
}

test("order through the widget → sales moves it through the stages → /track/ shows each one", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one order flow is enough");
  test.setTimeout(120_000);
  await page.goto(siteUrl("/types/individual-business/"));
  await page.locator("#order").scrollIntoViewIfNeeded();
  const form = page.getByRole("form", { name: "备案下单表单" });
  await expect(form).toBeVisible();
  await expect(form.locator('[name="filingType"]')).toHaveValue("individual-business");

  const phone = `135${String(Date.now()).slice(-8)}`;
  await form.locator('[name="contact.name"]').fill("周店长");
  await form.locator('[name="contact.phone"]').fill(phone);
  const customer = `zhou-${phone}@example.com`;
  await form.locator('[name="contact.email"]').fill(customer);
  await form.locator('[name="entity.name"]').fill("周记花店");
  await form.locator('[name="entity.province"]').selectOption("zhejiang");
  await form.getByRole("checkbox", { name: /隐私政策/ }).check();
  await page.waitForTimeout(1_600);
  await form.getByRole("button", { name: /提交/ }).click();

  const status = page.getByRole("status");
  await expect(status).toContainText(/B-[2-9A-Z]{4}-[2-9A-Z]{4}/);
  const orderNo = /B-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec((await status.textContent()) ?? "")?.[0] ?? "";
  await expect(status).toContainText("个体户营业执照");

  const api = await salesApi();
  const found = await api("GET", `/api/orders?where[orderNo][equals]=${orderNo}`);
  expect(found.status).toBe(200);
  const order = found.body.docs[0];
  expect(order).toMatchObject({
    filingType: "individual-business",
    status: "submitted",
    entity: { province: "zhejiang" },
  });
  expect(order.materials).toEqual(
    expect.arrayContaining(["个体户营业执照", "浙江管局审核最长 30 个工作日。"]),
  );

  // A jump the pipeline does not allow is refused; the allowed moves go through (the buttons in
  // the admin call the same endpoint: stage-actions.spec.ts).
  const moveTo = (to: string) => api("POST", `/api/orders/${order.id}/move`, { to });
  expect((await moveTo("filed")).status).toBe(400);
  for (const stage of ["preliminary_review", "platform_review", "sms_verification"]) {
    // The customer's documents are uploaded and accepted before the order leaves 初步审核.
    if (stage === "platform_review") await provideDocuments({ id: order.id, orderNo, phone });
    expect((await moveTo(stage)).status).toBe(200);
  }

  await page.goto(siteUrl("/track/"));
  await page.getByLabel("订单号").fill(orderNo);
  await page.getByLabel("下单手机号").fill(phone);
  await page.getByRole("button", { name: "查询进度" }).click();
  const timeline = page.locator(".track-timeline");
  await expect(timeline.locator("li")).toHaveCount(7);
  await expect(timeline.locator('[data-state="done"]')).toHaveCount(3);
  const current = timeline.locator('[aria-current="step"]');
  await expect(current).toContainText("短信核验");
  await expect(current).toContainText("本阶段截止");

  // Someone with the number but not the phone learns nothing.
  await page.getByLabel("下单手机号").fill("13000000000");
  await page.getByRole("button", { name: "查询进度" }).click();
  await expect(page.getByRole("alert")).toHaveText("未找到该订单,请核对订单号和手机号。");
  await expect(timeline).toHaveCount(0);

  // The emails, as Resend received them: the sales alert, then the customer's confirmation with
  // the checklist, an update per stage, and the SMS-verification reminder.
  const [alert] = await emailsMatching(
    (email) => email.to.includes(salesInbox()) && email.subject.includes(orderNo),
    1,
  );
  expect(alert?.subject).toContain("新订单");
  expect(alert?.replyTo).toEqual([customer]);
  const mails = await emailsMatching((email) => email.to.includes(customer), 4);
  // Customer emails of one tier may share a batch, so they may arrive in any order.
  const subjects = mails.map((email) => email.subject);
  expect(subjects).toHaveLength(4);
  expect(subjects).toEqual(
    expect.arrayContaining([
      `订单已提交:${orderNo}`,
      `请在 24 小时内完成短信核验(订单 ${orderNo})`,
    ]),
  );
  expect(subjects.filter((subject) => subject.includes("进度更新"))).toHaveLength(2);
  const confirmation = mails.find((email) => email.subject === `订单已提交:${orderNo}`);
  expect(confirmation?.text).toContain("个体户营业执照");
  expect(confirmation?.text).toContain(siteUrl(`/track/?order=${orderNo}`));
  // The address is unverified: the customer's email repeats nothing typed into the form; the
  // sales alert keeps the entity's name.
  for (const mail of mails) expect(mail.html).not.toContain("周记花店");
  expect(alert?.html).toContain("周记花店");
  // Each sent under a key: its own, or its batch's (emails/batch.ts).
  expect(mails.every((email) => /^beian-(outbox|batch)-/.test(email.idempotencyKey ?? ""))).toBe(
    true,
  );
  // The email's link opens /track/ with the order number filled in.
  await page.goto(siteUrl(`/track/?order=${orderNo}`));
  await expect(page.getByLabel("订单号")).toHaveValue(orderNo);
  await expect(page.getByLabel("下单手机号")).toBeFocused();

  // The outbox in the admin shows the same emails, sent (its text messages: sms.spec.ts).
  const outbox = await api(
    "GET",
    `/api/outbox?where[order][equals]=${order.id}&where[channel][equals]=email&limit=20`,
  );
  expect(outbox.status).toBe(200);
  expect(outbox.body.docs.map((email: { state: string }) => email.state).sort()).toEqual([
    "scheduled",
    "sent",
    "sent",
    "sent",
    "sent",
    "sent",
  ]);
});
