/**
 * Erasure on request in the admin (系统 › 个人信息删除): the admin types the person's phone number,
 * sees how much would go, confirms and saves; the person's lead is gone and the record shows how
 * much went, without the number.
 */
import { expect, test } from "@playwright/test";
import { apiToken, cmsUrl, LOGINS, logIn } from "../fixtures/logins.ts";
import { submitLead } from "../fixtures/submissions.ts";

test("an admin previews, confirms and erases a person by phone number", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the admin is exercised on desktop");
  test.setTimeout(120_000);
  const phone = `137${String(Date.now()).slice(-8)}`;
  const { id } = await submitLead({ name: "要求删除的人", phone });

  await logIn(page, LOGINS.admin);
  await page.goto(cmsUrl("/admin/collections/erasures/create"));
  await page.getByLabel("手机号或邮箱").fill(`+86 ${phone.slice(0, 3)} ${phone.slice(3)}`);
  const preview = page.locator("[data-erasure-preview]");
  await preview.getByRole("button", { name: "查询将要删除的数据" }).click();
  await expect(preview.locator("[data-erasure-counts]")).toContainText("线索 1 条");
  await expect(preview.locator("[data-erasure-counts]")).toContainText("邮件 1 封");
  await page.getByLabel(/确认删除/).check();
  await page.getByRole("button", { name: "保存" }).click();

  // The saved record: who, when, how much — and not the number.
  await expect(page).toHaveURL(/\/admin\/collections\/erasures\/\d+/);
  await expect(page.locator('input[name="leads"]')).toHaveValue("1");
  await expect(page.locator('input[name="emails"]')).toHaveValue("1");
  await expect(page.locator('input[name="byEmail"]')).toHaveValue(LOGINS.admin.email);
  await expect(page.locator("body")).not.toContainText(phone);

  const token = await apiToken(LOGINS.admin);
  const gone = await fetch(cmsUrl(`/api/leads/${id}`), {
    headers: { Authorization: `JWT ${token}` },
  });
  expect(gone.status).toBe(404);
});
