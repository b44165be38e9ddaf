/**
 * Sending a backlog: by priority, in batches of up to 100 per Resend request, new-lead alerts
 * combined into digests, each email delivered exactly once — through a lost answer, a crash
 * between fixing a batch and sending it, and a 429 — on a real SQLite database and the local
 * stand-in for Resend's API (its rate limit included). Jobs are run one at a time, as a tick does.
 */
import type { Payload, RequiredDataFromCollectionSlug, Where } from "payload";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Outbox } from "../payload-types.ts";
import { seed } from "../seed/index.ts";
import { startFakeResend, type TFakeResend } from "../testing/fakeResend.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { fixBatch } from "./batch.ts";
import { DIGEST_MAX_LEADS } from "./digest.ts";

const SALES_INBOX = "sales-inbox@agency.test";
const CMS_URL = "http://cms.test";
let fake: TFakeResend;
let t: TTestPayload;
let payload: Payload;

beforeAll(async () => {
  fake = await startFakeResend();
  t = await createTestPayload({
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    SALES_INBOX,
    CMS_URL,
    EMAIL_RETRY_DELAY_MS: "20",
    EMAIL_SEND_TIMEOUT_MS: "1000",
    // One job, one batch: each run below is one job's own batch; a job going on with the next
    // ones (drainBacklog.ts) is drain.test.ts's.
    EMAIL_DRAIN_MS: "0",
  });
  payload = t.payload;
  await seed(payload, t.env);
});

afterAll(async () => {
  await t?.close();
  await fake?.close();
});

/** Each test starts from an empty outbox, with no send job left. */
beforeEach(async () => {
  await payload.delete({ collection: "outbox", where: { id: { exists: true } } });
  await payload.delete({ collection: "payload-jobs", where: { id: { exists: true } } });
  fake.setFaults({});
});

async function outbox(where: Where = {}): Promise<Outbox[]> {
  const { docs } = await payload.find({
    collection: "outbox",
    where,
    pagination: false,
    sort: "id",
    depth: 0,
  });
  return docs;
}

let serial = 0;
/** Lead numbers are unique: this run's own. */
const RUN = String(Date.now()).slice(-6);

/** An email as queueEmail writes it: the outbox row and its send job. */
async function queued(data: Partial<RequiredDataFromCollectionSlug<"outbox">> = {}) {
  const token = `B${++serial}`;
  const email = await payload.create({
    collection: "outbox",
    data: {
      kind: "order_alert",
      state: "queued",
      from: t.env.EMAIL_FROM,
      to: SALES_INBOX,
      subject: `邮件 ${token}`,
      text: `正文 ${token}`,
      html: `<p>正文 ${token}</p>`,
      idempotencyKey: `beian-test-${Date.now()}-${token}`,
      attempts: 0,
      ...data,
    },
    depth: 0,
  });
  await payload.jobs.queue({ task: "sendEmail", input: { outboxId: String(email.id) } });
  return email;
}

/** A lead staff store by hand (no address: its only email is the alert to sales). */
const staffLead = (index: number, name = `客户${index}`) =>
  payload.create({
    collection: "leads",
    data: {
      reference: `L-B${RUN}-${index}`,
      name,
      phone: `1330000${String(index).padStart(4, "0")}`,
      status: "new",
    },
    depth: 0,
  });

/** One tick's worth: the oldest due job, then whatever it sent. */
const runOneJob = () => payload.jobs.run({ limit: 1, silent: true });

/** Runs jobs one at a time until no email waits (a retry waits for its backoff: keep going). */
async function drain(): Promise<void> {
  const until = Date.now() + 60_000;
  while (
    (await payload.count({ collection: "outbox", where: { state: { equals: "queued" } } }))
      .totalDocs
  ) {
    if (Date.now() > until) throw new Error("emails still queued");
    await runOneJob();
  }
}

const batchRequests = () => fake.requests.filter((request) => request.batch !== undefined);
const deliveredTo = (email: Outbox) => fake.delivered.filter((d) => d.id === email.providerId);

