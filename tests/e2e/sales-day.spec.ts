/**
 * A salesperson's day, end to end, as issue 11 asks, in Chromium with every request to another
 * host refused: a lead arrives from the site; a new colleague finds it on the dashboard under
 * 未分配, takes it (分配给我), marks it 已联系 and 有意向 and turns it into an order; the order goes
 * through its stages by their actions — a structured 驳回 (item and reason from the lists, a note),
 * a 重新提交 and the customer's documents accepted in 客户材料 on the way — to 备案成功 with its ICP number; then the orders list, searched for
 * this order, is exported with 导出 and the file reads in Excel as the admin reads: Chinese header
 * and values, the phone number as text. With `SCREENSHOTS_DIR` set it takes the README's pictures.
 */
import { readFile } from "node:fs/promises";
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { uploadRequiredDocuments } from "../fixtures/documents.ts";
import { byHeader, openInExcel } from "../fixtures/excel.ts";
import { cmsUrl, logIn, newColleague } from "../fixtures/logins.ts";
import { offline } from "../fixtures/offline.ts";
import { SCREENSHOT_VIEWPORT, screenshot } from "../fixtures/screenshots.ts";
import { submitLead } from "../fixtures/submissions.ts";

// Each action reloads the document; on a busy two-core machine the admin can take longer than the
// default 15 s to show its fields again (a wait on a condition, not a timing assertion).
const expect = baseExpect.configure({ timeout: 60_000 });

test.use({ viewport: SCREENSHOT_VIEWPORT });

/** A date and time as staff read them: China time, 2026-11-30 12:44. */
const TIME = String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`;

type TLead = { id: number; reference: string; name: string; phone: string };

/** A prospect's lead, sent the way the site's form sends it. */
async function leadFromSite(): Promise<TLead> {
  const tag = String(Date.now()).slice(-8);
  const lead = { name: `周老板${tag}`, phone: `136${tag}` };
  return submitLead({ ...lead, company: `周记餐饮${tag}`, filingType: "enterprise" });
}

/** Clicks an action and waits for the page to show the stage or status it leads to. */
async function act(page: Page, actions: Locator, name: string, shows: string) {
  await actions.getByRole("button", { name, exact: true }).click();
  await expect(page.locator("#field-status")).toContainText(shows);
}

/** Dashboard → 未分配 → the lead → 分配给我 → 已联系 → 有意向 → 转为订单; answers the order's number. */
async function workTheLead(page: Page, lead: TLead): Promise<string> {
  const unassigned = page.locator('[data-queue="leads:unassigned"]');
  await expect(page.locator("[data-sales-dashboard]")).toBeVisible();
  await expect(unassigned).toBeVisible();
  await screenshot(page, "sales-1-dashboard");
  await unassigned.click();
  await expect(page).toHaveURL(/\[assignee\]\[exists\]=false|%5Bassignee%5D%5Bexists%5D=false/);
  await page.getByRole("link", { name: lead.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/collections/leads/${lead.id}`));

  await page.locator('[data-assign-to-me="button"]').click();
  await expect(page.locator('[data-assign-to-me="mine"]')).toHaveText("✓ 已分配给我");
  await expect(page.locator("#field-status")).toContainText("新线索");
  await screenshot(page, "sales-2-lead");
  await act(page, page.locator("[data-lead-actions]"), "标记为已联系", "已联系");
  await act(page, page.locator("[data-lead-actions]"), "标记为有意向", "有意向");
  await expect(page.getByText(new RegExp(`已联系 → 有意向 · ${TIME} · 新同事`))).toBeVisible();

  const convert = page.locator('[data-convert-lead="form"]');
  await convert.getByLabel("备案省份").selectOption({ label: "广东" });
  await convert.getByRole("button", { name: "转为订单" }).click();
  await expect(page).toHaveURL(/\/admin\/collections\/orders\/\d+/);
  const orderNo = page.locator('input[name="orderNo"]');
  await expect(orderNo).toHaveValue(/\S/);
  return orderNo.inputValue();
}

/** The customer's documents arrive (uploaded in 备案中心); sales accepts each in 客户材料. */
async function acceptTheDocuments(page: Page, lead: TLead) {
  const id = Number(/\/orders\/(\d+)/.exec(page.url())?.[1]);
  const orderNo = await page.locator('input[name="orderNo"]').inputValue();
  await uploadRequiredDocuments({ id, orderNo, phone: lead.phone });
  await page.reload();
  const review = page.locator("[data-materials-review]");
  const waiting = review.locator('[data-document-status="uploaded"]');
  await expect(waiting.first()).toBeVisible();
  while ((await waiting.count()) > 0) {
    const before = await waiting.count();
    // Only a document waiting for review offers 通过 (a missing slot has no buttons).
    await review.getByRole("button", { name: "通过", exact: true }).first().click();
    await expect(waiting).toHaveCount(before - 1);
  }
}

