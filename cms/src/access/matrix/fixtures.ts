/**
 * The documents the access matrix works on, per collection and global, made afresh for each test
 * through the Local API (access overridden): the labelled documents reads look for, a new document
 * to create, the change to make and the document to delete. Labels match expected.ts.
 */
import type {
  CollectionSlug,
  File,
  GlobalSlug,
  Payload,
  RequiredDataFromCollectionSlug,
} from "payload";
import type { User } from "../../payload-types.ts";
import { landing, siteSettings } from "../../seed/content.ts";
import { labels, navigation } from "../../seed/pages.ts";
import { richText } from "../../seed/richText.ts";

export type TId = number;
export type TBody = Record<string, unknown>;

export type TFixtureContext = {
  /** The acting account; none for anonymous. */
  self: User | undefined;
  /** A number no other document of this run has, for unique fields. */
  n: number;
  /** Creates a document (cleaned up after the test) and returns its id. */
  make: <TSlug extends CollectionSlug>(
    collection: TSlug,
    data: RequiredDataFromCollectionSlug<TSlug>,
    options?: { file?: File; user?: User },
  ) => Promise<TId>;
  /** A throw-away staff account (cleaned up after the test). */
  colleague: (role: User["role"]) => Promise<User>;
};

export type TCollectionFixture = {
  /** The labelled documents reads look for. */
  docs: (ctx: TFixtureContext) => Promise<Record<string, TId>>;
  /** A valid new document, sent as JSON (or as a multipart upload). */
  create: (ctx: TFixtureContext) => Promise<TBody | FormData>;
  /** The document PATCHed (and, with versions, restored) and the change. */
  change: { label: string; data: TBody };
  /**
   * The document DELETEd: a label (through `DELETE /<slug>/:id`), or a label and the route to use
   * where Payload serves another.
   */
  remove: string | ((ctx: TFixtureContext) => { label: string; path: string });
};

export type TGlobalFixture = {
  /** Saves the published version (and, with drafts, a later draft); returns its version id. */
  set: (payload: Payload) => Promise<number | string | undefined>;
  /** Which of the fixture's versions an answer shows. */
  labelOf: (doc: TBody) => string | undefined;
  change: TBody;
};

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
const svgFile = (n: number): File => ({
  data: svg,
  mimetype: "image/svg+xml",
  name: `matrix-${n}.svg`,
  size: svg.byteLength,
});

/** Stands in for a sealed document: the matrix checks who reaches the record, not the bytes. */
const sealedFile = (n: number): File => {
  const data = Buffer.from(`sealed-${n}`);
  return { data, mimetype: "application/octet-stream", name: `matrix-${n}.bin`, size: data.length };
};

type TFilingTypeSlug = "personal" | "individual-business" | "enterprise";

const filingType = (slug: TFilingTypeSlug) => ({
  slug,
  name: `备案类型 ${slug}`,
  audience: "个人",
  sellingPoints: [{ text: "快" }],
  materials: [{ item: "身份证", upload: "id_card" as const }],
});

const faq = (n: number) => ({
  category: "general" as const,
  question: `问题 ${n}?`,
  answer: richText("回答。"),
  anchor: `faq-${n}`,
});

/** Content with drafts: one published document and one draft. */
function drafted<TSlug extends CollectionSlug>(
  collection: TSlug,
  published: (ctx: TFixtureContext) => Promise<RequiredDataFromCollectionSlug<TSlug>>,
  draft: (ctx: TFixtureContext) => Promise<RequiredDataFromCollectionSlug<TSlug>>,
): TCollectionFixture["docs"] {
  return async (ctx) => ({
    published: await ctx.make(collection, { ...(await published(ctx)), _status: "published" }),
    draft: await ctx.make(collection, { ...(await draft(ctx)), _status: "draft" }),
  });
}

