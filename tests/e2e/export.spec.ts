/**
 * 导出 on a filtered leads list downloads what the list shows, as sales reads it: Chinese headers
 * and values, China time, the phone number kept as text for Excel, under a Chinese file name.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { cmsUrl, logIn, newColleague, siteUrl } from "../fixtures/logins.ts";

async function newLead(name: string, phone: string): Promise<{ reference: string }> {
  const response = await fetch(cmsUrl("/api/public/leads"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: new URL(siteUrl()).origin },
    body: JSON.stringify({
      name,
      phone,
      filingType: "enterprise",
      consent: { privacy: true },
      elapsedMs: 9_000,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { reference: string };
}

test("sales exports the filtered leads list with 导出", async ({ page }) => {
  test.setTimeout(90_000);
  const tag = String(Date.now()).slice(-8);
  const wanted = await newLead(`导出甲${tag}`, `139${tag}`);
  const other = await newLead(`导出乙${tag}`, `138${tag}`);
  await logIn(page, await newColleague("sales"));

  const filter = `where[or][0][and][0][name][equals]=${encodeURIComponent(`导出甲${tag}`)}`;
  await page.goto(cmsUrl(`/admin/collections/leads?${filter}`));
  await expect(page.getByRole("link", { name: wanted.reference })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^线索-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.startsWith("编号,提交时间,状态,姓名,手机号")).toBe(true);
  expect(text).toMatch(
    new RegExp(
      `${wanted.reference},\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},新线索,导出甲${tag},"=""139${tag}""",`,
    ),
  );
  expect(text).toContain("企业备案");
  expect(text).not.toContain(other.reference);
});
