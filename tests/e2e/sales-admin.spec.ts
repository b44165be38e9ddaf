/**
 * Sales in the admin: the dashboard on the admin home (counts that link to filtered lists, overdue
 * work) and converting a lead into a filing order from the lead's page. Editors see none of it.
 */
import { expect, test } from "@playwright/test";
import { cmsUrl, LOGINS, logIn, newColleague, siteUrl } from "../fixtures/logins.ts";

/** A prospect's lead, sent the way the site's form sends it. */
async function newLead(name: string): Promise<{ id: number; reference: string }> {
  const response = await fetch(cmsUrl("/api/public/leads"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: new URL(siteUrl()).origin },
    body: JSON.stringify({
      name,
      phone: `139${String(Date.now()).slice(-8)}`,
      company: `${name}的小店`,
      filingType: "individual-business",
      consent: { privacy: true },
      elapsedMs: 9_000,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; reference: string };
}

test("sales sees the dashboard and converts a lead into an order in the admin", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lead = await newLead("吴老板");
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
