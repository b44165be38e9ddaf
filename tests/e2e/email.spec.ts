/**
 * Resend down: its API answers 500, then stops answering, while prospects keep submitting. Every
 * lead and order is accepted at once; when Resend is back every email arrives exactly once.
 */
import { expect, test } from "@playwright/test";
import { delivered, emailsMatching, requests, setResendFaults } from "../fixtures/emails.ts";
import {
  apiToken,
  cmsUrl,
  logIn,
  newColleague,
  siteUrl,
  untilHydrated,
} from "../fixtures/logins.ts";

const post = (path: string, body: unknown) =>
  fetch(cmsUrl(`/api/public/${path}`), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: new URL(siteUrl()).origin },
    body: JSON.stringify({ consent: { privacy: true }, elapsedMs: 5_000, ...(body as object) }),
  });

type TOutboxRow = {
  id: number;
  kind: string;
  subject: string;
  text: string;
  state: string;
  idempotencyKey: string;
  batchKey?: string | null;
  providerId?: string | null;
  digest?: number | null;
};

/** Reads outbox rows as a salesperson of this test's own (over the REST API). */
async function outboxReader(): Promise<(where: Record<string, string>) => Promise<TOutboxRow[]>> {
  const token = await apiToken(await newColleague("sales"));
  return async (where) => {
    const query = new URLSearchParams({ depth: "0", limit: "100", sort: "createdAt", ...where });
    const response = await fetch(cmsUrl(`/api/outbox?${query}`), {
      headers: { Authorization: `JWT ${token}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { docs: TOutboxRow[] }).docs;
  };
}

/** The outbox rows of these leads' and orders' emails: by recipient (`run`) or by reference. */
const oursWhere = (run: string, references: string[]): Record<string, string> =>
  Object.fromEntries([
    ["where[or][0][to][contains]", run],
    ...references.map((reference, index) => [
      `where[or][${index + 1}][subject][contains]`,
      reference,
    ]),
  ]);

test("a Resend outage loses nothing and sends nothing twice", async ({
  browserName: _browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one outage is enough");
  test.setTimeout(120_000);
  const run = String(Date.now()).slice(-8);
  // Only requests carrying `run` (the customers' addresses, the alerts' contact details) meet the
  // outage; other tests share the server.
  await setResendFaults({ status500: 3, timeouts: 2, acceptBeforeTimeout: true, match: run });

  const statuses: number[] = [];
  const references: string[] = [];
  for (let index = 0; index < 2; index++) {
    const lead = await post("leads", {
      name: `断网测试${index}`,
      phone: `139${run}`,
      email: `lead-${run}-${index}@example.com`,
    });
    statuses.push(lead.status);
    references.push(((await lead.json()) as { reference: string }).reference);
    const order = await post("orders", {
      filingType: "personal",
      contact: {
        name: `断网订单${index}`,
        phone: `137${run}`,
        email: `order-${run}-${index}@example.com`,
      },
      entity: { province: "shanghai" },
    });
    statuses.push(order.status);
    references.push(((await order.json()) as { orderNo: string }).orderNo);
  }
  expect(statuses).toEqual([201, 201, 201, 201]);

  // 4 alerts to sales + 4 confirmations. Every row's sending ends: sent, or — a new-lead alert
  // waiting beside another — combined into a digest to sales that lists the lead.
  const read = await outboxReader();
  const settled = ["sent", "sent_in_digest"];
  await expect
    .poll(
      async () => {
        const rows = (await read(oursWhere(run, references))).filter(
          (row) => row.kind !== "lead_alert_digest",
        );
        return rows.length === 8 && rows.every((row) => settled.includes(row.state));
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  const rows = (await read(oursWhere(run, references))).filter(
    (row) => row.kind !== "lead_alert_digest",
  );
  const all = await delivered();
  // Each sent row delivered exactly once, under the key it was sent with (its own or its
  // batch's), and the row holds that delivery's id.
  for (const row of rows.filter((row) => row.state === "sent")) {
    const deliveries = all.filter((email) => email.subject === row.subject);
    expect(deliveries.map((email) => [email.id, email.idempotencyKey])).toEqual([
      [row.providerId, row.batchKey ?? row.idempotencyKey],
    ]);
  }
  // Each combined alert is listed in its digest, which was delivered once.
  for (const row of rows.filter((row) => row.state === "sent_in_digest")) {
    const [digest] = await read({ "where[id][equals]": String(row.digest) });
    expect(digest?.state).toBe("sent");
    const reference = references.find((ref) => row.subject.includes(ref)) ?? "";
    expect(digest?.text).toContain(reference);
    expect(all.filter((email) => email.id === digest?.providerId)).toHaveLength(1);
  }
  // The outage did happen to these emails: three 500s and two answers lost, then retried.
  const keys = new Set(rows.map((row) => row.batchKey ?? row.idempotencyKey));
  const answers = (await requests())
    .filter((request) => keys.has(request.idempotencyKey ?? ""))
    .map((request) => request.answered);
  expect(answers.filter((answer) => answer === 500)).toHaveLength(3);
  expect(answers.filter((answer) => answer === "timeout")).toHaveLength(2);
});

test("sales read every email in the outbox, in full", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the admin is tested at desktop width");
  const run = String(Date.now()).slice(-8);
  const response = await post("leads", {
    name: "发件箱<测试>",
    phone: `136${run}`,
    email: `outbox-${run}@example.com`,
    message: "想了解个体户备案",
  });
  const { reference } = (await response.json()) as { reference: string };
  await emailsMatching((email) => email.subject.includes(reference), 2);

  // A salesperson of this test's own: Payload keeps an account's sessions in one list that two
  // simultaneous logins can overwrite, and other tests log in as the seeded sales user.
  const colleague = await newColleague("sales");
  await logIn(page, colleague);
  await page.goto(cmsUrl(`/admin/collections/outbox?search=${reference}`));
  // The acknowledgement and the sales alert; when other leads arrive at the same moment the alert
  // is combined into a digest whose subject names this lead first, a third row.
  const rows = page.locator("tbody tr");
  const acknowledgement = rows.filter({ hasText: "我们已收到您的咨询" });
  await expect(acknowledgement).toHaveCount(1);
  await expect(acknowledgement).toContainText("已发送");
  expect([2, 3]).toContain(await rows.count());
  await acknowledgement.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/collections\/outbox\/\d+/);
  await expect(page.getByLabel("收件人")).toHaveValue(`outbox-${run}@example.com`);
  await expect(page.getByLabel("正文(纯文本)")).toHaveValue(new RegExp(`咨询编号:${reference}`));
  await expect(page.getByText("服务商消息 ID")).toBeVisible();
  // …and see it as the prospect did, in a sandboxed preview.
  const preview = page.frameLocator('iframe[title="邮件预览"]');
  await expect(preview.getByRole("heading", { name: "我们已收到您的咨询" })).toBeVisible();
  await expect(preview.getByText(reference)).toBeVisible();
});

test("a colleague who forgot their password resets it from the emailed link", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the admin is tested at desktop width");
  const { email } = await newColleague("sales");

  await page.goto(cmsUrl("/admin/forgot"));
  await untilHydrated(page.getByLabel("电子邮件"));
  await page.getByLabel("电子邮件").fill(email);
  await page.getByRole("button", { name: "提交" }).click();
  const [mail] = await emailsMatching((sent) => sent.to.includes(email), 1);
  const link = /https?:\/\/\S+\/admin\/reset\/[\w-]+/.exec(mail?.text ?? "")?.[0];
  expect(link).toBeTruthy();

  await page.goto(link ?? "");
  await page.getByRole("textbox", { name: "新的密码" }).fill("second-password-2026");
  await page.getByRole("textbox", { name: "确认密码" }).fill("second-password-2026");
  await page.getByRole("button", { name: "重置密码" }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  const again = await fetch(cmsUrl("/api/users/login"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: "second-password-2026" }),
  });
  expect(again.status).toBe(200);
});
