/**
 * Emails end to end on a real SQLite database, real HTTP and a local server speaking Resend's API
 * (with its rate limit): queued in the transaction that stores the lead or order, sent by the job
 * through the `resend` package at Resend's pace, retried through 500s, timeouts and 429s with
 * doubling backoff, refused messages failed at once, and every email delivered exactly once.
 */
import {
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type RequiredDataFromCollectionSlug,
  type Where,
} from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../devLogins.ts";
import type { Outbox, User } from "../payload-types.ts";
import { acceptRequiredDocuments } from "../testing/documents.ts";
import { startFakeResend, type TFakeResend } from "../testing/fakeResend.ts";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

const SITE = "http://site.test";
const SALES_INBOX = "sales-inbox@agency.test";
const RETRY_DELAY_MS = 20;
const RETRY_ATTEMPTS = 8;
let fake: TFakeResend;
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  fake = await startFakeResend();
  ({ t, server, close } = await startSeededServer({
    SITE_URL: SITE,
    TRUST_PROXY: "true",
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    SALES_INBOX,
    EMAIL_RETRY_DELAY_MS: String(RETRY_DELAY_MS),
    EMAIL_RETRY_ATTEMPTS: String(RETRY_ATTEMPTS),
    // Short enough for the timeout tests, long enough that a busy machine's slow answer is not one.
    EMAIL_SEND_TIMEOUT_MS: "1000",
  }));
  payload = t.payload;
});

afterAll(async () => {
  await close?.();
  await fake?.close();
});

const post = (path: string, body: unknown) => server.postPublic(path, body);

const lead = (extra: Record<string, unknown> = {}) => ({
  name: "王<b>小明</b>",
  phone: "13800138000",
  email: "wang@example.com",
  message: '<script>alert("x")</script> & 备案',
  consent: { privacy: true },
  elapsedMs: 8_000,
  ...extra,
});

const order = (extra: Record<string, unknown> = {}) => ({
  filingType: "enterprise",
  contact: { name: "李经理", phone: "13700137000", email: "li@example.com" },
  entity: { name: "杭州<某>科技有限公司", province: "zhejiang" },
  consent: { privacy: true },
  elapsedMs: 8_000,
  ...extra,
});

/** The outbox's emails (an order's text messages are src/sms/'s). */
async function outbox(where: Where = {}): Promise<Outbox[]> {
  const { docs } = await payload.find({
    collection: "outbox",
    where: { and: [where, { channel: { equals: "email" } }] },
    pagination: false,
    sort: "createdAt",
    depth: 0,
  });
  return docs;
}

const emailById = async (id: number) => (await outbox({ id: { equals: id } }))[0];

/** Polls until `probe` gives a value (a condition, never a fixed wait). */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs due jobs until no email waits to be sent (retries wait for their backoff, so keep going). */
async function drainJobs(timeoutMs = 30_000): Promise<void> {
  await waitFor(
    async () => {
      await payload.jobs.run({ limit: 50, silent: true });
      return (await outbox({ state: { equals: "queued" } })).length === 0 || undefined;
    },
    "queued emails to be sent",
    timeoutMs,
  );
}

/** The jobs that send one outbox email, newest first. */
async function jobsFor(outboxId: number) {
  const { docs } = await payload.find({
    collection: "payload-jobs",
    where: { "input.outboxId": { equals: String(outboxId) } },
    sort: "-createdAt",
  });
  return docs;
}

/** Runs the newest job of an email now, whatever its backoff says. */
async function runJobOf(outboxId: number) {
  const [job] = await jobsFor(outboxId);
  if (!job) throw new Error(`no job for email ${outboxId}`);
  await payload.jobs.runByID({ id: job.id, silent: true });
  return (await jobsFor(outboxId))[0];
}

async function orderByNo(orderNo: string) {
  const { docs } = await payload.find({
    collection: "orders",
    where: { orderNo: { equals: orderNo } },
    limit: 1,
    depth: 0,
  });
  const doc = docs[0];
  if (!doc) throw new Error(`no order ${orderNo}`);
  return doc;
}

