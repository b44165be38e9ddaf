/**
 * The public lead API over real HTTP (Payload's REST handler on a real SQLite database): every
 * status of CONTRACT §3, CORS, idempotency, bots, injection attempts and rate limits.
 */
import { validateLead } from "@beian/contract";
import { INVALID_EMAILS, VALID_EMAILS } from "@beian/contract/testing/email-samples";
import { createLocalReq, type Payload, ValidationError } from "payload";
import { email as payloadEmail } from "payload/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inTransaction } from "../db/transaction.ts";
import { failAdapterCreates, type TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";
import { expireKeys, forgetStoredAnswers } from "./idempotency.ts";

const SITE = "http://site.test";
const PARTNER_ORIGIN = "https://yunfan.example.com";
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  // A trusted proxy in front, so each test can speak from its own address (X-Forwarded-For).
  ({ t, server, close } = await startSeededServer({
    SITE_URL: SITE,
    TRUST_PROXY: "true",
    RATE_LIMIT_POINTS: "5",
  }));
  payload = t.payload;
});

afterAll(() => close?.());

const lead = (extra: Record<string, unknown> = {}) => ({
  name: "王小明",
  phone: "+86 138-0013-8000",
  email: "wang@example.com",
  filingType: "enterprise",
  message: "想咨询企业小程序备案",
  consent: { privacy: true },
  source: { pageUrl: `${SITE}/types/enterprise/`, utm: { source: "baidu", campaign: "winter" } },
  elapsedMs: 8_000,
  ...extra,
});

/** A fresh client address per call unless given: rate limits stay out of unrelated tests. */
const post = (body: unknown, headers: Record<string, string> = {}, raw?: string) =>
  server.postPublic("leads", body, { headers, ...(raw === undefined ? {} : { raw }) });

const leadCount = async () => (await payload.count({ collection: "leads" })).totalDocs;
const emailKinds = async (lead: number) =>
  (
    await payload.find({
      collection: "outbox",
      where: { lead: { equals: lead } },
      sort: "createdAt",
      depth: 0,
    })
  ).docs.map((email) => email.kind);