describe("priority", () => {
  it("a customer's confirmation and the SMS-deadline email go in the next batch, ahead of 150 internal alerts queued before them", async () => {
    for (let index = 0; index < 150; index++) await queued();
    const confirmation = await queued({ kind: "order_confirmation", to: "buyer@example.com" });
    const sms = await queued({ kind: "sms_verification", to: "buyer@example.com" });
    const before = fake.requests.length;

    // The oldest job is an internal alert's; the batch it sends takes what goes first.
    await runOneJob();
    const [request, ...more] = fake.requests.slice(before);
    expect(more).toEqual([]);
    expect(request).toMatchObject({ answered: 200, batch: 100 });
    const sent = await outbox({ state: { equals: "sent" } });
    expect(sent.map((email) => email.id)).toEqual(
      expect.arrayContaining([confirmation.id, sms.id]),
    );
    expect(sent).toHaveLength(100);
    // The rest wait, each still with its own job (the sent ones' jobs are gone).
    expect(await outbox({ state: { equals: "queued" } })).toHaveLength(52);
    expect((await payload.count({ collection: "payload-jobs" })).totalDocs).toBe(52);

    await drain();
    expect(await outbox({ state: { not_equals: "sent" } })).toEqual([]);
    const all = await outbox();
    // Each delivered once, under its batch's key, and the outbox holds that delivery's id.
    for (const email of all) {
      expect(deliveredTo(email).map((d) => d.idempotencyKey)).toEqual([email.batchKey]);
    }
    expect(fake.delivered.filter((d) => d.subject.startsWith("邮件 B"))).toHaveLength(152);
  });
});

describe("a burst of new leads", () => {
  it("sends a handful of digests listing every lead exactly once, and no alert on its own", async () => {
    const leads = [];
    // More than one digest holds, and a name that must not reach any email but the single alert.
    const count = DIGEST_MAX_LEADS + 40;
    for (let index = 0; index < count; index++) {
      leads.push(await staffLead(index, index === 7 ? "访问 http://evil.example 领奖" : undefined));
    }
    const before = fake.delivered.length;
    await drain();

    const alerts = await outbox({ kind: { equals: "lead_alert" } });
    expect(alerts).toHaveLength(count);
    expect(alerts.every((alert) => alert.state === "sent_in_digest")).toBe(true);
    const digests = await outbox({ kind: { equals: "lead_alert_digest" } });
    expect(digests.length).toBeGreaterThanOrEqual(2);
    expect(digests.length).toBeLessThanOrEqual(5);
    expect(digests.every((digest) => digest.state === "sent" && digest.to === SALES_INBOX)).toBe(
      true,
    );
    // Every alert points at a digest that lists its lead; every lead is listed exactly once.
    const delivered = fake.delivered.slice(before);
    expect(delivered).toHaveLength(digests.length);
    const text = delivered.map((email) => email.text ?? "").join("\n");
    for (const lead of leads) {
      const link = new RegExp(`${CMS_URL}/admin/collections/leads/${lead.id}(?!\\d)`, "g");
      expect(text.match(link), lead.reference).toHaveLength(1);
      expect(text.match(new RegExp(`${lead.reference}(?!\\d)`, "g"))).toHaveLength(1);
    }
    const digestIds = new Set(digests.map((digest) => digest.id));
    expect(alerts.every((alert) => digestIds.has(alert.digest as number))).toBe(true);
    // Our words and numbers only: no name or phone a submitter typed.
    expect(text).not.toContain("evil.example");
    expect(text).not.toContain("13300000007");
  });

  it("a lone new lead's alert goes out as it is", async () => {
    const lead = await staffLead(9_999, "单独");
    await drain();
    const [alert] = await outbox({ lead: { equals: lead.id } });
    expect(alert).toMatchObject({ kind: "lead_alert", state: "sent" });
    expect(await outbox({ kind: { equals: "lead_alert_digest" } })).toEqual([]);
    expect(deliveredTo(alert as Outbox)[0]?.text).toContain("单独");
  });
});

