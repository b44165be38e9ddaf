/**
 * 导出 on a filtered and searched leads list downloads what the list shows, and the file reads in
 * Excel as sales reads the admin: Chinese headers and values, China time, the phone number as text
 * (not 1.39E+10), under a Chinese file name.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { byHeader, openInExcel } from "../fixtures/excel.ts";
import { cmsUrl, logIn, newColleague } from "../fixtures/logins.ts";
import { submitLead } from "../fixtures/submissions.ts";

const chinaTime = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(iso));

/** Internal codes of the leads' selects, which the file must never show. */
const CODES = ["new", "contacted", "qualified", "converted", "lost", "enterprise", "personal"];

test("sales exports the filtered, searched leads list with 导出 and Excel reads it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const tag = String(Date.now()).slice(-8);
  const wanted = await submitLead({
    name: `导出甲${tag}`,
    phone: `139${tag}`,
    filingType: "enterprise",
  });
  const other = await submitLead({
    name: `导出乙${tag}`,
    phone: `138${tag}`,
    filingType: "personal",
  });
  await logIn(page, await newColleague("sales"));

  // The list filtered as the admin's filter writes it, then searched in its search box.
  await page.goto(
    cmsUrl("/admin/collections/leads?where[or][0][and][0][filingType][equals]=enterprise"),
  );
  await page.locator("#search-filter-input").fill(tag);
  await expect(page).toHaveURL(new RegExp(`search=${tag}`));
  await expect(page.locator(".table tbody tr")).toHaveCount(1);
  await expect(page.getByRole("link", { name: wanted.reference })).toBeVisible();

  // What the server answers for the button's address, so a failed download below says why.
  const button = page.getByRole("link", { name: "导出" });
  const href = (await button.getAttribute("href")) ?? "";
  expect(href).toContain(`search=${tag}`);
  // (With the admin's Origin: Payload takes the session cookie only from its own pages.)
  const fromAdmin = { headers: { Origin: new URL(cmsUrl()).origin } };
  const answer = await page.request.get(cmsUrl(href), fromAdmin);
  const head = (await answer.text()).slice(0, 300);
  expect(answer.status(), head).toBe(200);
  const disposition = answer.headers()["content-disposition"] ?? "";
  expect(disposition).toMatch(
    /^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''\S+$/,
  );

  const downloading = page.waitForEvent("download");
  await button.click();
  const download = await downloading;
  const fileName = decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? "");
  expect(fileName).toMatch(/^线索-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(download.suggestedFilename(), `Content-Disposition: ${disposition}`).toBe(fileName);

  const [header = [], ...rows] = openInExcel(await readFile((await download.path()) as string));
  expect(header.slice(0, 8)).toEqual(
    ["编号", "提交时间", "状态", "姓名", "手机号", "邮箱", "公司", "备案类型"].map((text) => ({
      text,
    })),
  );
  expect(rows, "only what the list shows").toHaveLength(1);
  const row = byHeader(header, rows[0]);
  const lead = await page.request.get(
    cmsUrl(`/api/leads?where[reference][equals]=${wanted.reference}`),
    fromAdmin,
  );
  const { createdAt } = ((await lead.json()) as { docs: Array<{ createdAt: string }> }).docs[0] ?? {
    createdAt: "",
  };
  expect(row).toMatchObject({
    编号: { text: wanted.reference },
    提交时间: { text: chinaTime(createdAt) },
    状态: { text: "新线索" },
    姓名: { text: `导出甲${tag}` },
    手机号: { text: `139${tag}` },
    备案类型: { text: "企业备案" },
  });
  const shown = rows.flat().map((cell) => ("text" in cell ? cell.text : String(cell.number)));
  expect(shown.filter((text) => CODES.includes(text))).toEqual([]);
  expect(shown.join(",")).not.toContain(other.reference);
});