describe("GET /api/public/widget-config", () => {
  it("describes the agency's own widget, cacheable", async () => {
    const response = await fetch(`${server.url}/api/public/widget-config`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/public/);
    const body = await response.json();
    expect(body.partner).toMatchObject({
      key: "direct",
      theme: { primaryColor: expect.stringMatching(/^#/) },
    });
    expect(body.filingTypes.map((type: { slug: string }) => type.slug)).toEqual([
      "personal",
      "individual-business",
      "enterprise",
    ]);
    expect(body.filingTypes[0].features).toHaveLength(4);
    expect(body.contact.phone).toBe("400-998-6176");
    expect(body.consent).toEqual({
      privacyText: expect.stringContaining("隐私政策"),
      privacyUrl: `${SITE}/privacy/`,
    });
  });

  it("names the partner in its sharing consent; unknown and inactive partners are 404", async () => {
    const partner = await (
      await fetch(`${server.url}/api/public/widget-config?partner=yunfan`)
    ).json();
    expect(partner.partner.name).toBe("云帆云");
    expect(partner.consent.sharingText).toContain("云帆云");
    expect((await fetch(`${server.url}/api/public/widget-config?partner=nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/public/widget-config?partner=haitang`)).status).toBe(
      404,
    );
  });
  it("lists published filing types only, never one that exists only as a draft", async () => {
    const slugs = async () =>
      (
        (await (await fetch(`${server.url}/api/public/widget-config`)).json()) as {
          filingTypes: { slug: string }[];
        }
      ).filingTypes.map((type) => type.slug);
    const { docs } = await payload.find({
      collection: "filing-types",
      where: { slug: { equals: "enterprise" } },
      depth: 0,
    });
    const published = docs[0];
    if (!published) throw new Error("no enterprise filing type seeded");
    const { id: _id, createdAt: _c, updatedAt: _u, _status: _s, ...data } = published;
    await payload.delete({ collection: "filing-types", id: published.id });
    const draft = await payload.create({
      collection: "filing-types",
      data: { ...data, _status: "draft" },
      draft: true,
    });
    try {
      expect(await slugs()).toEqual(["personal", "individual-business"]);
    } finally {
      await payload.update({
        collection: "filing-types",
        id: draft.id,
        data: { _status: "published" },
      });
    }
    expect(await slugs()).toEqual(["personal", "individual-business", "enterprise"]);
  });
});

describe("POST /api/public/leads", () => {
  it("stores a lead with its attribution and consent record: 201 { id, reference }", async () => {
    const response = await post(lead());
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.reference).toMatch(/^L-[2-9A-HJKMNP-TV-Z]{6}$/);
    const stored = await payload.findByID({ collection: "leads", id: body.id, depth: 1 });
    expect(stored).toMatchObject({
      reference: body.reference,
      phone: "13800138000",
      status: "new",
      filingType: "enterprise",
      partner: { key: "direct" },
      source: {
        pageUrl: `${SITE}/types/enterprise/`,
        utm: { source: "baidu", campaign: "winter" },
      },
      consent: { privacy: true, privacyUrl: `${SITE}/privacy/`, sharing: false },
    });
    expect(stored.consent?.privacyText).toContain("隐私政策");
    expect(stored.statusHistory).toHaveLength(1);
  });

  it("stores a lead as Payload's create stores one from the same data, its history and emails included", async () => {
    const response = await post(
      lead({ partner: "yunfan", company: "云帆科技", consent: { privacy: true, sharing: true } }),
      { Origin: PARTNER_ORIGIN },
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    const publicLead = await payload.findByID({ collection: "leads", id, depth: 0 });
    const {
      id: _i,
      reference: _r,
      createdAt,
      updatedAt: _u,
      statusHistory,
      emails: _e,
      ...data
    } = publicLead;
    expect(statusHistory).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        from: null,
        to: "new",
        by: null,
        at: expect.any(String),
      },
    ]);
    // Taken as the lead is written, as Payload's create takes it (the same millisecond or so).
    const recordedAt = Date.parse(statusHistory?.[0]?.at ?? "");
    expect(Math.abs(recordedAt - Date.parse(createdAt))).toBeLessThan(1_000);
    // The same lead through Payload's create, with every hook and validation: what the public
    // endpoint leaves to its own code must come out the same.
    const byPayload = await payload.create({
      collection: "leads",
      data: { ...data, reference: "L-PAYLD2" },
      overrideAccess: true,
      depth: 0,
    });
    const comparable = (doc: typeof publicLead) => {
      // `emails` lists each lead's own (compared by kind below).
      const { id: _id, reference: _ref, createdAt: _c, updatedAt: _up, emails: _em, ...rest } = doc;
      const h = rest.statusHistory;
      return { ...rest, statusHistory: h?.map(({ from, to, by }) => ({ from, to, by })) };
    };
    expect(comparable(publicLead)).toEqual(
      comparable(await payload.findByID({ collection: "leads", id: byPayload.id, depth: 0 })),
    );
    expect(await emailKinds(id)).toEqual(["lead_alert", "lead_confirmation"]);
    expect(await emailKinds(byPayload.id)).toEqual(await emailKinds(id));
  });

  it("attributes a partner's lead, with the partner's origin and sharing consent", async () => {
    const response = await post(
      lead({ partner: "yunfan", consent: { privacy: true, sharing: true } }),
      {
        Origin: PARTNER_ORIGIN,
      },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe(PARTNER_ORIGIN);
    const stored = await payload.findByID({
      collection: "leads",
      id: (await response.json()).id,
      depth: 1,
    });
    expect(stored.partner).toMatchObject({ key: "yunfan" });
    expect(stored.consent?.sharingText).toContain("云帆云");
  });

  it("records the consent text as an editor last published it", async () => {
    const recorded = async () => {
      const response = await post(lead());
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: number };
      return (await payload.findByID({ collection: "leads", id })).consent?.privacyText;
    };
    const before = await payload.findGlobal({ slug: "site-settings" });
    expect(await recorded()).toBe(before.consent?.privacyText);
    const edited = "我已阅读并同意《隐私政策》（2026 年 12 月版）";
    await payload.updateGlobal({
      slug: "site-settings",
      data: { consent: { ...before.consent, privacyText: edited } },
    });
    try {
      expect(await recorded()).toBe(edited);
    } finally {
      await payload.updateGlobal({ slug: "site-settings", data: { consent: before.consent } });
    }
  });

  it("400 validation_failed names each field, in Chinese or in English", async () => {
    const zh = await post({ name: "", phone: "123", consent: { privacy: false } });
    expect(zh.status).toBe(400);
    expect(await zh.json()).toEqual({
      error: {
        code: "validation_failed",
        message: "提交的信息有误,请检查后重试",
        fields: {
          name: "请填写此项",
          phone: "请输入有效的中国大陆手机号",
          "consent.privacy": "请阅读并同意隐私政策",
        },
      },
    });
    const en = await post(
      { name: "x", phone: "123", consent: { privacy: true } },
      { "Accept-Language": "en-GB,en;q=0.9" },
    );
    const body = await en.json();
    expect(body.error.message).toBe("Some details are not valid; please check and try again");
    expect(body.error.fields.phone).toBe("Enter a valid mainland China mobile number");
  });

  it("requires sharing consent through a partner", async () => {
    const response = await post(lead({ partner: "yunfan" }), { Origin: PARTNER_ORIGIN });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({
      "consent.sharing": "请同意与合作伙伴共享信息",
    });
  });

  it("403 origin_not_allowed for a foreign origin or another partner's origin", async () => {
    expect((await post(lead(), { Origin: "https://evil.example.net" })).status).toBe(403);
    const other = await post(
      lead({ partner: "qingshan", consent: { privacy: true, sharing: true } }),
      {
        Origin: PARTNER_ORIGIN,
      },
    );
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe("origin_not_allowed");
  });

  it("404 unknown_partner for an unknown or inactive partner", async () => {
    for (const partner of ["nobody", "haitang"]) {
      const response = await post(lead({ partner, consent: { privacy: true, sharing: true } }), {
        Origin: "",
      });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("unknown_partner");
    }
  });

  it("413 payload_too_large over 16 KiB, 415 unsupported_media_type for other bodies", async () => {
    const big = await post(lead({ message: "字".repeat(6000) }));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("payload_too_large");
    const text = await post(undefined, { "Content-Type": "text/plain" }, "name=x");
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe("unsupported_media_type");
  });

  it("never answers 500 or stores anything for malformed bodies or injection attempts", async () => {
    const before = await leadCount();
    const bodies = [
      "",
      "{",
      "null",
      "[]",
      '"text"',
      "12",
      JSON.stringify(lead({ phone: { $gt: "" } })),
      JSON.stringify(lead({ partner: { $ne: null } })),
      JSON.stringify(lead({ consent: "yes" })),
      JSON.stringify({ a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } }),
    ];
    for (const raw of bodies) {
      const response = await post(undefined, {}, raw);
      expect([400, 404], raw).toContain(response.status);
      expect(JSON.stringify(await response.json())).not.toMatch(/at .*\.(js|ts):\d+/);
    }
    const proto = await post(
      undefined,
      {},
      JSON.stringify(lead()).replace(
        "{",
        '{"__proto__":{"status":"converted"},"status":"converted",',
      ),
    );
    expect(proto.status).toBe(201);
    const stored = await payload.findByID({ collection: "leads", id: (await proto.json()).id });
    expect(stored.status).toBe("new");
    expect(await leadCount()).toBe(before + 1);
  });

  it("answers a suspected bot (honeypot, or filled in too fast) like anyone, and keeps its lead aside", async () => {
    const before = await leadCount();
    const honeypot = await post(lead({ website: "http://spam.example" }));
    expect(honeypot.status).toBe(201);
    const { id, reference } = await honeypot.json();
    expect(reference).toMatch(/^L-/);
    expect((await post(lead({ elapsedMs: 200 }))).status).toBe(201);
    expect(await leadCount()).toBe(before + 2);
    // The rest (no emails, out of the lists, restoring): quarantine/quarantine.test.ts.
    const stored = await payload.findByID({ collection: "leads", id });
    expect(stored).toMatchObject({ reference, suspectedSpam: "honeypot" });
  });

  it("Idempotency-Key: a repeat gets the first answer and stores nothing, even when racing", async () => {
    const before = await leadCount();
    const key = `key-${Date.now()}`;
    const first = await post(lead(), { "Idempotency-Key": key });
    const firstBody = await first.json();
    const again = await post(lead(), { "Idempotency-Key": key });
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(firstBody);
    expect(again.headers.get("idempotency-replayed")).toBe("true");

    const raceKey = `race-${Date.now()}`;
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => post(lead(), { "Idempotency-Key": raceKey })),
    );
    const bodies = await Promise.all(racing.map((response) => response.json()));
    expect(racing.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(bodies.map((body) => body.reference)).size).toBe(1);
    expect(await leadCount()).toBe(before + 2);

    const invalid = await post(lead(), { "Idempotency-Key": "has spaces in it" });
    expect(invalid.status).toBe(400);
  });

  it("Idempotency-Key: the same key with another body is 422 idempotency_mismatch; nothing is stored", async () => {
    const key = `mismatch-${Date.now()}`;
    const first = await post(lead(), { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const before = await leadCount();

    const other = await post(lead({ name: "李四" }), { "Idempotency-Key": key });
    expect(other.status).toBe(422);
    expect(other.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(await other.json()).toEqual({
      error: {
        code: "idempotency_mismatch",
        message: "此请求编号(Idempotency-Key)已用于另一份不同的提交",
      },
    });
    const en = await post(lead({ phone: "13900139000" }), {
      "Idempotency-Key": key,
      "Accept-Language": "en",
    });
    expect(en.status).toBe(422);
    expect((await en.json()).error.message).toBe(
      "This Idempotency-Key was already used for a different submission",
    );
    // An invalid body is another body too; a form measured again (elapsedMs) is the same one.
    expect((await post(lead({ phone: "1" }), { "Idempotency-Key": key })).status).toBe(422);
    const same = await post(lead({ elapsedMs: 12_000 }), { "Idempotency-Key": key });
    expect(same.status).toBe(201);
    expect(await same.json()).toEqual(firstBody);
    expect(await leadCount()).toBe(before);

    const { docs } = await payload.find({
      collection: "idempotency-keys",
      where: { scope: { equals: `leads:direct:${key}` } },
    });
    expect(docs[0]).toMatchObject({
      document: `leads:${firstBody.id}`,
      requestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("Idempotency-Key: racing requests with one key and different bodies store one, the rest 422", async () => {
    const before = await leadCount();
    const key = `race-mismatch-${Date.now()}`;
    const racing = await Promise.all(
      ["甲", "乙", "丙", "丁"].map((name) => post(lead({ name }), { "Idempotency-Key": key })),
    );
    expect(racing.map((response) => response.status).sort()).toEqual([201, 422, 422, 422]);
    expect(await leadCount()).toBe(before + 1);
  });

  it("Idempotency-Key: a plain form's post and a JSON post of the same data are one request", async () => {
    const key = `form-json-${Date.now()}`;
    const form = await server.postPublic("leads", undefined, {
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": key },
      raw: new URLSearchParams({
        name: "赵六",
        phone: "13900139001",
        filingType: "personal",
        "consent.privacy": "true",
      }).toString(),
    });
    expect(form.status).toBe(303);
    const before = await leadCount();
    const json = await post(
      {
        name: "赵六 ",
        phone: "+86 139-0013-9001",
        filingType: "personal",
        consent: { privacy: true },
      },
      { "Idempotency-Key": key },
    );
    expect(json.status).toBe(201);
    expect(json.headers.get("idempotency-replayed")).toBe("true");
    expect(await leadCount()).toBe(before);
  });

  it("Idempotency-Key: forgetStoredAnswers deletes the stored answers of the named documents only", async () => {
    const stamp = Date.now();
    const keyed = async (key: string) =>
      (await (await post(lead(), { "Idempotency-Key": key })).json()) as { id: number };
    const forgotten = await keyed(`forget-${stamp}`);
    const kept = await keyed(`keep-${stamp}`);
    const removed = await inTransaction(payload, (req) =>
      forgetStoredAnswers(payload, req, [`leads:${forgotten.id}`, "orders:999999"]),
    );
    expect(removed).toBe(1);
    const left = await payload.find({
      collection: "idempotency-keys",
      where: { scope: { like: `-${stamp}` } },
      pagination: false,
    });
    expect(left.docs.map((doc) => doc.document)).toEqual([`leads:${kept.id}`]);
    // The key's answer is gone: the same key now stores a new submission.
    const again = await post(lead(), { "Idempotency-Key": `forget-${stamp}` });
    expect(again.headers.get("idempotency-replayed")).toBeNull();
    expect((await again.json()).id).not.toBe(forgotten.id);
  });

  it("429 rate_limited with Retry-After once a client exceeds its budget", async () => {
    const ip = "10.99.0.1";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await post(lead(), { "X-Forwarded-For": ip })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const limited = await post(lead(), { "X-Forwarded-For": ip });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
  });

  it("an IPv6 client is limited per /64: rotating through its own prefix changes nothing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const address = `2001:db8:99:1:${(i + 1).toString(16)}::${i + 7}`;
      statuses.push((await post(lead(), { "X-Forwarded-For": address })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    // Another /64 is another client.
    expect((await post(lead(), { "X-Forwarded-For": "2001:db8:99:2::1" })).status).toBe(201);
  });

  it("refuses the emails the CMS's email field refuses, in the contract's shape", async () => {
    for (const email of ["张三@qq.com", "a..b@qq.com", "a@b.c", "a@x_y.com"]) {
      const response = await post(lead({ email }));
      expect(response.status, email).toBe(400);
      expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
      expect(await response.json(), email).toEqual({
        error: {
          code: "validation_failed",
          message: "提交的信息有误,请检查后重试",
          fields: { email: "请输入有效的邮箱地址" },
        },
      });
    }
  });

  it("the contract's email check agrees with Payload's email field", async () => {
    const candidates = [...VALID_EMAILS, ...INVALID_EMAILS];
    const options = {
      name: "email",
      type: "email" as const,
      req: await createLocalReq({}, payload),
      required: false,
      blockData: {},
      data: {},
      siblingData: {},
      path: ["email"],
      preferences: { fields: {} },
    };
    for (const value of candidates) {
      const contract = validateLead({
        name: "王",
        phone: "13800138000",
        consent: { privacy: true },
        email: value,
      }).ok;
      expect(contract, value).toBe((await payloadEmail(value, options)) === true);
    }
  });

  it("answers a failure while storing in the contract's shape, with CORS: 400 or a logged 500", async () => {
    let failure: Error = new Error("unused");
    const undo = failAdapterCreates(payload, "leads", () => failure);
    const logged = vi.spyOn(payload.logger, "error");
    try {
      failure = new ValidationError({
        collection: "leads",
        errors: [{ path: "email", message: "Please enter a valid email address." }],
      });
      const refused = await post(lead());
      expect(refused.status).toBe(400);
      expect(refused.headers.get("access-control-allow-origin")).toBe(SITE);
      expect(await refused.json()).toEqual({
        error: {
          code: "validation_failed",
          message: "提交的信息有误,请检查后重试",
          fields: { email: "请输入有效的邮箱地址" },
        },
      });

      failure = new Error("SQLITE_IOERR: disk I/O error");
      const broken = await post(lead(), { "Accept-Language": "en" });
      expect(broken.status).toBe(500);
      expect(broken.headers.get("access-control-allow-origin")).toBe(SITE);
      expect(await broken.json()).toEqual({
        error: {
          code: "internal_error",
          message: "The service is unavailable; please try again later or call the hotline",
        },
      });
      expect(logged).toHaveBeenCalled();

      // With a key: the failure is not a duplicate key, so it is answered at once (no waiting).
      const started = Date.now();
      const keyed = await post(lead(), { "Idempotency-Key": `broken-${Date.now()}` });
      expect(keyed.status).toBe(500);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      undo();
      logged.mockRestore();
    }
  });

  it("Idempotency-Key: an expired key (over 24 h) stores the new submission", async () => {
    const before = await leadCount();
    const key = `expired-${Date.now()}`;
    const first = await (await post(lead(), { "Idempotency-Key": key })).json();
    const { docs } = await payload.find({
      collection: "idempotency-keys",
      where: { scope: { like: key } },
    });
    expect(docs).toHaveLength(1);
    await payload.update({
      collection: "idempotency-keys",
      id: docs[0]?.id as number,
      data: { expiresAt: new Date(Date.now() - 60_000).toISOString() },
    });
    const again = await post(lead(), { "Idempotency-Key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotency-replayed")).toBeNull();
    const second = await again.json();
    expect(second.reference).not.toBe(first.reference);
    expect(await leadCount()).toBe(before + 2);
    const replay = await post(lead(), { "Idempotency-Key": key });
    expect(await replay.json()).toEqual(second);
  });

  it("Idempotency-Key: expireKeys deletes every expired answer and keeps the live ones", async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 60_000).toISOString();
    const stamp = Date.now();
    for (let i = 0; i < 25; i++) {
      await payload.create({
        collection: "idempotency-keys",
        data: {
          scope: `leads:direct:old-${stamp}-${i}`,
          requestHash: "-",
          status: 201,
          body: {},
          expiresAt: past,
        },
      });
    }
    await payload.create({
      collection: "idempotency-keys",
      data: {
        scope: `leads:direct:live-${stamp}`,
        requestHash: "-",
        status: 201,
        body: {},
        expiresAt: future,
      },
    });
    expect(await expireKeys(payload)).toBeGreaterThanOrEqual(25);
    const left = await payload.find({
      collection: "idempotency-keys",
      where: { scope: { like: `-${stamp}` } },
      pagination: false,
    });
    expect(left.docs.map((doc) => doc.scope)).toEqual([`leads:direct:live-${stamp}`]);
    const stale = await payload.count({
      collection: "idempotency-keys",
      where: { expiresAt: { less_than_equal: new Date().toISOString() } },
    });
    expect(stale.totalDocs).toBe(0);
  });

  it("Idempotency-Key: a key is the partner's own; another partner's same key is another request", async () => {
    const key = `shared-${Date.now()}`;
    const direct = await (await post(lead(), { "Idempotency-Key": key })).json();
    const partnered = await post(
      lead({ partner: "yunfan", consent: { privacy: true, sharing: true } }),
      { Origin: PARTNER_ORIGIN, "Idempotency-Key": key },
    );
    expect(partnered.status).toBe(201);
    expect(partnered.headers.get("idempotency-replayed")).toBeNull();
    const body = await partnered.json();
    expect(body.reference).not.toBe(direct.reference);
    const stored = await payload.findByID({ collection: "leads", id: body.id, depth: 1 });
    expect(stored.partner).toMatchObject({ key: "yunfan" });
  });

  it("a replayed Idempotency-Key costs no rate-limit points, and is answered over the limit too", async () => {
    const ip = "10.98.0.1";
    const key = `free-${Date.now()}`;
    const first = await post(lead(), { "X-Forwarded-For": ip, "Idempotency-Key": key });
    expect(first.status).toBe(201);
    for (let i = 0; i < 7; i++) {
      const replay = await post(lead(), { "X-Forwarded-For": ip, "Idempotency-Key": key });
      expect(replay.status).toBe(201);
      expect(replay.headers.get("idempotency-replayed")).toBe("true");
    }
    expect((await post(lead(), { "X-Forwarded-For": ip })).status).toBe(201);
    // Over the limit (5 per address), new submissions wait; the stored answer is still given.
    for (let i = 0; i < 3; i++) await post(lead(), { "X-Forwarded-For": ip });
    expect((await post(lead(), { "X-Forwarded-For": ip })).status).toBe(429);
    const late = await post(lead(), { "X-Forwarded-For": ip, "Idempotency-Key": key });
    expect(late.status).toBe(201);
    expect(late.headers.get("idempotency-replayed")).toBe("true");
  });

  it("past a partner's budget (ten times an address's) a flood is stored aside, never refused", async () => {
    const origin = "https://qingshan.example.com";
    const viaQingshan = (extra: Record<string, unknown>) =>
      post(lead({ partner: "qingshan", consent: { privacy: true, sharing: true }, ...extra }), {
        Origin: origin,
      });
    // Junk and bots do not use up the partner's budget: ten times the per-IP one (5), 50.
    for (let i = 0; i < 55; i++) expect((await viaQingshan({ phone: "1" })).status).toBe(400);
    for (let i = 0; i < 5; i++)
      expect((await viaQingshan({ website: "http://spam.example" })).status).toBe(201);
    const before = await leadCount();
    const genuine: number[] = [];
    for (let i = 0; i < 50; i++) {
      const response = await viaQingshan({ email: `flood-${i}@example.com` });
      expect(response.status, `lead ${i}`).toBe(201);
      genuine.push((await response.json()).id);
    }
    // Each from an address of its own, past the partner's budget: a real prospect among strangers
    // is still taken in, stored aside as a flood and mailing nobody — not refused.
    const over = await viaQingshan({ email: "prospect@example.com" });
    expect(over.status).toBe(201);
    const { id } = await over.json();
    expect(await leadCount()).toBe(before + 51);
    const stored = await payload.findByID({ collection: "leads", id });
    expect(stored.suspectedSpam).toBe("flood");
    expect(await emailKinds(id)).toEqual([]);
    expect(
      (await payload.findByID({ collection: "leads", id: genuine[49] as number })).suspectedSpam ??
        null,
    ).toBeNull();
    expect(await emailKinds(genuine[49] as number)).toEqual(["lead_alert", "lead_confirmation"]);
    // Another partner's budget, and the agency's own, are untouched.
    const direct = await post(lead());
    expect(
      (await payload.findByID({ collection: "leads", id: (await direct.json()).id }))
        .suspectedSpam ?? null,
    ).toBeNull();
  });

  it("one mailbox gets at most 3 confirmations a day, however the address is spelt; sales still hears of each", async () => {
    const stamp = Date.now();
    const spellings = [
      `victim-${stamp}@example.com`,
      `Victim-${stamp}@Example.com`,
      `victim-${stamp}+a@example.com`,
      `victim-${stamp}+b@example.com`,
      `VICTIM-${stamp}@EXAMPLE.COM`,
    ];
    const kinds: string[][] = [];
    for (const email of spellings) {
      const response = await post(lead({ email }));
      expect(response.status).toBe(201);
      const { id } = await response.json();
      expect(
        (await payload.findByID({ collection: "leads", id })).suspectedSpam ?? null,
      ).toBeNull();
      kinds.push(await emailKinds(id));
    }
    const both = ["lead_alert", "lead_confirmation"];
    expect(kinds).toEqual([both, both, both, ["lead_alert"], ["lead_alert"]]);
    // Another mailbox is another budget; suspected spam, which mails nobody, uses none of it.
    const other = `other-${stamp}@example.com`;
    await post(lead({ email: other, website: "x" }));
    for (let i = 0; i < 3; i++) {
      const { id } = await (await post(lead({ email: other }))).json();
      expect(await emailKinds(id)).toEqual(both);
    }
  });

  it("TRUST_PROXY: the client is the rightmost X-Forwarded-For entry, not what it claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const forwarded = `203.0.113.${i + 1}, 10.97.0.1`;
      statuses.push((await post(lead(), { "X-Forwarded-For": forwarded })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });
});

describe("the plain HTML form (no JavaScript)", () => {
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    post(
      undefined,
      { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      new URLSearchParams(fields).toString(),
    );

  it("stores the lead and redirects to the thank-you page (303)", async () => {
    const before = await leadCount();
    const response = await fetch(`${server.url}/api/public/leads`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: SITE,
        "X-Forwarded-For": "10.200.0.1",
      },
      body: new URLSearchParams({
        name: "赵六",
        phone: "13900139000",
        "consent.privacy": "true",
        filingType: "personal",
      }).toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${SITE}/thanks/`);
    expect(await leadCount()).toBe(before + 1);
  });

  it("returns to the partner's page only when it is one of the partner's origins", async () => {
    const fields = {
      name: "钱七",
      phone: "13700137000",
      partner: "yunfan",
      "consent.privacy": "true",
      "consent.sharing": "true",
    };
    const redirectTo = async (returnUrl: string) =>
      (
        await server.postPublic("leads", undefined, {
          redirect: "manual",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Origin: PARTNER_ORIGIN,
          },
          raw: new URLSearchParams({ ...fields, returnUrl }).toString(),
        })
      ).headers.get("location");
    expect(await redirectTo(`${PARTNER_ORIGIN}/beian/thanks`)).toBe(
      `${PARTNER_ORIGIN}/beian/thanks`,
    );
    expect(await redirectTo("https://evil.example.net/phish")).toBe(`${SITE}/thanks/`);
  });

  it("answers invalid input with an HTML page listing the errors", async () => {
    const response = await form({ name: "", phone: "1", "consent.privacy": "true" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("请输入有效的中国大陆手机号");
    expect(html).toContain("请填写此项");
  });

  it("answers every other error with an HTML page too, with its status, in the visitor's language", async () => {
    const valid = { name: "赵六", phone: "13900139000", "consent.privacy": "true" };
    const page = async (response: Response, status: number, text: string) => {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      expect(await response.text()).toContain(text);
    };
    await page(await form(valid, { Origin: "https://evil.example.net" }), 403, "此网站无权提交");
    await page(await form({ ...valid, partner: "nobody" }), 404, "合作伙伴不存在或已停用");
    await page(await form({ ...valid, message: "字".repeat(6000) }), 413, "提交内容过大");
    await page(
      await post(
        undefined,
        { "Content-Type": "multipart/form-data; boundary=b", "Accept-Language": "en" },
        '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n',
      ),
      415,
      "Unsupported content type",
    );
    const ip = "10.96.0.1";
    for (let i = 0; i < 5; i++) await form({ ...valid, phone: "1" }, { "X-Forwarded-For": ip });
    const limited = await form(valid, { "X-Forwarded-For": ip, "Accept-Language": "en" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await page(limited, 429, "Too many submissions; please try again later");

    const undo = failAdapterCreates(payload, "leads", () => new Error("disk full"));
    try {
      await page(await form(valid), 500, "服务暂时不可用,请稍后再试或致电咨询热线");
    } finally {
      undo();
    }
  });
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/public/leads`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,idempotency-key",
      },
    });

  it("allows exactly the site and the active partners' origins", async () => {
    const site = await preflight(SITE);
    expect(site.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(site.headers.get("access-control-allow-headers")).toMatch(/Idempotency-Key/);
    expect((await preflight(PARTNER_ORIGIN)).headers.get("access-control-allow-origin")).toBe(
      PARTNER_ORIGIN,
    );
    expect(
      (await preflight("https://evil.example.net")).headers.get("access-control-allow-origin"),
    ).toBeNull();
    expect(
      (await preflight("https://haitang.example.com")).headers.get("access-control-allow-origin"),
    ).toBeNull();
  });

  it("the widget config is cached per origin (Vary: Origin) and refused to other origins (widgetConfig.test.ts)", async () => {
    const config = (origin: string) =>
      fetch(`${server.url}/api/public/widget-config?partner=yunfan`, {
        headers: { Origin: origin },
      });
    const partner = await config(PARTNER_ORIGIN);
    expect(partner.status).toBe(200);
    expect(partner.headers.get("cache-control")).toMatch(/public/);
    expect(partner.headers.get("vary")).toMatch(/\bOrigin\b/);
    expect(partner.headers.get("access-control-allow-origin")).toBe("*");
    const foreign = await config("https://evil.example.net");
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("vary")).toMatch(/\bOrigin\b/);
    const refused = await fetch(`${server.url}/api/public/widget-config`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example.net", "Access-Control-Request-Method": "GET" },
    });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a partner added in the admin is allowed at once, without a restart", async () => {
    const origin = "https://newcloud.example.org";
    expect((await preflight(origin)).headers.get("access-control-allow-origin")).toBeNull();
    await payload.create({
      collection: "partners",
      data: { key: "newcloud", name: "新云", active: true, allowedOrigins: [{ origin }] },
    });
    expect((await preflight(origin)).headers.get("access-control-allow-origin")).toBe(origin);
  });
});

describe("leads in the admin", () => {
  it("only sales and admins read leads; status changes are recorded with who and when", async () => {
    const [sales, editor] = await Promise.all(
      ["sales@example.com", "editor@example.com"].map(async (email) => {
        const { docs } = await payload.find({
          collection: "users",
          where: { email: { equals: email } },
        });
        return { ...docs[0], collection: "users" as const };
      }),
    );
    if (!sales || !editor) throw new Error("seeded users missing");
    const created = await post(lead());
    expect(created.status).toBe(201);
    const { id } = await created.json();
    await expect(
      payload.find({ collection: "leads", overrideAccess: false, user: editor }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      payload.find({ collection: "leads", overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 });
    const first = await payload.findByID({
      collection: "leads",
      id,
      overrideAccess: false,
      user: sales,
    });
    const updated = await payload.update({
      collection: "leads",
      id: first.id,
      data: { status: "contacted", phone: "13000000000" },
      overrideAccess: false,
      user: sales,
    });
    expect(updated.status).toBe("contacted");
    expect(updated.phone).toBe(first.phone);
    const last = updated.statusHistory?.at(-1);
    expect(last).toMatchObject({ from: "new", to: "contacted" });
    expect(typeof last?.by === "object" ? last.by?.id : last?.by).toBe(sales.id);
  });
});
