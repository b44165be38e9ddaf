/**
 * Resend down: its API answers 500, then stops answering, while prospects keep submitting. Every
 * lead and order is accepted at once; when Resend is back every email arrives exactly once.
 */
import { expect, test } from "@playwright/test";
import { delivered, emailsMatching, salesInbox, setResendFaults } from "../fixtures/emails.ts";
import { cmsUrl, siteUrl } from "../fixtures/logins.ts";

const post = (path: string, body: unknown) =>
  fetch(cmsUrl(`/api/public/${path}`), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: new URL(siteUrl()).origin },
    body: JSON.stringify({ consent: { privacy: true }, elapsedMs: 5_000, ...(body as object) }),
  });

test("a Resend outage loses nothing and sends nothing twice", async ({
  browserName: _browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one outage is enough");
  test.setTimeout(120_000);
  const run = String(Date.now()).slice(-8);
  await setResendFaults({ status500: 3, timeouts: 2, acceptBeforeTimeout: true });

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

  // 4 alerts to sales + 4 confirmations; after the outage, each exactly once.
  const ours = (email: { subject: string }) =>
    references.some((ref) => email.subject.includes(ref));
  const emails = await emailsMatching(ours, 8, 60_000);
  expect(emails.filter((email) => email.to.includes(salesInbox()))).toHaveLength(4);
  expect(new Set(emails.map((email) => email.idempotencyKey)).size).toBe(8);
  // Still exactly once a few job runs later (retries of lost answers were replays).
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect((await delivered()).filter(ours)).toHaveLength(8);
});
