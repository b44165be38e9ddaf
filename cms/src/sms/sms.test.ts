/**
 * Text messages end to end on a real SQLite database, real HTTP and a local server speaking
 * dysmsapi's SendSms (testing/fakeSms.ts, which checks the SDK's signed request): queued in the
 * transaction that moves the order (and rolled back with it), sent through the official SDK,
 * flow control retried later, refused messages failed at once, an outage survived with each
 * message delivered exactly once, a run that died mid-send never sending twice, sign-in codes
 * for admins' eyes only, and the customer's email beside the text unless they turned email off.
 */
import {
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type Where,
} from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Outbox } from "../payload-types.ts";
import { acceptRequiredDocuments } from "../testing/documents.ts";
import { startFakeSms, type TFakeSms } from "../testing/fakeSms.ts";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";
import { queueLoginCode } from "./outbox.ts";
import { UNKNOWN_OUTCOME } from "./sendSmsTask.ts";

const SITE = "http://site.test";
let fake: TFakeSms;
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let tokens: Record<string, string>;

const TEMPLATES = {
  stageChange: { code: "SMS_100001" },
  rejected: { code: "SMS_100002" },
  smsVerification: { code: "SMS_100003" },
  filed: { code: "SMS_100004" },
};

beforeAll(async () => {
  fake = await startFakeSms();
  ({ t, server, close } = await startSeededServer({
    SITE_URL: SITE,
    TRUST_PROXY: "true",
    ...fake.env,
    SMS_TEMPLATE_LOGIN: "SMS_900001",
    SMS_RETRY_DELAY_MS: "20",
    SMS_RETRY_ATTEMPTS: "8",
    SMS_SEND_TIMEOUT_MS: "2000",
  }));
  payload = t.payload;
  tokens = await server.staffTokens();
  await payload.updateGlobal({ slug: "sms-templates", data: TEMPLATES });
});

afterAll(async () => {
  await close?.();
  await fake?.close();
});

let serial = 0;
/** A phone of each test's own, so the stand-in's faults (matched by phone) meet only that test. */
const newPhone = () => `1390000${String(1000 + ++serial).slice(-4)}`;

/** An order as the widget sends it: the contact typed a name and a note we must never echo. */
async function newOrder(phone: string, email: string | null = `c${serial}@example.com`) {
  const contact = { name: "张<三>", phone, ...(email ? { email } : {}) };
  return server.submit("orders", {
    filingType: "enterprise",
    contact,
    entity: { name: "访问 http://evil.example 领奖", province: "guangdong" },
    note: "请回电 http://evil.example",
    consent: { privacy: true },
    elapsedMs: 8_000,
  });
}