const content = (
  docs: TCollectionFixture["docs"],
  change: TBody,
  create: TCollectionFixture["create"],
) =>
  ({
    docs,
    create,
    change: { label: "published", data: change },
    remove: "draft",
  }) satisfies TCollectionFixture;

const outboxEmail = (n: number, kind: "lead_alert" | "account") => ({
  subject: `邮件 ${n}`,
  to: "sales@beian.example.com",
  kind,
  state: "failed" as const,
  idempotencyKey: `matrix-${kind}-${n}`,
  text: "正文",
  html: "<p>正文</p>",
});

const order = (n: number) => ({
  orderNo: `B-MTRX-${n}`,
  filingType: "personal" as const,
  contact: { name: "客户", phone: "13800138000" },
  entity: { province: "zhejiang" as const },
  status: "submitted" as const,
});

/** A mobile number of this run's own (`prefix` keeps a fixture's second number apart). */
const matrixPhone = (n: number, prefix = "139") => `${prefix}${String(n).padStart(8, "0")}`;
const future = () => new Date(Date.now() + 365 * 24 * 3600_000).toISOString();

const preferenceKey = (ctx: TFixtureContext, owner: "own" | "colleague's") =>
  `matrix-${owner === "own" ? "own" : "colleague"}-${ctx.n}`;

async function lockOnFaq(ctx: TFixtureContext, user: User) {
  const document = await ctx.make("faqs", { ...faq(ctx.n), _status: "published" });
  return {
    document: { relationTo: "faqs" as const, value: document },
    user: { relationTo: "users" as const, value: user.id },
  };
}

