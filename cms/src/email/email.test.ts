/**
 * Emails end to end on a real SQLite database, real HTTP and a local server speaking Resend's API:
 * queued in the transaction that stores the lead or order, sent by the job through the `resend`
 * package, retried through 500s and timeouts, and delivered exactly once.
 */
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../devLogins.ts";
import type { Outbox } from "../payload-types.ts";
import { seed } from "../seed/index.ts";
import { startFakeResend, type TFakeResend } from "../testing/fakeResend.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { startTestServer, type TTestServer } from "../testing/server.ts";
import { reclaimStalledJobs, STALLED_AFTER_MS } from "./reclaimStalledJobs.ts";

const SITE = "http://site.test";
const SALES_INBOX = "sales-inbox@agency.test";
let fake: TFakeResend;
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;

beforeAll(async () => {
  fake = await startFakeResend();
  t = await createTestPayload({
    SITE_URL: SITE,
    TRUST_PROXY: "true",
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    SALES_INBOX,
    EMAIL_RETRY_DELAY_MS: "20",
    EMAIL_RETRY_ATTEMPTS: "8",
    EMAIL_SEND_TIMEOUT_MS: "300",
  });
  payload = t.payload;
  await seed(payload, t.env);
  server = await startTestServer(t);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
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

async function outbox(where: Record<string, unknown> = {}): Promise<Outbox[]> {
  const { docs } = await payload.find({
    collection: "outbox",
    where: where as never,
    pagination: false,
    sort: "createdAt",
    depth: 0,
  });
  return docs;
}

/** Runs due jobs until no email waits to be sent (retries wait for their backoff, so keep going). */
async function drainJobs(timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await payload.jobs.run({ limit: 50, silent: true });
    if ((await outbox({ state: { equals: "queued" } })).length === 0) return;
    if (Date.now() > until) throw new Error("emails still queued after the time allowed");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The jobs that send one outbox email, newest first. */
async function jobsFor(outboxId: number | string | undefined) {
  const { docs } = await payload.find({
    collection: "payload-jobs",
    where: { "input.outboxId": { equals: String(outboxId) } },
    sort: "-createdAt",
  });
  return docs;
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
    const { createLocalReq, initTransaction, killTransaction } = await import("payload");
    const req = await createLocalReq({}, payload);
    await initTransaction(req);
    await payload.create({
      collection: "leads",
      data: {
        reference: "L-ROLLBACK",
        name: "回滚",
        phone: "13500135000",
        email: "rollback@example.com",
      } as never,
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
    expect(confirmation?.html).toContain("杭州&lt;某&gt;科技有限公司");
    expect(confirmation?.text).toContain(`${SITE}/track/?order=${orderNo}`);
  });

  it("emails each stage change; SMS verification comes with a reminder before its deadline", async () => {
    const { orderNo } = (await (await post("orders", order())).json()) as { orderNo: string };
    const doc = await orderByNo(orderNo);
    for (const stage of ["preliminary_review", "platform_review", "sms_verification"]) {
      await payload.update({ collection: "orders", id: doc.id, data: { status: stage } as never });
    }
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
    expect(reminder?.state).toBe("scheduled");
    const deadline = new Date(moved.stageDeadline as string).getTime();
    expect(new Date(reminder?.sendAfter as string).getTime()).toBe(deadline - 4 * 3600_000);
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
    const [job] = await jobsFor(reminder?.id);
    expect(new Date(job?.waitUntil as string).getTime()).toBe(deadline - 4 * 3600_000);
    await payload.jobs.runByID({ id: job?.id as number, silent: true });
    expect((await outbox({ id: { equals: reminder?.id } }))[0]?.state).toBe("sent");
  });

  it("skips the deadline reminder once the order has left SMS verification", async () => {
    const { orderNo } = (await (await post("orders", order())).json()) as { orderNo: string };
    const doc = await orderByNo(orderNo);
    for (const stage of [
      "preliminary_review",
      "platform_review",
      "sms_verification",
      "bureau_review",
    ]) {
      await payload.update({ collection: "orders", id: doc.id, data: { status: stage } as never });
    }
    const [reminder] = await outbox({
      and: [{ order: { equals: doc.id } }, { kind: { equals: "sms_deadline_reminder" } }],
    });
    const [job] = await jobsFor(reminder?.id);
    await payload.jobs.runByID({ id: job?.id as number, silent: true });
    const [skipped] = await outbox({ id: { equals: reminder?.id } });
    expect(skipped?.state).toBe("skipped");
    expect(fake.delivered.some((email) => email.idempotencyKey === reminder?.idempotencyKey)).toBe(
      false,
    );
  });

  it("a customer without email gets no mail; sales still get the alert", async () => {
    const { orderNo } = (await (
      await post("orders", order({ contact: { name: "赵", phone: "13100131000" } }))
    ).json()) as { orderNo: string };
    const doc = await orderByNo(orderNo);
    await payload.update({
      collection: "orders",
      id: doc.id,
      data: { status: "preliminary_review" } as never,
    });
    const emails = await outbox({ order: { equals: doc.id } });
    expect(emails.map((email) => email.kind)).toEqual(["order_alert"]);
  });
});

describe("when Resend fails", () => {
  it("keeps accepting leads and orders, retries with backoff, and delivers every email exactly once", async () => {
    await drainJobs();
    const startedAt = new Date().toISOString();
    // Two 500s, then two requests that hang past the timeout although Resend took the message
    // (the answer is lost on the way back): the worst case for sending twice.
    fake.setFaults({ status500: 2, timeouts: 2, acceptBeforeTimeout: true });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      statuses.push((await post("leads", lead({ phone: `1380000000${index}` }))).status);
      statuses.push((await post("orders", order())).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);

    await drainJobs(30_000);
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

  it("a revoked key is retried with backoff, and the email goes out once the key works again", async () => {
    await drainJobs();
    fake.setFaults({ rejectKey: 3 });
    const created = await payload.create({
      collection: "leads",
      data: { reference: "L-BADKEY", name: "钱", phone: "13300133000" } as never,
    });
    const [queued] = await outbox({ lead: { equals: created.id } });
    const job = async () => (await jobsFor(queued?.id))[0];
    // Run the jobs until the fake has refused the key three times (each retry after its backoff).
    const until = Date.now() + 10_000;
    while (fake.requests.filter((r) => r.idempotencyKey === queued?.idempotencyKey).length < 3) {
      if (Date.now() > until) throw new Error("no retries");
      await payload.jobs.run({ silent: true });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [retrying] = await outbox({ id: { equals: queued?.id } });
    expect(retrying?.state).toBe("queued");
    expect(retrying?.attempts).toBe(3);
    expect(retrying?.lastError).toContain("403");
    expect((await job())?.totalTried).toBe(3);

    // The key works again: the next attempt sends it.
    await drainJobs();
    const [sent] = await outbox({ id: { equals: queued?.id } });
    expect(sent?.state).toBe("sent");
    expect(sent?.attempts).toBe(4);
  });

  it("gives up after EMAIL_RETRY_ATTEMPTS retries; an admin can send a failed email again", async () => {
    await drainJobs();
    fake.setFaults({ status500: 9 });
    const created = await payload.create({
      collection: "leads",
      data: { reference: "L-GIVEUP", name: "孙", phone: "13300133001" } as never,
    });
    const [queued] = await outbox({ lead: { equals: created.id } });
    const until = Date.now() + 20_000;
    let email: Outbox | undefined = queued;
    while (email?.state !== "failed") {
      if (Date.now() > until) throw new Error(`still ${email?.state}`);
      await payload.jobs.run({ silent: true });
      [email] = await outbox({ id: { equals: queued?.id } });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(email.attempts).toBe(9);
    expect(email.lastError).toContain("500");

    const [admin] = (
      await payload.find({ collection: "users", where: { role: { equals: "admin" } } })
    ).docs;
    const requeued = await payload.update({
      collection: "outbox",
      id: email.id,
      data: { state: "queued" },
      overrideAccess: false,
      user: { ...admin, collection: "users" } as never,
    });
    expect(requeued.state).toBe("queued");
    expect(requeued.attempts).toBe(0);
    await drainJobs();
    const [resent] = await outbox({ id: { equals: queued?.id } });
    expect(resent?.state).toBe("sent");
    expect(fake.delivered.filter((d) => d.idempotencyKey === queued?.idempotencyKey)).toHaveLength(
      1,
    );
  });

  it("an admin cannot requeue an email that was sent or skipped, nor set any other state", async () => {
    const [admin] = (
      await payload.find({ collection: "users", where: { role: { equals: "admin" } } })
    ).docs;
    const [sent] = await outbox({ state: { equals: "sent" } });
    const [skipped] = await outbox({ state: { equals: "skipped" } });
    expect(sent && skipped).toBeTruthy();
    for (const [email, state] of [
      [sent, "queued"],
      [skipped, "queued"],
      [sent, "failed"],
    ] as const) {
      await expect(
        payload.update({
          collection: "outbox",
          id: email?.id as number,
          data: { state },
          overrideAccess: false,
          user: { ...admin, collection: "users" } as never,
        }),
      ).rejects.toThrow(/state/);
    }
  });
});

describe("Payload's own emails", () => {
  it("a forgotten password's email goes through the outbox and Resend, with a text part", async () => {
    await payload.forgotPassword({ collection: "users", data: { email: "sales@example.com" } });
    let email: Outbox | undefined;
    const until = Date.now() + 10_000;
    while (!email) {
      if (Date.now() > until) throw new Error("the reset email was not queued");
      await new Promise((resolve) => setTimeout(resolve, 20));
      [email] = await outbox({ kind: { equals: "account" } });
    }
    expect(email.to).toBe("sales@example.com");
    expect(email.from).toBe(t.env.EMAIL_FROM);
    await drainJobs();
    const [delivered] = fake.delivered.filter((d) => d.idempotencyKey === email.idempotencyKey);
    expect(delivered?.to).toEqual(["sales@example.com"]);
    expect(delivered?.html).toMatch(/\/admin\/reset\/[\w-]+/);
    expect(delivered?.text).toMatch(/\/admin\/reset\/[\w-]+/);
    expect(delivered?.text).not.toContain("<");

    // Asking again at once is refused (429) before anything is written: the first link still works.
    await expect(
      payload.forgotPassword({ collection: "users", data: { email: "sales@example.com" } }),
    ).rejects.toMatchObject({ status: 429 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await outbox({ kind: { equals: "account" } })).toHaveLength(1);
    const token = /\/admin\/reset\/([\w-]+)/.exec(delivered?.text ?? "")?.[1] ?? "";
    const reset = await payload.resetPassword({
      collection: "users",
      data: { token, password: DEV_LOGINS.sales.password },
      overrideAccess: true,
    });
    expect(reset.user).toMatchObject({ email: "sales@example.com" });
  });
});

describe("a job left processing by a process that died", () => {
  it("is released when a job runner starts, and then sends its email", async () => {
    fake.setFaults({});
    const created = await payload.create({
      collection: "leads",
      data: { reference: "L-STALL", name: "冯", phone: "13300133002" } as never,
    });
    const [email] = await outbox({ lead: { equals: created.id } });
    const [job] = await jobsFor(email?.id);
    const longAgo = new Date(Date.now() - STALLED_AFTER_MS - 60_000).toISOString();
    await payload.db.updateOne({
      collection: "payload-jobs",
      id: job?.id as number,
      data: { processing: true, updatedAt: longAgo },
      req: {},
    });
    await payload.jobs.run({ silent: true });
    expect((await outbox({ id: { equals: email?.id } }))[0]?.state).toBe("queued");

    expect(await reclaimStalledJobs(payload)).toBe(1);
    await drainJobs();
    expect((await outbox({ id: { equals: email?.id } }))[0]?.state).toBe("sent");
  });
});

describe("access to the outbox", () => {
  const as = async (role: string) => {
    const { docs } = await payload.find({ collection: "users", where: { role: { equals: role } } });
    return { ...docs[0], collection: "users" } as never;
  };

  it("sales and admins read it; editors and the public do not; nobody but the system writes it", async () => {
    const total = (await payload.count({ collection: "outbox" })).totalDocs;
    const account = (
      await payload.count({ collection: "outbox", where: { kind: { equals: "account" } } })
    ).totalDocs;
    expect(account).toBeGreaterThan(0);
    const read = (user?: never) =>
      payload.find({ collection: "outbox", overrideAccess: false, ...(user ? { user } : {}) });
    // Sales read every email but account emails: a password-reset link is its account.
    const forSales = await read(await as("sales"));
    expect(forSales.totalDocs).toBe(total - account);
    expect(forSales.docs.some((email) => email.kind === "account")).toBe(false);
    expect((await read(await as("admin"))).totalDocs).toBe(total);
    await expect(read(await as("editor"))).rejects.toThrow();
    await expect(read()).rejects.toThrow();

    const anyEmail = (await outbox())[0];
    await expect(
      payload.update({
        collection: "outbox",
        id: anyEmail?.id as number,
        data: { state: "queued" },
        overrideAccess: false,
        user: await as("sales"),
      }),
    ).rejects.toThrow();
    await expect(
      payload.create({
        collection: "outbox",
        data: {
          subject: "x",
          to: "x@example.com",
          kind: "lead_alert",
          text: "x",
          html: "x",
          idempotencyKey: "k",
        } as never,
        overrideAccess: false,
        user: await as("admin"),
      }),
    ).rejects.toThrow();

    const response = await fetch(`${server.url}/api/outbox`);
    expect(response.status).toBe(403);
  });
});
