/**
 * The admin works from mainland China: with every request to a host other than our own refused
 * (as the Great Firewall often does to jsdelivr and Gravatar), staff walk through their main pages
 * and each page shows what they came for — and the browser never even tried to reach elsewhere.
 */
import { expect, type Page, test } from "@playwright/test";
import { apiToken, cmsUrl, LOGINS, logIn, newColleague } from "../fixtures/logins.ts";
import { offline } from "../fixtures/offline.ts";
import { submitLead, submitOrder, uniquePhone } from "../fixtures/submissions.ts";

// What each page should show is checked softly, so a failing page still ends in the full list of
// the outside URLs it tried (`offline`).

/** Opens an admin page and waits until it has loaded everything it is going to load. */
async function visit(page: Page, pathname: string): Promise<void> {
  await page.goto(cmsUrl(pathname));
  await page.waitForLoadState("networkidle");
}

/** An order as the site's form sends it, with an email so that a confirmation goes out. */
const newOrder = () => {
  const phone = uniquePhone();
  return submitOrder({
    contact: { name: "离线测试", phone, email: `offline-${phone}@example.com` },
    entity: { name: "离线测试", province: "zhejiang" },
    miniProgram: { name: "离线测试小程序" },
  });
};

/** The id of the order's confirmation email in the outbox, once it is there. */
async function confirmationOf(orderId: number): Promise<number> {
  const token = await apiToken(LOGINS.admin);
  let id: number | undefined;
  await expect
    .poll(async () => {
      const response = await fetch(cmsUrl(`/api/outbox?where[order][equals]=${orderId}&depth=0`), {
        headers: { Authorization: `JWT ${token}` },
      });
      const docs = ((await response.json()) as { docs: { id: number; to?: string }[] }).docs;
      id = docs.find((doc) => doc.to?.startsWith("offline-"))?.id ?? docs[0]?.id;
      return id;
    })
    .toBeTruthy();
  return id as number;
}

test.describe("the admin loads nothing from outside our own origin", () => {
  test("sales: dashboard, leads, an order's checklist, an email's preview, account", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const lead = await submitLead({ name: "离线线索", filingType: "individual-business" });
    const order = await newOrder();
    const emailId = await confirmationOf(order.id);
    const attempted = await offline(context);
    await logIn(page, await newColleague("sales"));
    await page.waitForLoadState("networkidle");
    await expect.soft(page.locator("[data-sales-dashboard]")).toBeVisible();

    await visit(page, "/admin/collections/leads");
    await expect.soft(page.getByRole("link", { name: lead.reference })).toBeVisible();
    await visit(page, `/admin/collections/leads/${lead.id}`);
    await expect.soft(page.locator('[data-convert-lead="form"]')).toBeVisible();

    await visit(page, "/admin/collections/orders");
    await expect.soft(page.getByRole("link", { name: order.orderNo })).toBeVisible();
    await visit(page, `/admin/collections/orders/${order.id}`);
    const checklist = page.locator("[data-materials-checklist]");
    await expect.soft(checklist).toContainText("材料清单(下单时)");
    expect(order.materials.length).toBeGreaterThan(0);
    await expect.soft(checklist.locator("li")).toHaveText(order.materials);

    await visit(page, "/admin/collections/outbox");
    await visit(page, `/admin/collections/outbox/${emailId}`);
    const preview = page.frameLocator('iframe[title="邮件预览"]');
    await expect.soft(preview.getByText(order.orderNo).first()).toBeVisible();
    await expect.soft(page.locator("[data-email-html-source]")).toContainText("正文(HTML)");

    await visit(page, "/admin/account");
    await expect.soft(page.getByLabel("电子邮件")).toBeVisible();
    expect(attempted, "requests to hosts other than ours").toEqual([]);
  });

  test("editor: dashboard, an FAQ, the landing page, account", async ({ page, context }) => {
    test.setTimeout(90_000);
    const attempted = await offline(context);
    await logIn(page, await newColleague("editor"));
    await page.waitForLoadState("networkidle");

    await visit(page, "/admin/collections/faqs");
    await page.locator("tbody tr").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/admin\/collections\/faqs\/\d+/);
    await expect.soft(page.getByLabel("问题")).not.toHaveValue("");
    await page.waitForLoadState("networkidle");

    await visit(page, "/admin/globals/landing");
    await visit(page, "/admin/account");
    await expect.soft(page.getByLabel("电子邮件")).toBeVisible();
    expect(attempted, "requests to hosts other than ours").toEqual([]);
  });

  test("admin: dashboard, users, an order, an email", async ({ page, context }) => {
    test.setTimeout(90_000);
    const order = await newOrder();
    const emailId = await confirmationOf(order.id);
    const attempted = await offline(context);
    await logIn(page, LOGINS.admin);
    await page.waitForLoadState("networkidle");

    await visit(page, "/admin/collections/users");
    await visit(page, `/admin/collections/orders/${order.id}`);
    await expect.soft(page.locator("[data-materials-checklist] li")).toHaveText(order.materials);
    await visit(page, `/admin/collections/outbox/${emailId}`);
    await expect
      .soft(page.frameLocator('iframe[title="邮件预览"]').getByText(order.orderNo).first())
      .toBeVisible();
    expect(attempted, "requests to hosts other than ours").toEqual([]);
  });
});