export const COLLECTION_FIXTURES: Record<CollectionSlug, TCollectionFixture> = {
  "filing-types": content(
    drafted(
      "filing-types",
      async () => filingType("personal"),
      async () => filingType("enterprise"),
    ),
    { name: "改名" },
    async () => ({ ...filingType("individual-business"), _status: "draft" }),
  ),
  "filing-stages": content(
    drafted(
      "filing-stages",
      async () => ({ key: "submitted", title: "已提交", summary: "说明" }),
      async () => ({ key: "filed", title: "已备案", summary: "说明" }),
    ),
    { title: "改名" },
    async () => ({ key: "rejected", title: "已驳回", summary: "说明", _status: "draft" }),
  ),
  "guide-articles": content(
    drafted(
      "guide-articles",
      async ({ n }) => ({ phase: "before", title: `文章 ${n}`, anchor: `article-${n}` }),
      async ({ n }) => ({ phase: "during", title: `草稿 ${n}`, anchor: `draft-${n}` }),
    ),
    { title: "改名" },
    async ({ n }) => ({ phase: "after", title: "新文章", anchor: `new-${n}`, _status: "draft" }),
  ),
  faqs: content(
    drafted(
      "faqs",
      async ({ n }) => faq(n),
      async ({ n }) => faq(n + 1),
    ),
    { question: "改过的问题?" },
    async ({ n }) => ({ ...faq(n + 2), _status: "draft" }),
  ),
  cases: (() => {
    const caseOf = async (ctx: TFixtureContext, name: string, slug: TFilingTypeSlug) => ({
      name,
      introduction: "简介",
      industry: "tools" as const,
      filingType: await ctx.make("filing-types", filingType(slug)),
    });
    return content(
      drafted(
        "cases",
        (ctx) => caseOf(ctx, "案例", "personal"),
        (ctx) => caseOf(ctx, "草稿案例", "enterprise"),
      ),
      { name: "改名" },
      async (ctx) => ({
        ...(await caseOf(ctx, "新案例", "individual-business")),
        _status: "draft",
      }),
    );
  })(),
  pages: content(
    drafted(
      "pages",
      async () => ({ slug: "privacy", title: "隐私政策", description: "说明" }),
      async () => ({ slug: "thanks", title: "感谢", description: "说明" }),
    ),
    { title: "改名" },
    async () => ({ slug: "track", title: "查询", description: "说明", _status: "draft" }),
  ),
  "province-rules": content(
    drafted(
      "province-rules",
      async () => ({ province: "beijing" }),
      async () => ({ province: "shanghai" }),
    ),
    { reviewMaxWorkingDays: 9 },
    async () => ({ province: "zhejiang", _status: "draft" }),
  ),
  media: {
    docs: async (ctx) => ({
      image: await ctx.make("media", { alt: "图片" }, { file: svgFile(ctx.n) }),
    }),
    create: async ({ n }) => {
      const form = new FormData();
      form.append("file", new Blob([svg], { type: "image/svg+xml" }), `matrix-new-${n}.svg`);
      form.append("_payload", JSON.stringify({ alt: "新图片" }));
      return form;
    },
    change: { label: "image", data: { alt: "改过的说明" } },
    remove: "image",
  },
  partners: {
    docs: async (ctx) => ({
      active: await ctx.make("partners", {
        key: `active-${ctx.n}`,
        name: "活跃云",
        active: true,
        allowedOrigins: [{ origin: "https://a.example.com" }],
      }),
      dormant: await ctx.make("partners", {
        key: `dormant-${ctx.n}`,
        name: "停用云",
        active: false,
      }),
    }),
    create: async ({ n }) => ({ key: `new-${n}`, name: "新云" }),
    change: { label: "active", data: { name: "改名" } },
    remove: "dormant",
  },
  leads: {
    docs: async (ctx) => ({
      doc: await ctx.make("leads", {
        reference: `L-MTRX${ctx.n}`,
        name: "客户",
        phone: "13800138000",
        status: "new",
      }),
    }),
    create: async ({ n }) => ({
      reference: `L-NEW${n}`,
      name: "新客户",
      phone: "13800138000",
      status: "new",
    }),
    change: { label: "doc", data: { status: "contacted" } },
    remove: "doc",
  },
  orders: {
    docs: async (ctx) => ({ doc: await ctx.make("orders", order(ctx.n)) }),
    create: async ({ n }) => order(n + 1),
    change: { label: "doc", data: { paymentState: "paid" } },
    remove: "doc",
  },
  outbox: {
    docs: async (ctx) => ({
      "lead email": await ctx.make("outbox", outboxEmail(ctx.n, "lead_alert")),
      "account email": await ctx.make("outbox", outboxEmail(ctx.n, "account")),
    }),
    create: async ({ n }) => outboxEmail(n + 1, "lead_alert"),
    // What an admin may do to an email: send a failed one again.
    change: { label: "lead email", data: { state: "queued" } },
    remove: "account email",
  },
  users: {
    docs: async (ctx) => ({
      admin: (await ctx.colleague("admin")).id,
      editor: (await ctx.colleague("editor")).id,
      sales: (await ctx.colleague("sales")).id,
      ...(ctx.self ? { self: ctx.self.id } : {}),
    }),
    create: async ({ n }) => ({
      email: `new-${n}@matrix.local`,
      password: "matrix-password-123",
      role: "editor",
    }),
    change: { label: "editor", data: { name: "改名" } },
    remove: "sales",
  },
  customers: {
    docs: async (ctx) => ({ doc: await ctx.make("customers", { phone: matrixPhone(ctx.n) }) }),
    create: async ({ n }) => ({ phone: matrixPhone(n + 1) }),
    change: { label: "doc", data: { phone: "13900000000" } },
    remove: "doc",
  },
  materials: {
    docs: async (ctx) => ({
      doc: await ctx.make(
        "materials",
        {
          order: await ctx.make("orders", order(ctx.n)),
          item: "身份证(人像面)",
          contentType: "image/jpeg",
          status: "uploaded",
        },
        { file: sealedFile(ctx.n) },
      ),
    }),
    create: async ({ n }) => ({
      item: `新材料 ${n}`,
      contentType: "image/png",
      status: "uploaded",
    }),
    change: { label: "doc", data: { status: "accepted" } },
    remove: "doc",
  },
  "material-views": {
    docs: async (ctx) => ({
      doc: await ctx.make("material-views", {
        at: new Date().toISOString(),
        action: "view",
        orderNo: `B-MTRX-${ctx.n}`,
        item: "身份证(人像面)",
      }),
    }),
    create: async ({ n }) => ({ at: new Date().toISOString(), action: "view", item: `${n}` }),
    change: { label: "doc", data: { item: "改" } },
    remove: "doc",
  },
  "customer-codes": {
    docs: async (ctx) => ({
      doc: await ctx.make("customer-codes", {
        phone: matrixPhone(ctx.n),
        codeHash: "-",
        expiresAt: future(),
      }),
    }),
    create: async ({ n }) => ({ phone: matrixPhone(n + 1), codeHash: "-", expiresAt: future() }),
    change: { label: "doc", data: { spent: true } },
    remove: "doc",
  },
  "customer-sessions": {
    docs: async (ctx) => ({
      doc: await ctx.make("customer-sessions", {
        tokenHash: `matrix-${ctx.n}`,
        customer: await ctx.make("customers", { phone: matrixPhone(ctx.n, "137") }),
        expiresAt: future(),
      }),
    }),
    create: async ({ n }) => ({ tokenHash: `matrix-new-${n}`, customer: 1, expiresAt: future() }),
    change: { label: "doc", data: { expiresAt: future() } },
    remove: "doc",
  },
  "idempotency-keys": {
    docs: async (ctx) => ({
      doc: await ctx.make("idempotency-keys", {
        scope: `matrix:${ctx.n}`,
        requestHash: "-",
        status: 201,
        body: {},
        expiresAt: future(),
      }),
    }),
    create: async ({ n }) => ({
      scope: `matrix:new:${n}`,
      status: 201,
      body: {},
      expiresAt: future(),
    }),
    change: { label: "doc", data: { status: 409 } },
    remove: "doc",
  },
  erasures: {
    // Erasing a number nobody has: the record is written, nothing else changes.
    docs: async (ctx) => ({
      doc: await ctx.make("erasures", { identifier: "13000000000", confirmed: true }),
    }),
    create: async () => ({ identifier: "13000000001", confirmed: true }),
    change: { label: "doc", data: { leads: 9 } },
    remove: "doc",
  },
  "payload-jobs": {
    docs: async (ctx) => ({
      doc: await ctx.make("payload-jobs", {
        taskSlug: "enforceRetention",
        input: {},
        waitUntil: future(),
      }),
    }),
    create: async () => ({ taskSlug: "enforceRetention", input: {}, waitUntil: future() }),
    change: { label: "doc", data: { queue: "elsewhere" } },
    remove: "doc",
  },
  "payload-kv": {
    docs: async (ctx) => ({
      doc: await ctx.make("payload-kv", { key: `matrix-${ctx.n}`, data: { n: ctx.n } }),
    }),
    create: async ({ n }) => ({ key: `matrix-new-${n}`, data: {} }),
    change: { label: "doc", data: { data: { changed: true } } },
    remove: "doc",
  },
  "payload-migrations": {
    docs: async (ctx) => ({
      doc: await ctx.make("payload-migrations", { name: `matrix_${ctx.n}`, batch: 1 }),
    }),
    create: async ({ n }) => ({ name: `matrix_new_${n}`, batch: 1 }),
    change: { label: "doc", data: { batch: 2 } },
    remove: "doc",
  },
  "payload-locked-documents": {
    // A colleague is editing an FAQ.
    docs: async (ctx) => ({
      lock: await ctx.make(
        "payload-locked-documents",
        await lockOnFaq(ctx, await ctx.colleague("editor")),
      ),
    }),
    create: async (ctx) => ({
      globalSlug: "landing",
      user: { relationTo: "users", value: (ctx.self ?? (await ctx.colleague("editor"))).id },
    }),
    change: { label: "lock", data: { globalSlug: "site-settings" } },
    remove: "lock",
  },
  "payload-preferences": {
    docs: async (ctx) => {
      const preference = (owner: "own" | "colleague's", user: User) =>
        ctx.make(
          "payload-preferences",
          {
            key: preferenceKey(ctx, owner),
            value: { columns: [] },
            user: { relationTo: "users", value: user.id },
          },
          { user },
        );
      return {
        ...(ctx.self ? { own: await preference("own", ctx.self) } : {}),
        "colleague's": await preference("colleague's", await ctx.colleague("editor")),
      };
    },
    create: async ({ n }) => ({ key: `matrix-new-${n}`, value: { columns: [] } }),
    // A colleague's preferences are out of reach.
    change: { label: "colleague's", data: { value: { changed: true } } },
    // Payload serves DELETE by key (its `/:key` route takes the place of `/:id`) and for the
    // requester's own preferences only: each deletes their own; the public has none.
    remove: (ctx) => {
      const label = ctx.self ? "own" : "colleague's";
      return { label, path: `/payload-preferences/${preferenceKey(ctx, label)}` };
    },
  },
};