async function moveOrder(id: number, stages: RequiredDataFromCollectionSlug<"orders">["status"][]) {
  for (const status of stages) {
    // Sales accept the documents before the order leaves 初步审核 (materials/gate.ts).
    if (status === "platform_review") await acceptRequiredDocuments(payload, t.env, id);
    await payload.update({ collection: "orders", id, data: { status } });
  }
}

/** A lead stored by staff (no confirmation: no address), and its alert to sales. */
async function staffLead(reference: string, phone: string) {
  const created = await payload.create({
    collection: "leads",
    data: { reference, name: "钱", phone, status: "new" },
  });
  const [alert] = await outbox({ lead: { equals: created.id } });
  if (!alert) throw new Error(`no alert for ${reference}`);
  return alert;
}

let serial = 0;

/** An email as the system writes it into the outbox; `queued` ones with their job, as queueEmail does. */
async function systemEmail(data: Partial<RequiredDataFromCollectionSlug<"outbox">> = {}) {
  const token = `T${Date.now()}-${++serial}`;
  const email = await payload.create({
    collection: "outbox",
    data: {
      kind: "lead_alert",
      state: "queued",
      from: t.env.EMAIL_FROM,
      to: SALES_INBOX,
      subject: `测试邮件 ${token}`,
      text: `测试 ${token}`,
      html: `<p>测试 ${token}</p>`,
      idempotencyKey: `beian-test-${token}`,
      attempts: 0,
      ...data,
    },
  });
  if (email.state === "queued") {
    await payload.jobs.queue({ task: "sendEmail", input: { outboxId: String(email.id) } });
  }
  return email;
}

async function userWithRole(role: User["role"]) {
  const { docs } = await payload.find({ collection: "users", where: { role: { equals: role } } });
  if (!docs[0]) throw new Error(`no ${role} in the seed`);
  return { ...docs[0], collection: "users" as const };
}

const requestsFor = (key: string) =>
  fake.requests.filter((request) => request.idempotencyKey === key);
const deliveriesOf = (key: string) =>
  fake.delivered.filter((email) => email.idempotencyKey === key);