/** A stage action as the order's sidebar sends it (POST /api/orders/:id/move), by sales. */
async function move(id: number, body: Record<string, unknown>) {
  // Sales accept the documents before the order leaves 初步审核 (materials/gate.ts).
  if (body.to === "platform_review") await acceptRequiredDocuments(payload, t.env, id);
  const response = await fetch(`${server.url}/api/orders/${id}/move`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens.sales}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function outbox(where: Where): Promise<Outbox[]> {
  const { docs } = await payload.find({
    collection: "outbox",
    where,
    pagination: false,
    sort: "id",
    depth: 0,
  });
  return docs;
}

const textsTo = (phone: string) =>
  outbox({ and: [{ channel: { equals: "sms" } }, { to: { equals: phone } }] });

/** Polls until `probe` gives a value (a condition, never a fixed wait). */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs due jobs until none of these messages waits to be sent (retries wait for their backoff). */
async function drain(phone: string): Promise<Outbox[]> {
  return waitFor(async () => {
    await payload.jobs.run({ limit: 50, silent: true });
    const texts = await textsTo(phone);
    return texts.every((sms) => !["queued", "sending"].includes(sms.state)) ? texts : undefined;
  }, `the messages to ${phone} to be settled`);
}

/** Runs the newest send job of one message now, whatever its backoff says. */
async function runJobOf(sms: Outbox) {
  const { docs } = await payload.find({
    collection: "payload-jobs",
    where: { "input.outboxId": { equals: String(sms.id) } },
    sort: "-createdAt",
    limit: 1,
  });
  const job = docs[0];
  if (!job) throw new Error(`no job for message ${sms.id}`);
  await payload.jobs.runByID({ id: job.id, silent: true });
  return (await payload.find({ collection: "payload-jobs", where: { id: { equals: job.id } } }))
    .docs[0];
}

const delivered = (phone: string) => fake.delivered.filter((sms) => sms.phone === phone);
const requested = (phone: string) => fake.requests.filter((request) => request.phone === phone);
const byId = async (id: number) => (await outbox({ id: { equals: id } }))[0];

describe("a stage change", () => {
  it("queues the customer's text message in its own transaction, and is rolled back with it", async () => {
    const phone = newPhone();
    const order = await newOrder(phone);

    const req = await createLocalReq({}, payload);
    await initTransaction(req);
    await payload.update({
      collection: "orders",
      id: order.id,
      data: { status: "preliminary_review" },
      req,
    });
    expect(await textsTo(phone)).toHaveLength(0); // not visible outside the transaction
    await killTransaction(req);
    expect(await textsTo(phone)).toHaveLength(0);
    const kept = await payload.findByID({ collection: "orders", id: order.id, depth: 0 });
    expect(kept.status).toBe("submitted");

    await move(order.id, { to: "preliminary_review" });
    const [sms] = await textsTo(phone);
    expect(sms).toMatchObject({
      channel: "sms",
      kind: "sms_stage_change",
      state: "queued",
      phone,
      templateCode: "SMS_100001",
      order: order.id,
    });
    expect(JSON.parse(sms?.templateParam ?? "")).toEqual({
      orderNo: order.orderNo,
      stage: "初步审核",
    });
    // Our words, the order number and the customer center; nothing the stranger typed.
    expect(sms?.smsText).toContain(order.orderNo);
    expect(sms?.smsText).toContain(`${SITE}/my/`);
    for (const typed of ["张", "evil.example", "回电"]) expect(sms?.smsText).not.toContain(typed);
  });

  it("goes out through SendSms as the SDK sends it: signature, template, parameters; BizId kept", async () => {
    const phone = newPhone();
    const order = await newOrder(phone);
    await move(order.id, { to: "preliminary_review" });
    const [sms] = await drain(phone);
    const [got] = delivered(phone);
    expect(got).toMatchObject({
      signName: fake.signName,
      templateCode: "SMS_100001",
      params: { orderNo: order.orderNo, stage: "初步审核" },
    });
    expect(sms).toMatchObject({ state: "sent", attempts: 1, providerId: got?.bizId });
    expect(delivered(phone)).toHaveLength(1);
  });

  it("texts each notification with its own template: SMS verification, rejection, 备案成功", async () => {
    const phone = newPhone();
    const order = await newOrder(phone);
    for (const to of ["preliminary_review", "platform_review", "sms_verification"]) {
      await move(order.id, { to });
    }
    await move(order.id, { to: "bureau_review" });
    await move(order.id, { to: "filed", icpNumber: "粤ICP备2026012345号-1" });
    const otherPhone = newPhone();
    const other = await newOrder(otherPhone);
    await move(other.id, {
      to: "rejected",
      rejection: [{ field: "entity_documents", reason: "documents_invalid" }],
    });

    const texts = await textsTo(phone);
    expect(texts.map((sms) => sms.kind)).toEqual([
      "sms_stage_change",
      "sms_stage_change",
      "sms_verification_notice",
      "sms_stage_change",
      "sms_filed",
    ]);
    const verification = texts[2];
    expect(verification?.templateCode).toBe("SMS_100003");
    const { deadline } = JSON.parse(verification?.templateParam ?? "{}") as { deadline: string };
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/); // China time, as staff read it
    expect(verification?.smsText).toContain("24小时内");
    const filed = texts[4];
    expect(JSON.parse(filed?.templateParam ?? "{}")).toEqual({
      orderNo: order.orderNo,
      icpNumber: "粤ICP备2026012345号-1",
    });
    expect(filed?.smsText).toContain("粤ICP备2026012345号-1");
    const [filedEmail] = await outbox({
      and: [{ order: { equals: order.id } }, { subject: { contains: "备案成功" } }],
    });
    expect(filedEmail?.text).toContain("ICP备案号:粤ICP备2026012345号-1");
    const [rejected] = await textsTo(otherPhone);
    expect(rejected).toMatchObject({ kind: "sms_rejected", templateCode: "SMS_100002" });

    await drain(phone);
    expect(delivered(phone).map((sms) => sms.templateCode)).toEqual([
      "SMS_100001",
      "SMS_100001",
      "SMS_100003",
      "SMS_100001",
      "SMS_100004",
    ]);
  });
});