/** The latest version of a global, once a published save (and maybe a draft) just went in. */
async function latestGlobalVersion(
  payload: Payload,
  slug: GlobalSlug,
): Promise<number | string | undefined> {
  const versions = await payload.findGlobalVersions({ slug, sort: "-createdAt", limit: 1 });
  return versions.docs[0]?.id;
}

export const GLOBAL_FIXTURES: Record<GlobalSlug, TGlobalFixture> = {
  "site-settings": {
    set: async (payload) => {
      const data = { ...siteSettings, navigation, labels, hotline: "400-000-0001" };
      await payload.updateGlobal({
        slug: "site-settings",
        data: { ...data, _status: "published" },
      });
      const published = await latestGlobalVersion(payload, "site-settings");
      await payload.updateGlobal({
        slug: "site-settings",
        data: { hotline: "400-000-0002" },
        draft: true,
      });
      return published;
    },
    labelOf: (doc) =>
      ({ "400-000-0001": "published", "400-000-0002": "draft" })[String(doc.hotline)],
    change: { hotline: "400-000-0003" },
  },
  landing: {
    set: async (payload) => {
      const hero = { ...landing.hero, title: "已发布的标题" };
      await payload.updateGlobal({
        slug: "landing",
        data: { ...landing, hero, _status: "published" },
      });
      const published = await latestGlobalVersion(payload, "landing");
      await payload.updateGlobal({
        slug: "landing",
        data: { hero: { ...hero, title: "草稿标题" } },
        draft: true,
      });
      return published;
    },
    labelOf: (doc) => {
      const hero = doc.hero;
      const title = typeof hero === "object" && hero !== null && "title" in hero ? hero.title : "";
      return { 已发布的标题: "published", 草稿标题: "draft" }[String(title)];
    },
    change: { hero: { ...landing.hero, title: "改过的标题" } },
  },
  "site-publish": {
    set: async (payload) => {
      await payload.updateGlobal({
        slug: "site-publish",
        data: { state: "idle", reason: "matrix" },
      });
      return undefined;
    },
    labelOf: (doc) => (doc.reason === "matrix" ? "doc" : undefined),
    change: { reason: "改过" },
  },
  "sms-templates": {
    set: async (payload) => {
      await payload.updateGlobal({
        slug: "sms-templates",
        data: { filed: { code: "SMS_700001" } },
      });
      return undefined;
    },
    labelOf: (doc) => {
      const filed = doc.filed;
      const code = typeof filed === "object" && filed !== null && "code" in filed ? filed.code : "";
      return code === "SMS_700001" ? "doc" : undefined;
    },
    change: { filed: { code: "SMS_700002" } },
  },
};