describe("a new lead", () => {
  it("queues an alert to sales and a confirmation to the prospect, escaped, with a text part", async () => {
    const response = await post("leads", lead());
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const { docs } = await payload.find({
      collection: "leads",
      where: { reference: { equals: reference } },
      depth: 0,
    });
    const emails = await outbox({ lead: { equals: docs[0]?.id } });
    expect(emails.map((email) => [email.kind, email.to, email.state])).toEqual([
      ["lead_alert", SALES_INBOX, "queued"],
      ["lead_confirmation", "wang@example.com", "queued"],
    ]);
    const [alert] = emails;
    expect(alert?.replyTo).toBe("wang@example.com");
    expect(alert?.subject).toContain(reference);
    expect(alert?.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 备案");
    expect(alert?.html).not.toContain("<script>");
    expect(alert?.html).not.toContain("<b>小明</b>");
    expect(alert?.text).toContain('<script>alert("x")</script> & 备案');

    await drainJobs();
    const sent = await outbox({ lead: { equals: docs[0]?.id } });
    expect(sent.map((email) => email.state)).toEqual(["sent", "sent"]);
    const delivered = fake.delivered.filter((email) =>
      sent.some((doc) => doc.idempotencyKey === email.idempotencyKey),
    );
    expect(delivered.map((email) => email.to)).toEqual([[SALES_INBOX], ["wang@example.com"]]);
    expect(delivered[0]?.text).toContain("13800138000");
    expect(delivered[0]?.replyTo).toEqual(["wang@example.com"]);
    expect(sent[0]?.providerId).toBe(delivered[0]?.id);
  });

  it("reads an editor's change of the hotline or a type's name in its next email, not a minute later", async () => {
    const alertOf = async (extra: Record<string, unknown>) => {
      const response = await post("leads", lead(extra));
      expect(response.status).toBe(201);
      const { reference } = (await response.json()) as { reference: string };
      const [alert] = await outbox({ subject: { contains: reference } });
      return alert?.text ?? "";
    };
    const settings = await payload.findGlobal({ slug: "site-settings", depth: 0 });
    const { docs } = await payload.find({
      collection: "filing-types",
      where: { slug: { equals: "personal" } },
      depth: 0,
    });
    const personal = docs[0];
    if (!personal) throw new Error("no personal filing type seeded");
    // Read once: what the emails say now is kept in memory.
    expect(await alertOf({ filingType: "personal" })).toContain(personal.name);
    try {
      await payload.updateGlobal({ slug: "site-settings", data: { hotline: "400-000-1234" } });
      await payload.update({
        collection: "filing-types",
        id: personal.id,
        data: { name: "个人小程序备案(新)", _status: "published" },
      });
      const text = await alertOf({ filingType: "personal" });
      expect(text).toContain("400-000-1234");
      expect(text).toContain("个人小程序备案(新)");
    } finally {
      await payload.updateGlobal({ slug: "site-settings", data: { hotline: settings.hotline } });
      await payload.update({
        collection: "filing-types",
        id: personal.id,
        data: { name: personal.name, _status: "published" },
      });
    }
  });

  it("without an email address, only sales hear of it", async () => {
    const response = await post("leads", lead({ email: "", phone: "13900139000" }));
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const emails = await outbox({ subject: { contains: reference } });
    expect(emails.map((email) => email.kind)).toEqual(["lead_alert"]);
  });

  it("rolled back with the transaction that stored it: no lead, no email, no job", async () => {
    const before = await payload.count({ collection: "outbox" });
    const jobsBefore = await payload.count({ collection: "payload-jobs" });
    const req = await createLocalReq({}, payload);
    await initTransaction(req);
    await payload.create({
      collection: "leads",
      data: {
        reference: "L-ROLLBACK",
        name: "回滚",
        phone: "13500135000",
        email: "rollback@example.com",
        status: "new",
      },
      req,
    });
    await killTransaction(req);
    expect((await payload.count({ collection: "outbox" })).totalDocs).toBe(before.totalDocs);
    expect((await payload.count({ collection: "payload-jobs" })).totalDocs).toBe(
      jobsBefore.totalDocs,
    );
  });
});

describe("an order", () => {
  it("sends the sales alert and the customer's confirmation with the checklist", async () => {
    const response = await post("orders", order());
    expect(response.status).toBe(201);
    const { orderNo, materials } = (await response.json()) as {
      orderNo: string;
      materials: string[];
    };
    const doc = await orderByNo(orderNo);
    await drainJobs();
    const emails = await outbox({ order: { equals: doc.id } });
    expect(emails.map((email) => [email.kind, email.to, email.state])).toEqual([
      ["order_alert", SALES_INBOX, "sent"],
      ["order_confirmation", "li@example.com", "sent"],
    ]);
    const confirmation = emails[1];
    expect(confirmation?.subject).toBe(`订单已提交:${orderNo}`);
    expect(materials.length).toBeGreaterThan(0);
    for (const item of materials) expect(confirmation?.text).toContain(item);
    // What the customer typed goes to our own inbox (escaped), never back to the unverified address.
    expect(emails[0]?.html).toContain("杭州&lt;某&gt;科技有限公司");
    expect(confirmation?.html).not.toContain("科技有限公司");
    expect(confirmation?.text).toContain("浙江");
    expect(confirmation?.text).toContain(`${SITE}/track/?order=${orderNo}`);
  });

  it("emails each stage change; SMS verification comes with a reminder before its deadline", async () => {
    const { orderNo } = (await (await post("orders", order())).json()) as { orderNo: string };
    const doc = await orderByNo(orderNo);
    await moveOrder(doc.id, ["preliminary_review", "platform_review", "sms_verification"]);
    const moved = await orderByNo(orderNo);
    const emails = await outbox({ order: { equals: doc.id } });
    expect(emails.map((email) => email.kind)).toEqual([
      "order_alert",
      "order_confirmation",
      "stage_change",
      "stage_change",
      "sms_verification",
      "sms_deadline_reminder",
    ]);
    const reminder = emails.at(-1);
    if (!reminder) throw new Error("no reminder");
    expect(reminder.state).toBe("scheduled");
    const deadline = new Date(moved.stageDeadline ?? "").getTime();
    expect(new Date(reminder.sendAfter ?? "").getTime()).toBe(deadline - 4 * 3600_000);
    expect(emails[4]?.text).toContain("24 小时");
    expect(emails[4]?.text).toContain("beian.miit.gov.cn");

    await drainJobs();
    const after = await outbox({ order: { equals: doc.id } });
    // The reminder waits for its time; everything else went out.
    expect(after.map((email) => email.state)).toEqual([
      "sent",
      "sent",
      "sent",
      "sent",
      "sent",
      "scheduled",
    ]);

    // When it comes due while the order still waits for the SMS check, it is sent…
    const [job] = await jobsFor(reminder.id);
    expect(new Date(job?.waitUntil ?? "").getTime()).toBe(deadline - 4 * 3600_000);
    await runJobOf(reminder.id);
    expect((await emailById(reminder.id))?.state).toBe("sent");
  });

  it("skips the deadline reminder once the order has left SMS verification", async () => {
    const { orderNo } = (await (await post("orders", order())).json()) as { orderNo: string };
    const doc = await orderByNo(orderNo);
    await moveOrder(doc.id, [
      "preliminary_review",
      "platform_review",
      "sms_verification",
      "bureau_review",
    ]);
    const [reminder] = await outbox({
      and: [{ order: { equals: doc.id } }, { kind: { equals: "sms_deadline_reminder" } }],
    });
    if (!reminder) throw new Error("no reminder");
    await runJobOf(reminder.id);
    expect((await emailById(reminder.id))?.state).toBe("skipped");
    expect(deliveriesOf(reminder.idempotencyKey)).toEqual([]);
  });

  it("a customer without email gets no mail; sales still get the alert", async () => {
    const { orderNo } = (await (
      await post("orders", order({ contact: { name: "赵", phone: "13100131000" } }))
    ).json()) as { orderNo: string };
    const doc = await orderByNo(orderNo);
    await moveOrder(doc.id, ["preliminary_review"]);
    const emails = await outbox({ order: { equals: doc.id } });
    expect(emails.map((email) => email.kind)).toEqual(["order_alert"]);
  });
});

describe("at Resend's pace", () => {
  it("however many jobs run at once, sends stay under 2 a second: each goes out at its first attempt", async () => {
    const emails: Outbox[] = [];
    for (let index = 0; index < 6; index++) emails.push(await systemEmail());
    const startedAt = Date.now();
    await drainJobs();
    // Six requests, two a second: the last two leave at least two seconds after the first two.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2_000);
    // Each went out at its first attempt: none was refused for going too fast and retried later.
    for (const email of emails) {
      expect(await emailById(email.id)).toMatchObject({ state: "sent", attempts: 1 });
      expect(requestsFor(email.idempotencyKey).at(-1)?.answered).toBe(200);
    }
  });

  it("a 429 (another sender used the second up) is waited out for its retry-after, then sent in the same attempt", async () => {
    const email = await systemEmail();
    fake.setFaults({ rateLimited: 1, match: email.subject });
    const startedAt = Date.now();
    await runJobOf(email.id);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_000);
    expect(requestsFor(email.idempotencyKey).map((request) => request.answered)).toEqual([
      429, 200,
    ]);
    expect(await emailById(email.id)).toMatchObject({ state: "sent", attempts: 1 });
  });
});

