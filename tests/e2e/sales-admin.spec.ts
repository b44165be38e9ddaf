/**
 * Sales in the admin: the dashboard on the admin home (counts that link to filtered lists, overdue
 * work), converting a lead into a filing order from the lead's page, and restoring a submission
 * set aside as suspected spam. Editors see none of it.
 */
import { expect, test } from "@playwright/test";
import { cmsUrl, LOGINS, logIn, newColleague } from "../fixtures/logins.ts";
import { submitLead } from "../fixtures/submissions.ts";

test("sales sees the dashboard and converts a lead into an order in the admin", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lead = await submitLead({
    name: "吴老板",
    company: "吴老板的小店",
    filingType: "individual-business",
  });
  await logIn(page, await newColleague("sales"));

  // The dashboard: overdue work first, then counts that open the filtered lists.
  const dashboard = page.locator("[data-sales-dashboard]");
  await expect(dashboard.getByRole("heading", { name: "销售概览" })).toBeVisible();
  await expect(dashboard.getByRole("region", { name: "逾期订单" })).toBeVisible();
  await expect(dashboard.getByRole("link", { name: "查看全部逾期订单 →" })).toHaveAttribute(
    "href",
    /where\[or\]\[0\]\[and\]\[0\]\[stageDeadline\]\[less_than\]=/,
  );
  const newLeads = dashboard.locator('[data-count="leads:new"]');
  const count = Number(await newLeads.locator("strong").textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(dashboard.getByRole("region", { name: "按合作伙伴" })).toContainText("(direct)");

  await newLeads.click();
  await expect(page).toHaveURL(/where(\[|%5B)status(\]|%5D)(\[|%5B)equals(\]|%5D)=new/);
  await expect(page.getByRole("link", { name: lead.reference })).toBeVisible();

  // Convert the lead from its own page.
  await page.goto(cmsUrl(`/admin/collections/leads/${lead.id}`));
  const convert = page.locator('[data-convert-lead="form"]');
  await expect(convert).toBeVisible();
  await expect(convert.getByLabel("主体名称")).toHaveValue("吴老板的小店");
  await expect(convert.getByLabel("备案类型")).toHaveValue("individual-business");
  await convert.getByRole("button", { name: "转为订单" }).click();
  await expect(convert.getByRole("alert").first()).toContainText("请填写此项"); // no province yet
  await convert.getByLabel("备案省份").selectOption("zhejiang");
  await convert.getByRole("button", { name: "转为订单" }).click();

  await expect(page).toHaveURL(/\/admin\/collections\/orders\/\d+/);
  const orderNo = page.locator('input[name="orderNo"]');
  await expect(orderNo).toHaveValue(/^B-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  const number = await orderNo.inputValue();
  await expect(page.locator('input[name="contact.name"]')).toHaveValue("吴老板");

  // The lead now links to its order instead of offering to convert again.
  await page.goto(cmsUrl(`/admin/collections/leads/${lead.id}`));
  const converted = page.locator('[data-convert-lead="converted"]');
  await expect(converted.getByRole("link", { name: `查看订单 ${number}` })).toBeVisible();
  await expect(page.locator('[data-convert-lead="form"]')).toHaveCount(0);
});

test("sales finds a suspected submission under 可疑提交 and restores it with one click", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A browser's autofill filled the hidden field: answered as usual, set aside.
  const lead = await submitLead({ name: "冯老板", website: "https://feng.example.com" });
  await logIn(page, await newColleague("sales"));
  const search = `search=${encodeURIComponent(lead.reference)}`;

  await page.goto(cmsUrl(`/admin/collections/leads?${search}`));
  const hidden = page.locator('[data-suspected-notice="hidden"]');
  await expect(hidden).toContainText("条可疑提交未列在这里");
  await expect(page.getByRole("link", { name: lead.reference })).toHaveCount(0);
  await hidden.getByRole("link", { name: "查看可疑提交" }).click();
  await expect(page).toHaveURL(/suspectedSpam/);
  await expect(page.locator('[data-suspected-notice="viewing"]')).toBeVisible();
  await page.getByRole("link", { name: lead.reference }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/collections/leads/${lead.id}`));
  const box = page.locator('[data-restore-submission="suspected"]');
  await expect(box).toContainText("填写了访客看不到的隐藏栏");
  await expect(page.locator('[data-convert-lead="form"]')).toHaveCount(0);
  await box.getByRole("button", { name: "恢复为正常提交" }).click();
  await expect(page.locator('[data-restore-submission="restored"]')).toBeVisible();

  await page.reload();
  await expect(page.locator('[data-convert-lead="form"]')).toBeVisible();
  await expect(page.locator("[data-restore-submission]")).toHaveCount(0);
  await page.goto(cmsUrl(`/admin/collections/leads?${search}`));
  await expect(page.getByRole("link", { name: lead.reference })).toBeVisible();
});

test("an editor's admin home shows no sales dashboard", async ({ page }) => {
  await logIn(page, LOGINS.editor);
  // The home has rendered (the editor's collections are there) before absence means anything.
  await expect(
    page
      .locator(".dashboard")
      .getByRole("link", { name: /常见问题/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "销售概览" })).toHaveCount(0);
  await expect(page.locator("[data-sales-dashboard]")).toHaveCount(0);
});