/** 开始初审 → a structured 驳回 → 重新提交 → 客户材料 accepted → … → 录入备案号 → 备案成功. */
async function fileTheOrder(page: Page, lead: TLead) {
  const actions = () => page.locator("[data-order-actions]");
  await expect(page.locator("#field-status")).toContainText("已提交");
  await act(page, actions(), "开始初审", "初步审核");

  await actions().getByRole("button", { name: "驳回…" }).click();
  const panel = actions().locator('[data-stage-panel="rejected"]');
  await panel.getByLabel("驳回项目").selectOption({ label: "主体证件" });
  await panel
    .getByLabel("原因")
    .selectOption({ label: "证件电子版不合格(须为最新证件的原件照片或彩色扫描件)" });
  await panel.getByLabel("说明(可选,客户可见)").fill("请上传最新营业执照的彩色扫描件");
  await screenshot(page, "sales-3-reject");
  await panel.getByRole("button", { name: "确认驳回" }).click();
  await expect(page.locator("#field-status")).toContainText("已驳回");
  await expect(
    page.getByText("主体证件:证件电子版不合格(须为最新证件的原件照片或彩色扫描件)"),
  ).toBeVisible();

  await act(page, actions(), "重新提交", "已提交");
  await act(page, actions(), "开始初审", "初步审核");
  await acceptTheDocuments(page, lead);
  for (const [name, shows] of [
    ["初审通过,提交微信审核", "微信官方审核"],
    ["微信审核通过,等待短信核验", "短信核验"],
    ["记录短信核验完成", "管局审核"],
  ] as const) {
    await act(page, actions(), name, shows);
  }
  await actions().getByRole("button", { name: "管局审核通过,录入备案号…" }).click();
  await actions().getByLabel("备案号").fill("粤ICP备2026012345号-1X");
  await actions().getByRole("button", { name: "确认备案成功" }).click();
  await expect(page.locator("#field-status")).toContainText("备案成功");
  await expect(page.locator('input[name="icpNumber"]')).toHaveValue("粤ICP备2026012345号-1X");

  // The history, row by row: who moved it where and when, the rejection and the resubmission.
  const history = page.locator("#field-stageHistory");
  for (const row of ["备案成功", "已驳回", "已提交"]) {
    await expect(
      history.getByText(new RegExp(`^${row} · ${TIME} · 新同事$`)).first(),
    ).toBeVisible();
  }
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, "sales-4-history");
}

/** The orders list searched for the order, 导出, and the downloaded file as Excel reads it. */
async function exportTheOrder(page: Page, orderNo: string, lead: TLead) {
  await page.goto(cmsUrl("/admin/collections/orders"));
  await page.locator("#search-filter-input").fill(orderNo);
  await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(orderNo)}`));
  const rows = page.locator(".table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("link", { name: orderNo })).toBeVisible();
  // Ticked, the row offers 批量分配 beside 导出 (for the picture; the export takes the search).
  await rows.first().getByRole("checkbox").check();
  await expect(page.locator("[data-bulk-assign]")).toContainText("已选 1 条订单");
  await screenshot(page, "sales-5-list");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^订单-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header = [], ...data] = openInExcel(await readFile((await download.path()) as string));
  expect(header.slice(0, 3)).toEqual([{ text: "订单号" }, { text: "下单时间" }, { text: "阶段" }]);
  expect(data, "only the order the list shows").toHaveLength(1);
  expect(byHeader(header, data[0])).toMatchObject({
    订单号: { text: orderNo },
    阶段: { text: "备案成功" },
    备案类型: { text: "企业备案" },
    联系人: { text: lead.name },
    手机号: { text: lead.phone },
    省份: { text: "广东" },
  });
}

test("a salesperson's day: a new lead from 未分配 to an order filed, then 导出 for Excel", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the admin runs on desktop");
  test.setTimeout(600_000);
  const attempted = await offline(context);
  try {
    const lead = await leadFromSite();
    await logIn(page, await newColleague("sales"));
    const orderNo = await workTheLead(page, lead);
    await fileTheOrder(page, lead);
    await exportTheOrder(page, orderNo, lead);
  } finally {
    // Soft, so a step that failed because something was refused still reports what it tried.
    baseExpect.soft(attempted, "requests to hosts other than ours").toEqual([]);
  }
});