describe("when Resend fails", () => {
  it("keeps accepting leads and orders, retries with backoff, and delivers every email exactly once", async () => {
    // Nothing else waits to be sent: the outage below is for this test's emails.
    await drainJobs();
    const startedAt = new Date().toISOString();
    // Two 500s, then two requests that hang past the timeout although Resend took the message
    // (the answer is lost on the way back): the worst case for sending twice.
    fake.setFaults({ status500: 2, timeouts: 2, acceptBeforeTimeout: true });
    const statuses: number[] = [];
    // Each customer an address of their own: one mailbox gets at most 3 confirmations a day.
    for (let index = 0; index < 3; index++) {
      const email = `outage-${index}@example.com`;
      statuses.push((await post("leads", lead({ phone: `1380000000${index}`, email }))).status);
      const contact = { name: "李经理", phone: "13700137000", email: `order-${email}` };
      statuses.push((await post("orders", order({ contact }))).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);

    await drainJobs();
    const emails = await outbox({ createdAt: { greater_than_equal: startedAt } });
    expect(emails).toHaveLength(12);
    expect(emails.every((email) => email.state === "sent")).toBe(true);
    const retried = emails.filter((email) => (email.attempts ?? 0) > 1);
    expect(retried.length).toBeGreaterThan(0);

    const keys = emails.map((email) => email.idempotencyKey);
    const deliveries = fake.delivered.filter((email) => keys.includes(email.idempotencyKey ?? ""));
    expect(deliveries).toHaveLength(12);
    expect(new Set(deliveries.map((email) => email.idempotencyKey)).size).toBe(12);
    // Every attempt carried the email's key; the lost answers were replayed, not re-sent.
    const attempts = fake.requests.filter((request) => keys.includes(request.idempotencyKey ?? ""));
    expect(attempts.map((request) => request.answered)).toEqual(
      expect.arrayContaining([500, 500, "timeout", "timeout"]),
    );
    expect(attempts.length).toBeGreaterThan(12);
  });

  it("a retry while the first request is still being processed (409) is retried, and the email goes out once", async () => {
    const email = await systemEmail();
    // The first request outlasts the send timeout (1 s); Resend is still on it meanwhile.
    fake.setFaults({ slow: 1, slowMs: 3_000, match: email.subject });
    await runJobOf(email.id);
    expect(await emailById(email.id)).toMatchObject({ state: "queued", attempts: 1 });
    await runJobOf(email.id);
    const refused = await emailById(email.id);
    expect(refused).toMatchObject({ state: "queued", attempts: 2 });
    expect(refused?.lastError).toContain("409 concurrent_idempotent_requests");

    // Resend finishes the first request; the next attempt gets its answer, nothing is sent again.
    const [delivered] = await waitFor(async () => {
      const found = deliveriesOf(email.idempotencyKey);
      return found.length ? found : undefined;
    }, "Resend to finish the first request");
    await runJobOf(email.id);
    expect(await emailById(email.id)).toMatchObject({
      state: "sent",
      attempts: 3,
      providerId: delivered?.id,
    });
    expect(deliveriesOf(email.idempotencyKey)).toHaveLength(1);
  });

  it("retries wait EMAIL_RETRY_DELAY_MS, doubling after each failed attempt", async () => {
    const email = await systemEmail();
    // Resend is down for this email until the faults are cleared.
    fake.setFaults({ status500: 1_000, match: email.subject });
    for (let tried = 1; tried <= 4; tried++) {
      const job = await runJobOf(email.id);
      const failed = job?.log?.at(-1);
      expect(failed?.state).toBe("failed");
      expect(job?.totalTried).toBe(tried);
      // Payload sets the next run from the moment the attempt failed.
      const waitedMs =
        new Date(job?.waitUntil ?? "").getTime() - new Date(failed?.completedAt ?? "").getTime();
      const expectedMs = RETRY_DELAY_MS * 2 ** (tried - 1);
      expect(waitedMs).toBeGreaterThanOrEqual(expectedMs);
      expect(waitedMs).toBeLessThan(expectedMs + 5);
    }
    fake.setFaults({});
    await runJobOf(email.id);
    expect(await emailById(email.id)).toMatchObject({ state: "sent", attempts: 5 });
  });

  it.each([
    ["422: an address Resend refuses", { to: "销售部收件箱" }, "422 validation_error"],
    ["400: an idempotency key Resend refuses", { idempotencyKey: "k".repeat(300) }, "400"],
  ] as const)("%s fails at once, with no retry", async (_case, data, error) => {
    const email = await systemEmail(data);
    await runJobOf(email.id);
    const failed = await emailById(email.id);
    expect(failed).toMatchObject({ state: "failed", attempts: 1 });
    expect(failed?.lastError).toContain(error);
    // The job completed (and Payload removed it): no retry is scheduled.
    expect(await jobsFor(email.id)).toEqual([]);
    // One request was answered (a 429 from the shared rate limit is waited out and asked again).
    const answered = requestsFor(email.idempotencyKey).filter(
      (request) => request.answered !== 429,
    );
    expect(answered).toHaveLength(1);
  });

  it("a revoked key is retried, and the email goes out once the key works again", async () => {
    const queued = await staffLead("L-BADKEY", "13300133000");
    fake.setFaults({ rejectKey: 1_000, match: "L-BADKEY" });
    for (let attempt = 1; attempt <= 3; attempt++) await runJobOf(queued.id);
    const retrying = await emailById(queued.id);
    expect(retrying).toMatchObject({ state: "queued", attempts: 3 });
    expect(retrying?.lastError).toContain("403");
    expect((await jobsFor(queued.id))[0]?.totalTried).toBe(3);

    // The key works again: the next attempt sends it.
    fake.setFaults({});
    await runJobOf(queued.id);
    expect(await emailById(queued.id)).toMatchObject({ state: "sent", attempts: 4 });
  });

  it("gives up after EMAIL_RETRY_ATTEMPTS retries; an admin can send a failed email again", async () => {
    const queued = await staffLead("L-GIVEUP", "13300133001");
    fake.setFaults({ status500: 1_000, match: "L-GIVEUP" });
    for (let attempt = 1; attempt <= RETRY_ATTEMPTS + 1; attempt++) await runJobOf(queued.id);
    const failed = await emailById(queued.id);
    expect(failed).toMatchObject({ state: "failed", attempts: RETRY_ATTEMPTS + 1 });
    expect(failed?.lastError).toContain("500");

    // Resend is back; an admin sends it again.
    fake.setFaults({});
    const requeued = await payload.update({
      collection: "outbox",
      id: queued.id,
      data: { state: "queued" },
      overrideAccess: false,
      user: await userWithRole("admin"),
    });
    expect(requeued).toMatchObject({ state: "queued", attempts: 0 });
    await runJobOf(queued.id);
    expect((await emailById(queued.id))?.state).toBe("sent");
    expect(deliveriesOf(queued.idempotencyKey)).toHaveLength(1);
  });

  it("an admin cannot requeue an email that was sent or skipped, nor set any other state", async () => {
    const admin = await userWithRole("admin");
    const sent = await systemEmail({ state: "sent" });
    const skipped = await systemEmail({ state: "skipped" });
    for (const [email, state] of [
      [sent, "queued"],
      [skipped, "queued"],
      [sent, "failed"],
    ] as const) {
      await expect(
        payload.update({
          collection: "outbox",
          id: email.id,
          data: { state },
          overrideAccess: false,
          user: admin,
        }),
      ).rejects.toThrow(/状态/); // the state field, by its label
    }
  });
});

describe("Payload's own emails", () => {
  const accountEmailsTo = (to: string) =>
    outbox({ and: [{ kind: { equals: "account" } }, { to: { equals: to } }] });

  it("a forgotten password's email goes through the outbox and Resend, with a text part", async () => {
    const { email: address } = DEV_LOGINS.sales;
    await payload.forgotPassword({ collection: "users", data: { email: address } });
    const [email] = await waitFor(
      async () => ((await accountEmailsTo(address)).length ? accountEmailsTo(address) : undefined),
      "the reset email to be queued",
    );
    if (!email) throw new Error("no reset email");
    expect(email.from).toBe(t.env.EMAIL_FROM);
    await drainJobs();
    const [delivered] = deliveriesOf(email.idempotencyKey);
    expect(delivered?.to).toEqual([address]);
    expect(delivered?.html).toMatch(/\/admin\/reset\/[\w-]+/);
    expect(delivered?.text).toMatch(/\/admin\/reset\/[\w-]+/);
    expect(delivered?.text).not.toContain("<");

    // Asking again at once is refused (429) before anything is written: the first link still works.
    await expect(
      payload.forgotPassword({ collection: "users", data: { email: address } }),
    ).rejects.toMatchObject({ status: 429 });
    // A reset asked for later (another account) is queued after anything the refused one queued.
    await payload.forgotPassword({ collection: "users", data: { email: DEV_LOGINS.editor.email } });
    await waitFor(
      async () => (await accountEmailsTo(DEV_LOGINS.editor.email)).length > 0 || undefined,
      "the later reset email to be queued",
    );
    expect(await accountEmailsTo(address)).toHaveLength(1);
    const token = /\/admin\/reset\/([\w-]+)/.exec(delivered?.text ?? "")?.[1] ?? "";
    const reset = await payload.resetPassword({
      collection: "users",
      data: { token, password: DEV_LOGINS.sales.password },
      overrideAccess: true,
    });
    expect(reset.user).toMatchObject({ email: address });
  });
});

describe("a job left processing by a process that died", () => {
  it("is released by a job runner's next tick once it has stalled, and then sends its email", async () => {
    const email = await staffLead("L-STALL", "13300133002");
    const [job] = await jobsFor(email.id);
    if (!job) throw new Error("no job for the email");
    const markProcessing = (updatedAt: Date) =>
      payload.db.updateOne({
        collection: "payload-jobs",
        id: job.id,
        data: { processing: true, updatedAt: updatedAt.toISOString() },
        req: {},
      });
    // What the job cron calls before it picks jobs up, each tick.
    const tick = () => payload.config.jobs.shouldAutoRun?.(payload);
    const stalledAfterMs = t.env.JOBS_STALLED_AFTER_MS;

    // Picked up a moment ago: a live runner may still be sending it, so it is left alone.
    await markProcessing(new Date(Date.now() - stalledAfterMs / 2));
    await tick();
    await payload.jobs.run({ silent: true });
    expect((await emailById(email.id))?.state).toBe("queued");

    await markProcessing(new Date(Date.now() - stalledAfterMs - 60_000));
    expect(await tick()).toBe(true);
    await drainJobs();
    expect((await emailById(email.id))?.state).toBe("sent");
  });
});

describe("access to the outbox", () => {
  it("sales and admins read it, but only admins read account emails; editors and the public do not", async () => {
    await systemEmail({ state: "sent" });
    await systemEmail({ kind: "account", state: "sent" });
    const total = (await payload.count({ collection: "outbox" })).totalDocs;
    const account = (
      await payload.count({ collection: "outbox", where: { kind: { equals: "account" } } })
    ).totalDocs;
    const read = async (role?: User["role"]) =>
      payload.find({
        collection: "outbox",
        overrideAccess: false,
        ...(role ? { user: await userWithRole(role) } : {}),
      });
    // Sales read every email but account emails: a password-reset link is its account.
    const forSales = await read("sales");
    expect(forSales.totalDocs).toBe(total - account);
    expect(forSales.docs.some((email) => email.kind === "account")).toBe(false);
    expect((await read("admin")).totalDocs).toBe(total);
    await expect(read("editor")).rejects.toThrow();
    await expect(read()).rejects.toThrow();
    expect((await fetch(`${server.url}/api/outbox`)).status).toBe(403);
  });

  it("sales cannot requeue a failed email that an admin can", async () => {
    const failed = await systemEmail({ state: "failed" });
    const requeue = async (role: User["role"]) =>
      payload.update({
        collection: "outbox",
        id: failed.id,
        data: { state: "queued" },
        overrideAccess: false,
        user: await userWithRole(role),
      });
    // Refused by access (403), not by the state rule (400): the same change is allowed an admin.
    await expect(requeue("sales")).rejects.toMatchObject({ status: 403 });
    expect(await requeue("admin")).toMatchObject({ state: "queued" });
  });

  it("nobody creates an email by hand, not even an admin", async () => {
    await expect(
      payload.create({
        collection: "outbox",
        data: {
          subject: "x",
          to: "x@example.com",
          kind: "lead_alert",
          state: "queued",
          text: "x",
          html: "x",
          idempotencyKey: "k",
        },
        overrideAccess: false,
        user: await userWithRole("admin"),
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