describe("a batch exactly once", () => {
  it("an answer lost after Resend took the batch: the retry sends the same batch under the same key, and nothing twice", async () => {
    const emails = [];
    for (let index = 0; index < 5; index++) emails.push(await queued());
    fake.setFaults({ timeouts: 1, acceptBeforeTimeout: true });
    await runOneJob();
    const waiting = await outbox();
    // The answer never came: each email records the attempt and keeps the batch it is in.
    expect(waiting.map((email) => [email.state, email.attempts])).toEqual(
      emails.map(() => ["queued", 1]),
    );
    const [batchKey] = new Set(waiting.map((email) => email.batchKey));
    expect(batchKey).toMatch(/^beian-batch-/);
    expect(fake.delivered.filter((d) => d.idempotencyKey === batchKey)).toHaveLength(5);

    await drain();
    const sent = await outbox();
    expect(sent.every((email) => email.state === "sent" && email.batchKey === batchKey)).toBe(true);
    const requests = fake.requests.filter((request) => request.idempotencyKey === batchKey);
    expect(requests.map((request) => request.answered)).toEqual(["timeout", 200]);
    const deliveries = fake.delivered.filter((d) => d.idempotencyKey === batchKey);
    expect(deliveries).toHaveLength(5);
    expect(sent.map((email) => email.providerId).sort()).toEqual(
      deliveries.map((d) => d.id).sort(),
    );
  });

  it("a process that died between fixing a batch and sending it: the job run again sends that batch, once", async () => {
    const emails = [];
    for (let index = 0; index < 4; index++) emails.push(await queued());
    const [first] = emails;
    if (!first) throw new Error("no email");
    // What the dying process committed: the batch's members, and only the first email's job left.
    const { members } = await fixBatch(payload, first);
    expect(members.map((member) => member.id)).toEqual(emails.map((email) => email.id));
    expect((await payload.count({ collection: "payload-jobs" })).totalDocs).toBe(1);
    // Emails queued after it are not added to it: the batch is what was fixed.
    const later = await queued();

    await drain();
    const sent = await outbox();
    expect(sent.every((email) => email.state === "sent")).toBe(true);
    const batchKey = members[0]?.batchKey;
    expect(fake.delivered.filter((d) => d.idempotencyKey === batchKey)).toHaveLength(4);
    expect(sent.find((email) => email.id === later.id)?.batchKey).toBe(later.idempotencyKey);
    expect(fake.delivered.filter((d) => d.subject === later.subject)).toHaveLength(1);
  });

  it("an address Resend refuses fails alone; the rest of its batch is sent", async () => {
    const good = await queued();
    const bad = await queued({ to: "销售部收件箱" });
    const other = await queued({ kind: "order_confirmation", to: "buyer@example.com" });
    await drain();
    expect((await outbox()).map((email) => [email.id, email.state])).toEqual([
      [good.id, "sent"],
      [bad.id, "failed"],
      [other.id, "sent"],
    ]);
    const refused = (await outbox({ id: { equals: bad.id } }))[0];
    expect(refused?.lastError).toContain("422");
    expect(fake.delivered.filter((d) => d.subject === bad.subject)).toEqual([]);
    expect(batchRequests().at(-1)).toMatchObject({ answered: 200, batch: 3 });
  });

  it("a 429: no request until its retry-after, then the same batch once more", async () => {
    for (let index = 0; index < 3; index++) await queued();
    fake.setFaults({ rateLimited: 1 });
    const before = fake.requests.length;
    await runOneJob();
    const requests = fake.requests.slice(before);
    expect(requests.map((request) => [request.answered, request.batch])).toEqual([
      [429, 3],
      [200, 3],
    ]);
    // The stand-in said "retry-after: 1": the second request came no sooner.
    const [limited, accepted] = requests;
    expect(
      new Date(accepted?.at ?? 0).getTime() - new Date(limited?.at ?? 0).getTime(),
    ).toBeGreaterThanOrEqual(1_000);
    expect(limited?.idempotencyKey).toBe(accepted?.idempotencyKey);
    expect((await outbox()).every((email) => email.state === "sent" && email.attempts === 1)).toBe(
      true,
    );
  });
});
