/**
 * A customer's documents end to end: on a phone at /my/ the customer uploads a photo carrying EXIF
 * and GPS (stored without them) and a PDF, and is refused an HTML file named .jpg and a file over
 * 10 MB in words; sales, in the admin's 客户材料, rejects the photo with a reason and a note; the
 * customer reads both, uploads again; sales accepts it and the order leaves 初步审核. The API's
 * refusals, the sealed bytes on disk and the probes for a public URL are in
 * cms/src/materials/materials.test.ts.
 */
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { TINY_PNG } from "../fixtures/documents.ts";
import { cmsUrl, logIn, newColleague, siteUrl } from "../fixtures/logins.ts";
import { codesTo } from "../fixtures/sms.ts";
import { submitOrder } from "../fixtures/submissions.ts";

const expect = baseExpect.configure({ timeout: 30_000 });

/** A 16×12 JPEG as a phone camera writes it: EXIF with the maker and a GPS position. */
const PHOTO_WITH_GPS = Buffer.from(
  "/9j/4QFIRXhpZgAASUkqAAgAAAAIAA8BAgANAAAAfgAAABIBAwABAAAAAQAAABoBBQABAAAAbgAAABsBBQABAAAAdgAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAGmHBAABAAAAjAAAACWIBAABAAAA2gAAAAAAAAA4YwAA6AMAADhjAADoAwAAQmVpYW5UZXN0Q2FtAAAGAACQBwAEAAAAMDIxMAGRBwAEAAAAAQIDAACgBwAEAAAAMDEwMAGgAwABAAAA//8AAAKgBAABAAAAEAAAAAOgBAABAAAADAAAAAAAAAAEAAEAAgACAAAATgAAAAIABQADAAAAKAEAAAMAAgACAAAARQAAAAQABQADAAAAEAEAAAAAAAB4AAAAAQAAAAoAAAABAAAAAAAAAAEAAAAeAAAAAQAAAA8AAAABAAAAAAAAAAEAAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCcAoxL/9k=",
  "base64",
);
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const FRONT = "本人身份证(人像面)";
const BACK = "本人身份证(国徽面)";
const OTHER = "其他补充材料";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function signIn(page: Page, phone: string) {
  await page.goto(siteUrl("/my/"));
  const form = page.getByRole("form", { name: "登录" });
  await form.getByLabel("手机号").fill(phone);
  const before = (await codesTo(phone)).length;
  await form.getByRole("button", { name: "获取验证码" }).click();
  await expect.poll(async () => (await codesTo(phone)).length).toBe(before + 1);
  await form.getByLabel("验证码").fill((await codesTo(phone)).at(-1) ?? "");
  await form.getByRole("button", { name: "登录" }).click();
}

test("a customer uploads documents on a phone; sales rejects one, the customer replaces it, the order moves on", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the phone width is set by test.use");
  test.setTimeout(300_000);
  const order = await submitOrder();
  await signIn(page, order.phone);
  const card = page.locator(".my-order").filter({ hasText: order.orderNo });
  const slot = (item: string) => card.locator(`.my-materials li[data-item="${item}"]`);
  await expect(slot(FRONT)).toContainText("待上传");
  await expect(slot(OTHER)).toContainText("(选填)");

  // A photo straight from the camera, and a scan as PDF.
  const upload = (item: string, file: { name: string; mimeType: string; buffer: Buffer }) =>
    slot(item).locator('input[type="file"]').setInputFiles(file);
  await upload(FRONT, { name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: PHOTO_WITH_GPS });
  await expect(slot(FRONT)).toContainText("已上传,待审核");
  await upload(BACK, { name: "scan.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(slot(BACK)).toContainText("已上传,待审核");

  // Stored without the camera's EXIF and GPS (the customer's own link to it).
  const view = slot(FRONT).getByRole("link", { name: `查看 ${FRONT}` });
  const stored = await page.request.get((await view.getAttribute("href")) ?? "");
  expect(stored.status()).toBe(200);
  const bytes = await stored.body();
  expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
  expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
  expect(bytes.includes(Buffer.from("BeianTestCam"))).toBe(false);
  // Nobody else gets it: not without the customer's session.
  const anonymous = await fetch((await view.getAttribute("href")) ?? "");
  expect(anonymous.status).toBe(401);

  // Refused in words: an HTML page named .jpg (by the CMS), a file over 10 MB (before sending).
  await upload(OTHER, {
    name: "photo.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("<!doctype html><script>alert(1)</script>"),
  });
  await expect(slot(OTHER).getByRole("alert")).toHaveText("只能上传 JPG、PNG 图片或 PDF 文件");
  await upload(OTHER, {
    name: "big.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
  });
  await expect(slot(OTHER).getByRole("alert")).toHaveText("文件超过 10 MB,请压缩或重新拍摄后上传");
  await expect(slot(OTHER)).toContainText("待上传");

  // Sales, at a desk: starts the review, rejects the photo with a reason and a note, accepts the PDF.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const admin = await desk.newPage();
  await logIn(admin, await newColleague("sales"));
  await admin.goto(cmsUrl(`/admin/collections/orders/${order.id}`));
  await admin
    .locator("[data-order-actions]")
    .getByRole("button", { name: "开始初审", exact: true })
    .click();
  await expect(admin.locator("#field-status")).toContainText("初步审核");
  const review = admin.locator("[data-materials-review]");
  const row = (item: string) => review.locator(`li[data-document="${item}"]`);
  await row(FRONT).getByRole("button", { name: "驳回…" }).click();
  await row(FRONT).getByLabel("驳回原因").selectOption({
    label: "证件电子版不合格(须为最新证件的原件照片或彩色扫描件)",
  });
  await row(FRONT).getByLabel("说明(可选,客户可见)").fill("照片反光,请在自然光下重新拍摄");
  await row(FRONT).getByRole("button", { name: "确认驳回" }).click();
  await expect(row(FRONT)).toContainText("已驳回");
  await row(BACK).getByRole("button", { name: "通过" }).click();
  await expect(row(BACK)).toContainText("已通过");

  // The customer reads why and what to do, and uploads again.
  await page.reload();
  await expect(slot(FRONT)).toContainText("需重新上传");
  await expect(slot(FRONT)).toContainText("证件电子版不合格");
  await expect(slot(FRONT)).toContainText("怎么做:照片反光,请在自然光下重新拍摄");
  await expect(slot(BACK)).toContainText("已通过");
  await expect(slot(BACK).locator('input[type="file"]')).toHaveCount(0);
  await upload(FRONT, { name: "IMG_0002.png", mimeType: "image/png", buffer: TINY_PNG });
  await expect(slot(FRONT)).toContainText("已上传,待审核");

  // Sales accepts the new photo; the order leaves 初步审核.
  await admin.reload();
  await row(FRONT).getByRole("button", { name: "通过" }).click();
  await expect(row(FRONT)).toContainText("已通过");
  await admin
    .locator("[data-order-actions]")
    .getByRole("button", { name: "初审通过,提交微信审核", exact: true })
    .click();
  await expect(admin.locator("#field-status")).toContainText("微信官方审核");
  await desk.close();
});