describe("the customer's email beside the text", () => {
  it("goes with the text, carries the /my/ link, and stops when email is turned off", async () => {
    const phone = newPhone();
    const email = `notify-${serial}@example.com`;
    const order = await newOrder(phone, email);
    await move(order.id, { to: "preliminary_review" });
    const emailsTo = () =>
      outbox({ and: [{ to: { equals: email } }, { kind: { equals: "stage_change" } }] });
    const [first] = await emailsTo();
    expect(first?.text).toContain(`${SITE}/my/`);

    await payload.update({ collection: "orders", id: order.id, data: { notifyByEmail: false } });
    await move(order.id, { to: "platform_review" });
    expect(await emailsTo()).toHaveLength(1);
    // The text message is time-critical: it goes whatever the email setting.
    expect((await textsTo(phone)).map((sms) => sms.kind)).toEqual([
      "sms_stage_change",
      "sms_stage_change",
    ]);
  });
});

describe("when the SMS service says no", () => {
  it("flow control (isv.BUSINESS_LIMIT_CONTROL) is retried later, with backoff, and sent once", async () => {
    const phone = newPhone();
    const order = await newOrder(phone);
    fake.setFaults({ code: "isv.BUSINESS_LIMIT_CONTROL", times: 2, match: phone });
    await move(order.id, { to: "preliminary_review" });
    const [queued] = await textsTo(phone);
    if (!queued) throw new Error("no message queued");

    const job = await runJobOf(queued);
    const after = await byId(queued.id);
    expect(after).toMatchObject({ state: "queued", attempts: 1 });
    expect(after?.lastError).toContain("流控");
    // Payload holds the next attempt back (exponential backoff from SMS_RETRY_DELAY_MS).
    expect(new Date(job?.waitUntil ?? 0).getTime()).toBeGreaterThan(
      new Date(after?.lastAttemptAt ?? 0).getTime(),
    );

    const [sms] = await drain(phone);
    expect(sms).toMatchObject({ state: "sent", attempts: 3 });
    expect(requested(phone).map((request) => request.answered)).toEqual([
      "isv.BUSINESS_LIMIT_CONTROL",
      "isv.BUSINESS_LIMIT_CONTROL",
      "OK",
    ]);
    expect(delivered(phone)).toHaveLength(1);
  });

  it("a permanent refusal (isv.MOBILE_NUMBER_ILLEGAL) fails at once, in Chinese, for sales to see", async () => {
    const phone = newPhone();
    const order = await newOrder(phone);
    fake.setFaults({ code: "isv.MOBILE_NUMBER_ILLEGAL", times: 1, match: phone });
    await move(order.id, { to: "preliminary_review" });
    const [sms] = await drain(phone);
    expect(sms).toMatchObject({ state: "failed", attempts: 1 });
    expect(sms?.lastError).toBe("手机号码格式不正确,无法发送");
    await payload.jobs.run({ limit: 50, silent: true });
    expect(requested(phone)).toHaveLength(1); // never tried again
    expect(delivered(phone)).toHaveLength(0);

    // Sales read it beside the emails; the sign-in codes of customers are not theirs to read.
    const response = await fetch(`${server.url}/api/outbox?where[to][equals]=${phone}&depth=0`, {
      headers: { Authorization: `JWT ${tokens.sales}` },
    });
    const { docs } = (await response.json()) as { docs: Outbox[] };
    expect(docs.map((doc) => doc.state)).toEqual(["failed"]);
  });

  it("an outage (503s, then dropped connections) is waited out: each message delivered exactly once", async () => {
    const phones = [newPhone(), newPhone(), newPhone()];
    const orders = await Promise.all(phones.map((phone) => newOrder(phone)));
    fake.setFaults({ outage: "503" });
    for (const order of orders) await move(order.id, { to: "preliminary_review" });
    await payload.jobs.run({ limit: 50, silent: true });
    fake.setFaults({ outage: "drop" });
    await waitFor(async () => {
      await payload.jobs.run({ limit: 50, silent: true });
      return phones.every((phone) => requested(phone).some((r) => r.answered === "dropped"))
        ? true
        : undefined;
    }, "every message to meet a dropped connection");
    for (const phone of phones) {
      const [sms] = await textsTo(phone);
      expect(sms?.state).toBe("queued");
      expect(sms?.lastError).toBe("连接短信服务失败或无应答,稍后自动重试");
    }

    fake.setFaults({});
    for (const phone of phones) {
      const [sms] = await drain(phone);
      expect(sms?.state).toBe("sent");
      expect(sms?.attempts).toBeGreaterThanOrEqual(3);
      expect(requested(phone).map((r) => r.answered)).toEqual(
        expect.arrayContaining(["ServiceUnavailable", "dropped", "OK"]),
      );
      expect(delivered(phone)).toHaveLength(1);
    }
  });

  it("a message a dead run left mid-send is not sent again (at most once), and sales may resend it", async () => {
    const phone = newPhone();
    const order = await newOrder(phone);
    await move(order.id, { to: "preliminary_review" });
    const [queued] = await textsTo(phone);
    if (!queued) throw new Error("no message queued");
    // What a process killed between its claim and the answer leaves behind.
    await payload.update({ collection: "outbox", id: queued.id, data: { state: "sending" } });

    await runJobOf(queued);
    const left = await byId(queued.id);
    expect(left).toMatchObject({ state: "failed", lastError: UNKNOWN_OUTCOME });
    expect(requested(phone)).toHaveLength(0);

    const admin = await payload.find({ collection: "users", where: { role: { equals: "admin" } } });
    await payload.update({
      collection: "outbox",
      id: queued.id,
      data: { state: "queued" },
      overrideAccess: false,
      user: { ...admin.docs[0], collection: "users" } as never,
    });
    const [sms] = await drain(phone);
    expect(sms?.state).toBe("sent");
    expect(delivered(phone)).toHaveLength(1);
  });

  it("a notification whose template is not set yet waits in the outbox, and goes once it is", async () => {
    await payload.updateGlobal({ slug: "sms-templates", data: { stageChange: { code: "" } } });
    const phone = newPhone();
    const order = await newOrder(phone);
    await move(order.id, { to: "preliminary_review" });
    const [sms] = await drain(phone);
    expect(sms).toMatchObject({ state: "not_sent_no_template", templateCode: null });
    expect(requested(phone)).toHaveLength(0);

    await payload.updateGlobal({ slug: "sms-templates", data: TEMPLATES });
    await payload.update({
      collection: "outbox",
      id: sms?.id ?? 0,
      data: { state: "queued" },
      user: (await payload.find({ collection: "users", where: { role: { equals: "admin" } } }))
        .docs[0],
    });
    const [sent] = await drain(phone);
    expect(sent).toMatchObject({ state: "sent", templateCode: "SMS_100001" });
  });
});

describe("the sign-in code (queueLoginCode, for the sign-in slice)", () => {
  it("goes with SMS_TEMPLATE_LOGIN, is read by admins only, and its code is masked once sent", async () => {
    const phone = newPhone();
    const req = await createLocalReq({}, payload);
    await queueLoginCode(req, phone, "246810");
    const [sms] = await drain(phone);
    expect(delivered(phone)[0]).toMatchObject({
      templateCode: "SMS_900001",
      params: { code: "246810" },
    });
    expect(sms).toMatchObject({ kind: "sms_login_code", state: "sent" });
    expect(sms?.smsText).not.toContain("246810");
    expect(sms?.templateParam).not.toContain("246810");

    const asRole = async (role: "sales" | "admin") => {
      const response = await fetch(`${server.url}/api/outbox?where[to][equals]=${phone}`, {
        headers: { Authorization: `JWT ${tokens[role]}` },
      });
      return ((await response.json()) as { docs: Outbox[] }).docs.length;
    };
    expect(await asRole("sales")).toBe(0);
    expect(await asRole("admin")).toBe(1);
  });
});
