/**
 * Sales works a lead and an order by their actions in the admin, as a salesperson clicks them:
 * the lead through 标记为已联系 and 标记为有意向 into an order; the order through 开始初审, a
 * structured 驳回 (item and reason from the lists, a note), 重新提交, and on to 备案成功 with its ICP
 * number. Every stage and status reads by its Chinese name, history rows as 「阶段 · 时间 · 谁」,
 * and no internal code or English row label shows.
 */
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { provideDocuments } from "../fixtures/documents.ts";
import { apiToken, cmsUrl, LOGINS, logIn, newColleague } from "../fixtures/logins.ts";
import { submitLead } from "../fixtures/submissions.ts";

// Each action reloads the document; on a busy two-core machine the admin can take longer than the
// default 15 s to show its fields again (a wait on a condition, not a timing assertion).
const expect = baseExpect.configure({ timeout: 60_000 });

const INTERNAL_WORDS =
  /\b(submitted|preliminary_review|platform_review|sms_verification|bureau_review|filed|police_filing|rejected|cancelled|contacted|qualified|converted|lost|Stage History|Status History|Rejection|Stage Entry)\b/i;

/** A date and time as staff read them: China time, 2026-11-30 12:44. */
const TIME = String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`;

/** The document's form: what staff read on the page (labels, values, row labels, messages). */
// What is rendered, as staff read it (textContent would include hidden inputs and templates).
// biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
const documentText = (page: Page) => page.locator("form").first().innerText();

async function expectNoInternalWords(page: Page) {
  expect(await documentText(page)).not.toMatch(INTERNAL_WORDS);
}

async function orderNoOf(id: number): Promise<string> {
  const response = await fetch(cmsUrl(`/api/orders/${id}?depth=0`), {
    headers: { Authorization: `JWT ${await apiToken(LOGINS.sales)}` },
  });
  return ((await response.json()) as { orderNo: string }).orderNo;
}

/** Clicks an action and waits for the page to show the stage it leads to. */
async function act(page: Page, actions: Locator, name: string, shows: string) {
  await actions.getByRole("button", { name, exact: true }).click();
  await expect(page.locator("#field-status")).toContainText(shows);
}

test("sales works a lead and its order by actions, all in Chinese", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the admin runs on desktop");
  test.setTimeout(600_000);
  const lead = await submitLead({
    name: "郑老板",
    company: "郑老板的工作室",
    filingType: "enterprise",
  });
  await logIn(page, await newColleague("sales"));

  // The lead: 联系过, 合格, then into an order.
  await page.goto(cmsUrl(`/admin/collections/leads/${lead.id}`));
  const leadActions = page.locator("[data-lead-actions]");
  await expect(page.locator("#field-status")).toContainText("新线索");
  await act(page, leadActions, "标记为已联系", "已联系");
  await act(page, page.locator("[data-lead-actions]"), "标记为有意向", "有意向");
  await expect(page.locator("[data-lead-actions]").getByRole("button")).toHaveText(["标记为无效…"]);
  await expect(page.getByText(new RegExp(`已联系 → 有意向 · ${TIME} · 新同事`))).toBeVisible();
  await expect(page.getByText(new RegExp(`^新线索 · ${TIME}$`))).toBeVisible();
  await expectNoInternalWords(page);

  const convert = page.locator('[data-convert-lead="form"]');
  await convert.getByLabel("备案省份").selectOption("guangdong");
  await convert.getByRole("button", { name: "转为订单" }).click();
  await expect(page).toHaveURL(/\/admin\/collections\/orders\/\d+/);

  // The order offers only the steps allowed from where it is.
  const actions = page.locator("[data-order-actions]");
  await expect(page.locator("#field-status")).toContainText("已提交");
  await expect(actions.getByRole("button")).toHaveText(["开始初审", "驳回…", "取消订单…"]);
  await act(page, actions, "开始初审", "初步审核");
  await expect(page.getByText(new RegExp(`^初步审核 · ${TIME} · 新同事$`))).toBeVisible();

  // 驳回…: nothing chosen is refused in Chinese; then an item and a reason from the lists.
  await actions.getByRole("button", { name: "驳回…" }).click();
  const panel = actions.locator('[data-stage-panel="rejected"]');
  await panel.getByRole("button", { name: "确认驳回" }).click();
  await expect(panel.getByRole("alert").first()).toHaveText("请从列表中选择被驳回的项目");
  await panel.getByLabel("驳回项目").selectOption({ label: "主体证件" });
  await panel
    .getByLabel("原因")
    .selectOption({ label: "证件电子版不合格(须为最新证件的原件照片或彩色扫描件)" });
  // The note is optional: without it, the customer is told the reason's fix, shown under it.
  const note = panel.getByLabel("说明(可选,客户可见)");
  await expect(note).toHaveAccessibleDescription(
    "不填说明时,客户看到的修改建议:请上传发证机构最新核准下发的证件,原件拍照或原件彩色扫描,然后重新提交",
  );
  await note.fill("请上传最新营业执照");
  await panel.getByRole("button", { name: "确认驳回" }).click();
  await expect(page.locator("#field-status")).toContainText("已驳回");
  await expect(
    page.getByText("主体证件:证件电子版不合格(须为最新证件的原件照片或彩色扫描件)"),
  ).toBeVisible();
  await expectNoInternalWords(page);

  await act(page, page.locator("[data-order-actions]"), "重新提交", "已提交");
  await act(page, page.locator("[data-order-actions]"), "开始初审", "初步审核");

  // The order stays in 初步审核 until the customer's documents are accepted, and says which.
  await page
    .locator("[data-order-actions]")
    .getByRole("button", { name: "初审通过,提交微信审核" })
    .click();
  await expect(page.locator("[data-order-actions]").getByRole("alert").first()).toContainText(
    "客户材料尚未全部审核通过",
  );
  const orderId = Number(/\/orders\/(\d+)/.exec(page.url())?.[1]);
  await provideDocuments({ id: orderId, orderNo: await orderNoOf(orderId), phone: lead.phone });
  await page.reload();
  await expect(page.locator('[data-document-status="accepted"]').first()).toBeVisible();
  for (const [name, shows] of [
    ["初审通过,提交微信审核", "微信官方审核"],
    ["微信审核通过,等待短信核验", "短信核验"],
    ["记录短信核验完成", "管局审核"],
  ] as const) {
    await act(page, page.locator("[data-order-actions]"), name, shows);
  }

  // 录入备案号: a number in the wrong form is refused; the right one files the order.
  const last = page.locator("[data-order-actions]");
  await last.getByRole("button", { name: "管局审核通过,录入备案号…" }).click();
  await last.getByLabel("备案号").fill("粤ICP备123");
  await last.getByRole("button", { name: "确认备案成功" }).click();
  await expect(last.getByRole("alert").first()).toHaveText(
    "备案号格式不正确,应如 粤ICP备2026012345号-1X",
  );
  await last.getByLabel("备案号").fill("粤ICP备2026012345号-1X");
  await last.getByRole("button", { name: "确认备案成功" }).click();
  await expect(page.locator("#field-status")).toContainText("备案成功");
  await expect(page.locator('input[name="icpNumber"]')).toHaveValue("粤ICP备2026012345号-1X");
  await expect(page.getByText(new RegExp(`^备案成功 · ${TIME} · 新同事$`))).toBeVisible();
  await expect(page.getByText(new RegExp(`^已驳回 · ${TIME} · 新同事$`))).toBeVisible();
  await expect(page.locator("[data-order-actions]").getByRole("button")).toHaveText([
    "开始公安备案",
  ]);
  await expectNoInternalWords(page);
});
